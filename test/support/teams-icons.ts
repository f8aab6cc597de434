import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type RgbaImage } from './png';

/**
 * Draws the Teams app icons (two linked rings: two organizations federated) and writes them to
 * data/teams-app/. Run once after a design change: `npm run build && node dist/test/support/teams-icons.js`;
 * the PNGs are committed.
 */

export const ACCENT = { r: 0x46, g: 0x47, b: 0xc8 };

interface Ring {
  cx: number;
  cy: number;
  radius: number;
  thickness: number;
}

/** Coverage (0..1) of the pixel at (x, y) by the rings, supersampled 4×4 for smooth edges. */
function coverage(x: number, y: number, rings: Ring[]): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      if (rings.some((r) => Math.abs(Math.hypot(px - r.cx, py - r.cy) - r.radius) <= r.thickness / 2)) hits++;
    }
  }
  return hits / 16;
}

function rings(size: number): Ring[] {
  const radius = size * 0.21;
  const thickness = Math.max(2, size * 0.075);
  return [
    { cx: size * 0.39, cy: size / 2, radius, thickness },
    { cx: size * 0.61, cy: size / 2, radius, thickness },
  ];
}

/** 192×192, white rings on the accent colour, fully opaque. */
export function colorIcon(size = 192): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const shape = rings(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, shape);
      const i = (y * size + x) * 4;
      pixels[i] = Math.round(ACCENT.r + (255 - ACCENT.r) * a);
      pixels[i + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * a);
      pixels[i + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * a);
      pixels[i + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

/** 32×32, white rings on a transparent background (Teams tints it). */
export function outlineIcon(size = 32): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const shape = rings(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      pixels[i] = 255;
      pixels[i + 1] = 255;
      pixels[i + 2] = 255;
      pixels[i + 3] = Math.round(255 * coverage(x, y, shape));
    }
  }
  return { width: size, height: size, pixels };
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '../../../data/teams-app');
  writeFileSync(path.join(dir, 'color.png'), encodePng(colorIcon()));
  writeFileSync(path.join(dir, 'outline.png'), encodePng(outlineIcon()));
  console.log(`teams-icons: wrote color.png and outline.png to ${dir}`);
}
