/**
 * Reads back what write-indexed-png.ts writes (4-bit palette, filter 0), so
 * a test can look at the pixels of the PNG a digest carries.
 */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** One 0xRRGGBB per pixel, row by row. */
  rgb: Uint32Array;
}

export function readIndexedPng(png: Buffer): DecodedPng {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let palette: number[] = [];
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 4 || body[9] !== 3) throw new Error(`not a 4-bit palette PNG: depth ${body[8]}, colour type ${body[9]}`);
    } else if (type === 'PLTE') {
      palette = Array.from({ length: length / 3 }, (_, i) => body.readUIntBE(i * 3, 3));
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = Math.ceil(width / 2);
  const rgb = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) throw new Error('unexpected row filter');
    for (let x = 0; x < width; x++) {
      const byte = raw[y * (stride + 1) + 1 + (x >> 1)]!;
      rgb[y * width + x] = palette[x % 2 === 0 ? byte >> 4 : byte & 15]!;
    }
  }
  return { width, height, rgb };
}

/** How many pixels differ between two images of the same size. */
export function differingPixels(a: DecodedPng, b: DecodedPng): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('sizes differ');
  let n = 0;
  for (let i = 0; i < a.rgb.length; i++) if (a.rgb[i] !== b.rgb[i]) n++;
  return n;
}
