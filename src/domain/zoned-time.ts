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
  const ms = instant.getTime();
  const offset = steadyOffset(ms, timeZone);
  if (offset === null) return intlWallClock(instant, timeZone);
  const shown = new Date(ms + offset).toISOString();
  return { date: shown.slice(0, 10), time: shown.slice(11, 16) };
}

function intlWallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Per zone, per UTC day (days since the epoch): the zone's offset in ms if it holds all day, else null. */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** How far the wall clock in `timeZone` is ahead of UTC at `ms` (a whole minute since the epoch). */
function offsetAt(ms: number, timeZone: string): number {
  const shown = intlWallClock(new Date(ms), timeZone);
  return Date.parse(`${shown.date}T${shown.time}:00Z`) - ms;
}

/**
 * The zone's offset at `ms` when it holds for the whole UTC day, else null.
 * Readers turn every update time of a history into a date and every reply
 * shows times, and Intl is slow, so the offset is asked once per UTC day; on
 * the rare day it changes (a daylight-saving switch) each instant is asked
 * on its own.
 */
function steadyOffset(ms: number, timeZone: string): number | null {
  const day = Math.floor(ms / DAY_MS);
  let offsets = dayOffsets.get(timeZone);
  if (!offsets) dayOffsets.set(timeZone, (offsets = new Map()));
  let offset = offsets.get(day);
  if (offset === undefined) {
    const first = offsetAt(day * DAY_MS, timeZone);
    offset = first === offsetAt((day + 1) * DAY_MS - MINUTE_MS, timeZone) ? first : null;
    offsets.set(day, offset);
  }
  return offset;
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
  const shown = intlWallClock(guess, timeZone);
  const offsetMs = new Date(`${shown.date}T${shown.time}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - offsetMs);
}
