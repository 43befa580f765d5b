/**
 * Milestone schedules (SPEC §1.2): parsing the plan's `(6月~1月)` text,
 * placing months in the fiscal year, and the checkpoints that carry due dates.
 */
import type { BusinessCalendar } from './calendar.ts';
import { compactText } from './compact-text.ts';
import { parseJapaneseYear } from './era.ts';
import { addMonths, isValidLocalDate, isValidYearMonth, toYearMonth } from './local-date.ts';
import type { LocalDate, Schedule, YearMonth } from './plan.ts';

/** One due point of a milestone; `key` tells checkpoints apart when a schedule has several. */
export interface Checkpoint {
  /** The month for `months` and `monthly` schedules; null when the milestone has a single checkpoint. */
  key: YearMonth | null;
  /** The month whose last business day is the due date. */
  month: YearMonth;
}

/**
 * Every way plans write "to" between two months, after NFKC has already folded
 * `～` and `－` into ASCII: wave dash, hyphens and dashes, minus, and the long
 * vowel mark `ー` that PDF extraction substitutes for a dash.
 */
const TO = /[~〜\-‐‑–—−ー]/gu;
const LIST_SEPARATOR = /[、,]/u;
/** An optional explicit year (`令和3年`, `2021年`) and a month. */
const MONTH_TOKEN = /^(.+年)?(\d{1,2})月$/u;
const TIMES_PER_YEAR = /^年(\d{1,2})回$/u;

const KEYWORDS: Readonly<Record<string, Schedule>> = {
  通年: { kind: 'yearRound' },
  随時: { kind: 'asNeeded' },
  月1回: { kind: 'monthly' },
  毎月: { kind: 'monthly' },
  毎月1回: { kind: 'monthly' },
};

/**
 * Parses the inside of a milestone's last parentheses (`6月~1月`, `通年`, …)
 * into a Schedule for `fiscalYear`. Months without a year fall in the fiscal
 * year (4–12 in `fiscalYear`, 1–3 in the next); a month after an explicit year
 * (`令和3年1月~3月`) is the next such month from the one before it.
 * Returns null for any other text, for a month outside 1–12, and for a range
 * that ends before it starts; `unscheduled` is the caller's to assign.
 */
export function parseSchedule(text: string, fiscalYear: number): Schedule | null {
  const compact = compactText(text).replace(TO, '~');
  const keyword = KEYWORDS[compact];
  if (keyword) return { ...keyword };

  const times = TIMES_PER_YEAR.exec(compact);
  if (times) {
    const count = Number(times[1]);
    return count >= 1 ? { kind: 'timesPerYear', times: count } : null;
  }

  if (compact.includes('~')) {
    const [first = '', second, ...rest] = compact.split('~');
    if (second === undefined || rest.length > 0) return null;
    if (second === '') {
      const start = resolveMonths([first], fiscalYear)?.[0];
      return start ? { kind: 'from', start } : null;
    }
    const [start, end] = resolveMonths([first, second], fiscalYear) ?? [];
    return start && end && start <= end ? { kind: 'range', start, end } : null;
  }

  const months = resolveMonths(compact.split(LIST_SEPARATOR), fiscalYear);
  return months ? { kind: 'months', months: [...new Set(months)].sort() } : null;
}

/**
 * Resolves month tokens in order; null if any token is not a month. An explicit
 * year anchors the tokens after it, which would otherwise use the fiscal year.
 */
function resolveMonths(tokens: string[], fiscalYear: number): YearMonth[] | null {
  const resolved: YearMonth[] = [];
  let anchor: { year: number; month: number } | null = null;
  for (const token of tokens) {
    const match = MONTH_TOKEN.exec(token);
    if (!match) return null;
    const [, yearText, monthText] = match;
    const month = Number(monthText);
    if (month < 1 || month > 12) return null;
    let year: number;
    if (yearText !== undefined) {
      const explicit = parseJapaneseYear(yearText);
      if (explicit === null) return null;
      year = explicit;
    } else if (anchor) {
      year = month < anchor.month ? anchor.year + 1 : anchor.year;
    } else {
      year = fiscalCalendarYear(month, fiscalYear);
    }
    if (yearText !== undefined || anchor) anchor = { year, month };
    resolved.push(toYearMonth(year, month));
  }
  return resolved;
}

function fiscalCalendarYear(month: number, fiscalYear: number): number {
  return month >= 4 ? fiscalYear : fiscalYear + 1;
}

/**
 * The calendar month of `month` (1–12) within `fiscalYear`:
 * fiscalMonth(1, 2020) = '2021-01'. Throws RangeError for a month outside 1–12.
 */
export function fiscalMonth(month: number, fiscalYear: number): YearMonth {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12: ${month}`);
  return toYearMonth(fiscalCalendarYear(month, fiscalYear), month);
}

/**
 * The fiscal year a month or a date belongs to: fiscalYearOf('2021-03') = 2020.
 * Throws RangeError for anything that is neither `YYYY-MM` nor `YYYY-MM-DD`.
 */
export function fiscalYearOf(monthOrDate: YearMonth | LocalDate): number {
  if (!isValidYearMonth(monthOrDate) && !isValidLocalDate(monthOrDate)) {
    throw new RangeError(`not a month or a date: ${JSON.stringify(monthOrDate)}`);
  }
  const year = Number(monthOrDate.slice(0, 4));
  return Number(monthOrDate.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The twelve months of `fiscalYear`, April to the following March. */
export function fiscalYearMonths(fiscalYear: number): readonly YearMonth[] {
  let months = fiscalYears.get(fiscalYear);
  if (!months) {
    const april = fiscalMonth(4, fiscalYear);
    months = Object.freeze(Array.from({ length: 12 }, (_, i) => addMonths(april, i)));
    fiscalYears.set(fiscalYear, months);
  }
  return months;
}

// The policy asks once per milestone and day; the answer never changes.
const fiscalYears = new Map<number, readonly YearMonth[]>();

/**
 * The checkpoints a schedule is due at, in order. `from`, `asNeeded` and
 * `unscheduled` have none: they are followed by monthly check-ins, not deadlines.
 */
export function checkpointsOf(schedule: Schedule, fiscalYear: number): Checkpoint[] {
  switch (schedule.kind) {
    case 'range':
      return [{ key: null, month: schedule.end }];
    case 'months':
      return schedule.months.map((month) => ({ key: month, month }));
    case 'monthly':
      return fiscalYearMonths(fiscalYear).map((month) => ({ key: month, month }));
    case 'yearRound':
    case 'timesPerYear':
      return [{ key: null, month: fiscalMonth(3, fiscalYear) }];
    case 'from':
    case 'asNeeded':
    case 'unscheduled':
      return [];
  }
}

/** The due date of a checkpoint month: its last business day (SPEC §1.2). */
export function dueDateOf(month: YearMonth, calendar: BusinessCalendar): LocalDate {
  return calendar.lastBusinessDay(month);
}

/**
 * A compact, language-neutral rendering for reports and logs:
 * `2020-06~2021-01`, `2020-08,2021-01`, `2020-04~`, or the kind name
 * (`yearRound`, `asNeeded`, `monthly`, `unscheduled`, `timesPerYear:3`).
 */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'range':
      return `${schedule.start}~${schedule.end}`;
    case 'months':
      return schedule.months.join(',');
    case 'from':
      return `${schedule.start}~`;
    case 'timesPerYear':
      return `timesPerYear:${schedule.times}`;
    case 'yearRound':
    case 'asNeeded':
    case 'monthly':
    case 'unscheduled':
      return schedule.kind;
  }
}
