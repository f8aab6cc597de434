import { PNG } from 'pngjs';

/** 8-bit RGBA images, encoded and decoded by pngjs (the Teams icons and the e2e screenshots). */
export interface RgbaImage {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row. */
  pixels: Uint8Array;
}

export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.pixels.buffer, image.pixels.byteOffset, image.pixels.byteLength);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}

/** Decodes any PNG (every bit depth, colour type and filter) to 8-bit RGBA. */
export function decodePng(file: Buffer): RgbaImage {
  const png = PNG.sync.read(file);
  return { width: png.width, height: png.height, pixels: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}
