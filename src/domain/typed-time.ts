/**
 * Dates and times as people type them (SHINCHOKU_NOW, `--now`, `--date`,
 * the shell's `:now`): ISO 8601 with or without seconds, `T` or a space,
 * with or without an offset (`Z`, `+09:00`, `+0900`), full-width digits
 * folded. Parsing and validation are dayjs's (strict formats, so 2021-02-29
 * and 24:00 are refused); a time without an offset is wall-clock time in the
 * plan's zone (dayjs's timezone plugin).
 *
 * The domain's own date arithmetic stays on plain `YYYY-MM-DD` strings
 * (local-date.ts): it runs for every milestone on every tick, and string
 * arithmetic is several times faster there than building dayjs objects
 * (README, "Dates and times"). This module is only for what a person types.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { LocalDate } from './plan.ts';

dayjs.extend(customParseFormat);
dayjs.extend(utc);
dayjs.extend(timezone);

/** The forms accepted, as the refusal names them. */
export const TYPED_TIME_FORMS = 'YYYY-MM-DD, YYYY-MM-DDTHH:mm[:ss][Z|±HH:mm]';

const DATE_FORMATS = ['YYYY-MM-DD'];
// H as well as HH: people type 9:30 as often as 09:30.
const TIME_FORMATS = ['[T]HH:mm', '[T]HH:mm:ss', '[T]H:mm', '[T]H:mm:ss', ' HH:mm', ' HH:mm:ss', ' H:mm', ' H:mm:ss'].map((time) => `YYYY-MM-DD${time}`);
const OFFSET = /(?:Z|([+-])(\d{2}):?(\d{2}))$/u;

/** A typed time: the wall clock it names and, when it said so, its offset from UTC in minutes. */
export interface TypedTime {
  date: LocalDate;
  /** `HH:mm:ss`; `00:00:00` for a bare date. */
  time: string;
  offsetMinutes: number | null;
}

/** Reads `text`, or null when it is no date or time of the accepted forms. */
export function parseTypedTime(text: string): TypedTime | null {
  const folded = text.normalize('NFKC').trim();
  const offset = OFFSET.exec(folded);
  const local = offset ? folded.slice(0, offset.index) : folded;
  const parsed = strictUtc(local, [...DATE_FORMATS, ...TIME_FORMATS]);
  if (!parsed) return null;
  const isDateOnly = strictUtc(local, DATE_FORMATS) !== null;
  if (offset && isDateOnly) return null; // `2020-07-22+09:00` names no moment anyone means
  let offsetMinutes: number | null = null;
  if (offset) {
    const [, sign, hours, minutes] = offset;
    offsetMinutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
    if (Math.abs(offsetMinutes) > 14 * 60) return null;
  }
  return { date: parsed.format('YYYY-MM-DD'), time: parsed.format('HH:mm:ss'), offsetMinutes };
}

const DAY_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY/M/D', 'YYYY-M-D', 'YYYY.M.D', 'YYYY[年]M[月]D[日]', 'YYYY[年]M[月]D'];

/** A day as people type it (`2020-07-22`, `2020/7/22`, `2020年7月22日`, full-width digits), or null. */
export function parseTypedDate(text: string): LocalDate | null {
  const parsed = strictUtc(text.normalize('NFKC').trim(), DAY_FORMATS);
  return parsed ? parsed.format('YYYY-MM-DD') : null;
}

/** `text` read strictly in one of `formats`, as UTC so that the machine's own zone plays no part. */
function strictUtc(text: string, formats: readonly string[]): dayjs.Dayjs | null {
  for (const format of formats) {
    const parsed = dayjs.utc(text, format, true);
    if (parsed.isValid()) return parsed;
  }
  return null;
}

/** The instant a typed time names: its own offset, else wall-clock time in `timeZone`. */
export function instantOfTypedTime(typed: TypedTime, timeZone: string): Date {
  const wall = `${typed.date} ${typed.time}`;
  if (typed.offsetMinutes !== null) return dayjs.utc(wall, 'YYYY-MM-DD HH:mm:ss', true).subtract(typed.offsetMinutes, 'minute').toDate();
  return dayjs.tz(wall, 'YYYY-MM-DD HH:mm:ss', timeZone).toDate();
}
