import { blankCaptureReason } from '../support/capture-check';
import { encodePng } from '../support/png';

/** A white image with dark "text" stripes from row `inkFrom` on. */
function image(width: number, height: number, inkFrom: number): Buffer {
  const pixels = new Uint8Array(width * height * 4).fill(255);
  for (let y = inkFrom; y < height; y += 6) {
    for (let x = 4; x < width - 4; x += 3) pixels.fill(20, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
  return encodePng({ width, height, pixels });
}

describe('the e2e suite rejects screenshots that do not show the card', () => {
  it.each([
    ['a card with text from the top', image(200, 400, 4), undefined],
    ['a card with a short margin on top', image(200, 400, 30), undefined],
    ['a flat white capture', image(200, 400, 400), /one flat colour/],
    ['a capture whose top half is blank', image(200, 400, 200), /top 200 of 400 pixel rows are blank/],
  ])('%s', (_name, png, expected) => {
    const reason = blankCaptureReason(png);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });
});
