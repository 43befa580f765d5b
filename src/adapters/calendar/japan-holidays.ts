/**
 * Japanese national holidays from @holiday-jp/holiday_jp, wired into the
 * domain's business-day calendar.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { createBusinessCalendar, type BusinessCalendar } from '../../domain/calendar.ts';
import type { LocalDate } from '../../domain/plan.ts';

let holidaySet: ReadonlySet<string> | undefined;

/**
 * A predicate telling whether a date is a national holiday (振替休日 and the
 * 2020 Olympic moves included). The package's own `isHoliday(Date)` formats
 * the Date in the host's zone, so we use its `YYYY-MM-DD` keys directly: no
 * Date is built and no time zone can move a day. The table ends in 2050;
 * later dates read as ordinary days.
 */
export function japaneseHolidays(): (d: LocalDate) => boolean {
  // The table has thousands of entries; build the set once per process.
  holidaySet ??= new Set(Object.keys(holidayJp.holidays));
  const set = holidaySet;
  return (d) => set.has(d);
}

/** The business calendar of a Japanese public office: national holidays plus 12/29–1/3. */
export function createJapaneseCalendar(): BusinessCalendar {
  return createBusinessCalendar({ isHoliday: japaneseHolidays() });
}
