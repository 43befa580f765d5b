/**
 * Japanese era years (和暦) as plans write them: 令和2年度, 平成31年, 令和元年.
 */
import { compactText } from './compact-text.ts';

/** Gregorian year of each era's year 0, so that year N of the era is `offset + N`. */
export const ERA_OFFSETS: Readonly<Record<string, number>> = Object.freeze({
  令和: 2018,
  平成: 1988,
});

const ERA_NAMES = Object.keys(ERA_OFFSETS).join('|');
// 元 is how year 1 of an era is written (令和元年).
const ERA_YEAR = `(?:(${ERA_NAMES})(元|\\d{1,2})|(?<!\\d)(\\d{4}))`;
const YEAR_EXACT = new RegExp(`^${ERA_YEAR}年$`, 'u');
const FISCAL_EXACT = new RegExp(`^${ERA_YEAR}年度$`, 'u');
const FISCAL_ANYWHERE = new RegExp(`${ERA_YEAR}年度`, 'u');

/**
 * The Gregorian year of year `year` of `era`: eraToGregorian('令和', 2) = 2020.
 * `year` may be a number, a digit string (full-width too) or `元` for 1.
 * Returns null for an unknown era or a year that is not a positive integer.
 * Years past an era's end (平成32) are accepted: documents drafted before an
 * era change still use them, and the arithmetic stays right.
 */
export function eraToGregorian(era: string, year: number | string): number | null {
  const offset = ERA_OFFSETS[compactText(era)];
  if (offset === undefined) return null;
  const n = typeof year === 'number' ? year : parseEraYearNumber(compactText(year));
  if (n === null || !Number.isInteger(n) || n < 1) return null;
  return offset + n;
}

function parseEraYearNumber(text: string): number | null {
  if (text === '元') return 1;
  return /^\d+$/u.test(text) ? Number(text) : null;
}

/** Reads the groups of ERA_YEAR into a Gregorian year. */
function yearFromMatch(match: RegExpExecArray): number | null {
  const [, era, eraYear, gregorian] = match;
  if (gregorian !== undefined) return Number(gregorian);
  return era !== undefined && eraYear !== undefined ? eraToGregorian(era, eraYear) : null;
}

/**
 * A calendar year written as `令和3年`, `令和元年` or `2021年` (the whole text,
 * after folding widths and spaces) to its Gregorian number; null otherwise.
 */
export function parseJapaneseYear(text: string): number | null {
  const match = YEAR_EXACT.exec(compactText(text));
  return match ? yearFromMatch(match) : null;
}

/**
 * A fiscal year written as `令和2年度`, `平成31年度` or `2020年度` (the whole
 * text; `令 和 ２ 年 度` is fine) to the Gregorian year it starts in; null otherwise.
 */
export function parseFiscalYear(text: string): number | null {
  const match = FISCAL_EXACT.exec(compactText(text));
  return match ? yearFromMatch(match) : null;
}

/**
 * The first fiscal year named anywhere in `text`, such as a plan title
 * 「令和2年度 第三次…年次計画」 → 2020. Era-less forms like `2年度` are ignored:
 * plans use them for relative columns (2年度, 3年度, …), not to name the plan's year.
 */
export function findFiscalYear(text: string): number | null {
  const match = FISCAL_ANYWHERE.exec(compactText(text));
  return match ? yearFromMatch(match) : null;
}
