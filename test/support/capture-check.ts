import { decodePng } from './png';

/**
 * Why a screenshot of a card is not a picture of it, or undefined when it looks like one: a capture
 * that is one flat colour (nothing rendered), or whose top is a tall flat band (the card was cut off
 * and the page's background, or a bar painted over it, shows instead).
 */
export function blankCaptureReason(file: Buffer, flatTopFraction = 0.2): string | undefined {
  const { width, height, pixels } = decodePng(file);
  if (width === 0 || height === 0) return 'the capture is empty';
  const rowIsFlat = (y: number): boolean => {
    const at = y * width * 4;
    for (let x = 1; x < width; x++) {
      const i = at + x * 4;
      for (let c = 0; c < 3; c++) if (Math.abs((pixels[i + c] ?? 0) - (pixels[at + c] ?? 0)) > 8) return false;
    }
    return true;
  };
  let flatRows = 0;
  let topFlat = 0;
  for (let y = 0; y < height; y++) {
    const flat = rowIsFlat(y);
    if (flat) flatRows++;
    if (flat && topFlat === y) topFlat = y + 1;
  }
  if (flatRows === height) return 'the capture is one flat colour';
  if (topFlat > Math.max(40, height * flatTopFraction)) return `the top ${topFlat} of ${height} pixel rows are blank`;
  return undefined;
}
