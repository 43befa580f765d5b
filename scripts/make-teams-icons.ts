// Draws the Teams app icons once (assets/teams/color.png 192×192,
// assets/teams/outline.png 32×32, as the app manifest requires); the PNGs are
// committed, so this runs only when the design changes:
//   node --import tsx scripts/make-teams-icons.ts
import { writeFileSync } from 'node:fs';
import { writePng } from '../src/adapters/teams/package/write-png.ts';

type Rgba = [number, number, number, number];
const ACCENT: Rgba = [0x1f, 0x6f, 0xb2, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

/** An image filled by `paint(x, y)` at the pixel centre, 4×4 supersampled for smooth edges. */
function draw(size: number, background: Rgba, paint: (x: number, y: number) => Rgba | null): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const colour = paint((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size) ?? background;
          for (let i = 0; i < 4; i++) sum[i]! += colour[i]! * (i === 3 ? 1 : colour[3]! / 255);
        }
      }
      const alpha = sum[3]! / 16;
      for (let i = 0; i < 3; i++) pixels[(y * size + x) * 4 + i] = alpha === 0 ? 0 : Math.round(sum[i]! / 16 / (alpha / 255));
      pixels[(y * size + x) * 4 + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

/** Distance from (x, y) to the segment a–b. */
function toSegment(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

// A check mark over a progress bar: the plan moving forward.
const CHECK: Array<[[number, number], [number, number]]> = [
  [[0.27, 0.45], [0.43, 0.6]],
  [[0.43, 0.6], [0.74, 0.28]],
];
const inCheck = (x: number, y: number, width: number) => CHECK.some(([a, b]) => toSegment(x, y, a, b) < width);
const inBar = (x: number, y: number) => y > 0.72 && y < 0.8 && x > 0.22 && x < 0.78;

const color = draw(192, ACCENT, (x, y) => (inCheck(x, y, 0.055) || (inBar(x, y) && x < 0.62) ? WHITE : inBar(x, y) ? [0xff, 0xff, 0xff, 0x66] : null));
writeFileSync('assets/teams/color.png', writePng(192, 192, color));

// The outline icon: white on transparent, nothing else (Teams' rule).
const outline = draw(32, CLEAR, (x, y) => (inCheck(x, y, 0.07) || inBar(x, y) ? WHITE : null));
writeFileSync('assets/teams/outline.png', writePng(32, 32, outline));
