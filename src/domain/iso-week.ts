/**
 * ISO 8601 weeks (Monday to Sunday), which key the weekly digest: one digest
 * per week, whatever day of the week it goes out on.
 */
import { addDays, dayOfWeek, daysBetween } from './local-date.ts';
import type { LocalDate } from './plan.ts';

/** 1 = Monday … 7 = Sunday (ISO 8601), unlike Date's 0 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return dayOfWeek(date) === 0 ? 7 : dayOfWeek(date);
}

/** The Monday of the ISO week `date` falls in. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The ISO week of `date` as `YYYY-Www`: isoWeekKey('2020-09-14') = '2020-W38'.
 * The year is the week's own year (the year of its Thursday), so 2021-01-01,
 * a Friday, is in '2020-W53'. Keys of one era sort as text in time order.
 */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(startOfIsoWeek(date), 3);
  const year = thursday.slice(0, 4);
  // Week 1 is the week with the year's first Thursday, so the n-th Thursday of the year is in week n.
  const firstThursday = addDays(startOfIsoWeek(`${year}-01-04`), 3);
  const week = daysBetween(firstThursday, thursday) / 7 + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
