/**
 * A palette PNG from RGBA pixels, with node:zlib only. resvg writes 32-bit
 * RGBA; a chart of a few flat colours and their anti-aliased edges fits in
 * 16 palette entries at a quarter of the bytes, which is what lets the
 * digest chart ride inside a Teams card (40 KB for the whole message).
 */
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../encode/png-chunks.ts';

/** At most 16 colours: 4 bits a pixel. */
export const PALETTE_SIZE = 16;

/**
 * PNG bytes of the opaque `width`×`height` image in `rgba` (4 bytes a pixel,
 * alpha ignored), reduced to PALETTE_SIZE colours: `keep` first (the drawing's
 * own colours, so that a short line or a small legend mark keeps its colour
 * however few pixels it has), then the most frequent others; every pixel takes
 * the nearest palette colour.
 */
export function writeIndexedPng(width: number, height: number, rgba: Uint8Array, keep: readonly number[] = []): Buffer {
  const pixels = width * height;
  const counts = new Map<number, number>();
  for (let i = 0; i < pixels; i++) {
    const colour = rgbAt(rgba, i);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  const palette = [...new Set(keep.filter((c) => counts.has(c)))].slice(0, PALETTE_SIZE);
  for (const [colour] of [...counts].sort((a, b) => b[1] - a[1])) {
    if (palette.length >= PALETTE_SIZE) break;
    if (!palette.includes(colour)) palette.push(colour);
  }
  const nearest = new Map<number, number>();
  const indexOf = (colour: number): number => {
    let index = nearest.get(colour);
    if (index === undefined) {
      index = nearestIndex(colour, palette);
      nearest.set(colour, index);
    }
    return index;
  };

  const stride = Math.ceil(width / 2);
  // Each row starts with filter type 0 (none); two pixels a byte, high nibble first.
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < width; x++) {
      const index = indexOf(rgbAt(rgba, y * width + x));
      raw[row + (x >> 1)]! |= x % 2 === 0 ? index << 4 : index;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 4; // bits per index
  header[9] = 3; // palette
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((colour, i) => plte.writeUIntBE(colour, i * 3, 3));
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header), pngChunk('PLTE', plte), pngChunk('IDAT', deflateSync(raw, { level: 9 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** `#rrggbb` (or `#rgb`) as the 24-bit number writeIndexedPng keeps; null for anything else. */
export function colourOf(hex: string): number | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/iu.exec(hex);
  if (!m) return null;
  const digits = m[1]!.length === 3 ? [...m[1]!].map((d) => d + d).join('') : m[1]!;
  return Number.parseInt(digits, 16);
}

function rgbAt(rgba: Uint8Array, pixel: number): number {
  const i = pixel * 4;
  return (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
}

function nearestIndex(colour: number, palette: readonly number[]): number {
  let best = 0;
  let bestDistance = Infinity;
  for (const [i, p] of palette.entries()) {
    const d = ((colour >> 16) - (p >> 16)) ** 2 + (((colour >> 8) & 255) - ((p >> 8) & 255)) ** 2 + ((colour & 255) - (p & 255)) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}
