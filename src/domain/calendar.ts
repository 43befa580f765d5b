/**
 * The business-day calendar of SPEC §1.3: weekdays that are neither national
 * holidays nor in the administrative year-end closure. The holiday table is
 * injected so the domain stays free of any data package.
 */
import type { LocalDate, YearMonth } from './plan.ts';
import { addDays, compareLocalDates, dayOfWeek, firstDayOfMonth, isValidLocalDate, lastDayOfMonth, monthOf } from './local-date.ts';

/** A yearly closure as `MM-DD` bounds, both inclusive; `from` after `to` wraps over New Year. */
export interface Closure {
  from: string;
  to: string;
}

export interface BusinessCalendarOptions {
  isHoliday: (d: LocalDate) => boolean;
  /** Defaults to DEFAULT_CLOSURE; `null` means no closure at all. */
  closure?: Closure | null;
}

export interface BusinessCalendar {
  isBusinessDay(d: LocalDate): boolean;
  /** `d` itself when it is a business day, else the business day before it. */
  onOrBefore(d: LocalDate): LocalDate;
  /** The last business day strictly before `d`. */
  previousBusinessDay(d: LocalDate): LocalDate;
  /** The first business day strictly after `d`. */
  nextBusinessDay(d: LocalDate): LocalDate;
  /** The `n`-th business day before `d`, not counting `d`; `n = 0` gives `d` back. */
  businessDaysBefore(d: LocalDate, n: number): LocalDate;
  /** The `n`-th business day after `d`, not counting `d`; `n = 0` gives `d` back. */
  businessDaysAfter(d: LocalDate, n: number): LocalDate;
  firstBusinessDay(ym: YearMonth): LocalDate;
  lastBusinessDay(ym: YearMonth): LocalDate;
  /** Business days in `(a, b]`; negative (the count of `(b, a]`) when `b` is before `a`. */
  countBusinessDaysBetween(a: LocalDate, b: LocalDate): number;
}

/** 行政機関の休日: December 29 to January 3. */
export const DEFAULT_CLOSURE: Readonly<Closure> = Object.freeze({ from: '12-29', to: '01-03' });

/**
 * No real calendar goes this long without a business day (Golden Week plus
 * the year-end closure are about 10 days), so hitting it means the injected
 * holiday table is broken; throwing beats looping forever.
 */
const MAX_GAP_DAYS = 60;

/**
 * Builds the business-day calendar from a holiday predicate and an optional
 * closure. Throws RangeError for a malformed closure.
 */
export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  const { isHoliday } = options;
  const inClosure = closurePredicate(options.closure === undefined ? DEFAULT_CLOSURE : options.closure);

  // The reminder policy asks the same few hundred dates over and over for
  // every milestone; answers never change, so they are remembered.
  const businessDays = new Map<LocalDate, boolean>();
  const isBusinessDay = (d: LocalDate): boolean => {
    let answer = businessDays.get(d);
    if (answer === undefined) {
      const weekday = dayOfWeek(d);
      answer = weekday !== 0 && weekday !== 6 && !inClosure(d) && !isHoliday(d);
      businessDays.set(d, answer);
    }
    return answer;
  };

  const seeks = new Map<string, LocalDate>();
  /** The first business day reached from `start` stepping by `step` days, `start` included. */
  const seek = (start: LocalDate, step: 1 | -1): LocalDate => {
    const key = `${start}${step}`;
    const known = seeks.get(key);
    if (known !== undefined) return known;
    const found = scan(start, step);
    seeks.set(key, found);
    return found;
  };

  const scan = (start: LocalDate, step: 1 | -1): LocalDate => {
    let d = start;
    for (let i = 0; i <= MAX_GAP_DAYS; i++) {
      if (isBusinessDay(d)) return d;
      d = addDays(d, step);
    }
    throw new Error(
      `no business day within ${MAX_GAP_DAYS} days ${step > 0 ? 'after' : 'before'} ${start}: the holiday table or closure is wrong`,
    );
  };

  const stepBusinessDays = (d: LocalDate, n: number, step: 1 | -1): LocalDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`business day count must be a non-negative integer: ${n}`);
    let result = d;
    for (let i = 0; i < n; i++) result = seek(addDays(result, step), step);
    return result;
  };

  const withinMonth = (d: LocalDate, ym: YearMonth): LocalDate => {
    if (monthOf(d) !== ym) throw new Error(`no business day in ${ym}: the holiday table or closure is wrong`);
    return d;
  };

  const countForward = (a: LocalDate, b: LocalDate): number => {
    let count = 0;
    for (let d = addDays(a, 1); compareLocalDates(d, b) <= 0; d = addDays(d, 1)) {
      if (isBusinessDay(d)) count++;
    }
    return count;
  };

  const remembered = new Map<string, LocalDate>();
  const remember = (key: string, compute: () => LocalDate): LocalDate => {
    let answer = remembered.get(key);
    if (answer === undefined) {
      answer = compute();
      remembered.set(key, answer);
    }
    return answer;
  };

  const counts = new Map<string, number>();
  const rememberCount = (key: string, compute: () => number): number => {
    let answer = counts.get(key);
    if (answer === undefined) {
      answer = compute();
      counts.set(key, answer);
    }
    return answer;
  };

  return {
    isBusinessDay,
    onOrBefore: (d) => seek(d, -1),
    previousBusinessDay: (d) => remember(`p${d}`, () => seek(addDays(d, -1), -1)),
    nextBusinessDay: (d) => remember(`n${d}`, () => seek(addDays(d, 1), 1)),
    businessDaysBefore: (d, n) => remember(`b${d}${n}`, () => stepBusinessDays(d, n, -1)),
    businessDaysAfter: (d, n) => remember(`a${d}${n}`, () => stepBusinessDays(d, n, 1)),
    firstBusinessDay: (ym) => remember(`f${ym}`, () => withinMonth(seek(firstDayOfMonth(ym), 1), ym)),
    lastBusinessDay: (ym) => remember(`l${ym}`, () => withinMonth(seek(lastDayOfMonth(ym), -1), ym)),
    // Remembered too: every overdue line of a tick counts from one of a dozen due dates to today.
    countBusinessDaysBetween: (a, b) => rememberCount(`${a}${b}`, () => (compareLocalDates(a, b) <= 0 ? countForward(a, b) : -countForward(b, a))),
  };
}

/** Compares `MM-DD` strings, which order correctly as text within one year. */
function closurePredicate(closure: Closure | null): (d: LocalDate) => boolean {
  if (closure === null) return () => false;
  const { from, to } = closure;
  for (const bound of [from, to]) {
    // 2000 is a leap year, so 02-29 is an acceptable bound.
    if (!/^\d{2}-\d{2}$/u.test(bound) || !isValidLocalDate(`2000-${bound}`)) {
      throw new RangeError(`closure bound must be MM-DD: ${JSON.stringify(bound)}`);
    }
  }
  const wraps = from > to;
  return (d) => {
    const monthDay = d.slice(5);
    return wraps ? monthDay >= from || monthDay <= to : monthDay >= from && monthDay <= to;
  };
}
