/**
 * Instants ↔ the wall clock of the plan's time zone (Asia/Tokyo by default).
 * Uses Intl only, so it is pure: the instant always comes from the caller.
 */
import type { LocalDate } from './plan.ts';

export interface WallClock {
  date: LocalDate;
  /** `HH:MM`, 24-hour. */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The date and time an instant shows on a wall clock in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The local date of an ISO instant in `timeZone`. */
export function localDateOf(iso: string, timeZone: string): LocalDate {
  return wallClock(new Date(iso), timeZone).date;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`.
 * Correct for zones without a daylight-saving jump at that moment (Japan has none).
 */
export function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = wallClock(guess, timeZone);
  const offsetMs = new Date(`${shown.date}T${shown.time}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - offsetMs);
}
