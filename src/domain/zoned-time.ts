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

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Per zone, per UTC day (days since the epoch): the zone's offset in ms if it holds all day, else null. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** How far the wall clock in `timeZone` is ahead of UTC at `ms` (a whole minute since the epoch). */
function offsetAt(ms: number, timeZone: string): number {
  const shown = wallClock(new Date(ms), timeZone);
  return Date.parse(`${shown.date}T${shown.time}:00Z`) - ms;
}

/**
 * The local date of an ISO instant in `timeZone`. Readers turn every
 * update time of a history into a date, and Intl is slow, so the zone's
 * offset is asked once per UTC day; on the rare day the offset changes
 * (a daylight-saving switch) each instant is asked on its own.
 */
export function localDateOf(iso: string, timeZone: string): LocalDate {
  const ms = Date.parse(iso);
  const day = Math.floor(ms / DAY_MS);
  let offsets = dayOffsets.get(timeZone);
  if (!offsets) dayOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS, timeZone);
    offset = first === offsetAt((day + 1) * DAY_MS - MINUTE_MS, timeZone) ? first : null;
    offsets.set(day, offset);
  }
  if (offset === null) return wallClock(new Date(ms), timeZone).date;
  return new Date(ms + offset).toISOString().slice(0, 10);
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
