/**
 * Months as people type them in a command: `2021-02`, `2021/2`, `2021年2月`,
 * `令和3年2月`, `R3.2`, or just `2月` (placed in the plan's fiscal year by the
 * use case, since the parser does not know the plan).
 */
import { parseJapaneseYear } from '../../domain/era.ts';
import type { MonthRef } from './command.ts';

/** The month `word` names (already NFKC-folded), or null when it names none. */
export function parseMonthWord(word: string): MonthRef | null {
  const iso = /^(\d{4})[-/.](\d{1,2})$/u.exec(word);
  if (iso) return checked(Number(iso[1]), Number(iso[2]));
  const reiwa = /^r(\d{1,2})[-/.](\d{1,2})$/iu.exec(word);
  if (reiwa) return checked(2018 + Number(reiwa[1]), Number(reiwa[2]));
  const japanese = /^(.+年)?(\d{1,2})月$/u.exec(word);
  if (japanese) {
    const monthNumber = Number(japanese[2]);
    if (japanese[1] === undefined) return monthNumber >= 1 && monthNumber <= 12 ? { year: null, month: monthNumber } : null;
    const year = parseJapaneseYear(japanese[1]);
    return year === null ? null : checked(year, monthNumber);
  }
  return null;
}

/** True when `word` looks like an attempt at a month, so that a typo is reported as a bad month, not as a comment. */
export function looksLikeMonth(word: string): boolean {
  return /^\d{4}[-/.]\d+$|^\d+月$|^r\d+[-/.]\d+$/iu.test(word) || /年.*月$/u.test(word);
}

function checked(year: number, month: number): MonthRef | null {
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2999 ? { year, month } : null;
}
