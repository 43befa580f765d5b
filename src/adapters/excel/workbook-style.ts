/** The workbook's few styles: one font, thin borders, header and grade fills. */
import type { Borders, Fill, Font } from './exceljs.ts';

/** A Japanese UI font every office PC with Excel has; Excel falls back on its own when missing. */
export const FONT: Partial<Font> = { name: '游ゴシック', size: 10 };
export const SUBTLE_FONT: Partial<Font> = { ...FONT, color: { argb: 'FF707070' }, italic: true };

const thin = { style: 'thin' as const, color: { argb: 'FFA6A6A6' } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** A heavier line where a new pillar starts, so the groups read apart on paper. */
export const PILLAR_BORDER = { style: 'medium' as const, color: { argb: 'FF404040' } };

export const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' }, bgColor: { argb: 'FFDDEBF7' } };

// Best grade green through to worst red, as the office's sheets colour them.
const GRADE_COLOURS = ['FFC6EFCE', 'FFE2EFDA', 'FFFFEB9C', 'FFFCE4D6', 'FFFFC7CE'];

/** The fill of grade `index` of a scale of `count` grades: first green, last red, the rest between. */
export function evaluationFill(index: number, count: number): Fill {
  const position = count <= 1 ? 0 : Math.round((index / (count - 1)) * (GRADE_COLOURS.length - 1));
  const argb = GRADE_COLOURS[position]!;
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}
