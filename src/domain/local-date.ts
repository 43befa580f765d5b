/**
 * Calendar arithmetic on plain ISO strings (`YYYY-MM-DD`, `YYYY-MM`).
 *
 * Dates are wall-calendar days with no time zone: all arithmetic goes through
 * UTC midnight so that neither the host's zone nor DST can shift a day.
 */
import type { LocalDate, YearMonth } from './plan.ts';

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

/** UTC midnight of a calendar day; setUTCFullYear keeps years 0–99 literal, unlike Date.UTC. */
function utcMillis(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function fromMillis(ms: number): LocalDate {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function parseLocalDate(d: LocalDate): { year: number; month: number; day: number } {
  if (!isValidLocalDate(d)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

function parseYearMonth(ym: YearMonth): { year: number; month: number } {
  if (!isValidYearMonth(ym)) throw new RangeError(`not a valid month (YYYY-MM): ${JSON.stringify(ym)}`);
  return { year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) };
}

function toMillis(d: LocalDate): number {
  const { year, month, day } = parseLocalDate(d);
  return utcMillis(year, month, day);
}

// Schedules and reminders reuse a few thousand dates millions of times;
// remembering the valid ones keeps the checks off the hot path.
const knownValid = new Set<string>();

/** True when `d` is `YYYY-MM-DD` and names a real day (no 2021-02-29). */
export function isValidLocalDate(d: string): boolean {
  if (knownValid.has(d)) return true;
  const valid = checkLocalDate(d);
  if (valid && knownValid.size < 100_000) knownValid.add(d);
  return valid;
}

function checkLocalDate(d: string): boolean {
  const match = LOCAL_DATE.exec(d);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Round-tripping catches day overflow such as 04-31 without a month-length table.
  return fromMillis(utcMillis(year, month, day)) === d;
}

/** True when `ym` is `YYYY-MM` with a month 01–12. */
export function isValidYearMonth(ym: string): boolean {
  const match = YEAR_MONTH.exec(ym);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

/** Builds a `YYYY-MM` from numbers; throws RangeError for a month outside 1–12. */
export function toYearMonth(year: number, month: number): YearMonth {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`not a valid year and month: ${year}, ${month}`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** The day `n` days after `d` (`n` may be negative). Throws RangeError on a malformed date. */
export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`day count must be an integer: ${n}`);
  return fromMillis(toMillis(d) + n * MS_PER_DAY);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: LocalDate): number {
  return new Date(toMillis(d)).getUTCDay();
}

/** The month `d` falls in. */
export function monthOf(d: LocalDate): YearMonth {
  parseLocalDate(d);
  return d.slice(0, 7);
}

/** The month `n` months after `ym` (`n` may be negative). */
export function addMonths(ym: YearMonth, n: number): YearMonth {
  if (!Number.isInteger(n)) throw new RangeError(`month count must be an integer: ${n}`);
  const { year, month } = parseYearMonth(ym);
  const index = year * 12 + (month - 1) + n;
  return toYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** The 1st of `ym`. */
export function firstDayOfMonth(ym: YearMonth): LocalDate {
  parseYearMonth(ym);
  return `${ym}-01`;
}

/** The last calendar day of `ym` (28–31). */
export function lastDayOfMonth(ym: YearMonth): LocalDate {
  return addDays(firstDayOfMonth(addMonths(ym, 1)), -1);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`; usable with Array#sort. */
export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  for (const d of [a, b]) if (!isValidLocalDate(d)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  // Valid `YYYY-MM-DD` strings sort like the days they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from `a` to `b`: positive when `b` is later, so `addDays(a, daysBetween(a, b)) === b`. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toMillis(b) - toMillis(a)) / MS_PER_DAY);
}
