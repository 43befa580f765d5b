/**
 * The digest's wording, shared by every renderer (Slack, the terminal,
 * Teams): the facts of a line, percentages, the progress bar, and which
 * command lists what a cut list left out. Plain text; each renderer escapes
 * and styles it for its own platform.
 */
import type { Digest, DigestEntry, SilentDivision } from '../domain/digest.ts';
import { daysBetween } from '../domain/local-date.ts';
import { statusLabel } from '../domain/status.ts';
import type { Lang, Translate } from './catalog.ts';
import { formatDate, formatMonth } from './format-date.ts';

/**
 * Where the digest's period starts: the previous digest, or, when none was
 * posted before, just the last days (never a "previous digest" that does not
 * exist). Messages queued before `afterDigest` existed lack it; they did
 * name a previous digest.
 */
export function digestPeriodText(digest: Digest, lang: Lang, t: Translate): string {
  const date = formatDate(digest.previousDate, lang);
  return digest.afterDigest === false ? t('updates.digest.periodDays', { date, days: daysBetween(digest.previousDate, digest.date) }) : t('digest.period', { date });
}

/** Lines a digest shows per list; the rest are counted in 「他 N 件」. */
export const DIGEST_LIST_LINES = 10;

/**
 * The `/plan` command that shows the whole of a list the digest cut
 * (SPEC §5).
 */
export const DIGEST_MORE_COMMANDS = Object.freeze({
  completed: '/plan status done',
  newlyOverdue: '/plan status overdue',
  stillOverdue: '/plan status overdue',
  dueSoon: '/plan status upcoming',
  silent: '/plan status',
  unmapped: '/plan status',
  pillars: '/plan status',
} as const);

/** A part of the digest that can be cut. */
export type DigestPart = keyof typeof DIGEST_MORE_COMMANDS;

const BAR_CELLS = 10;

/**
 * `done` of `total` as a whole percentage, rounded down so that 100% means
 * really all; null when there is nothing to count.
 */
export function percentOf(done: number, total: number): number | null {
  return total === 0 ? null : Math.floor((done * 100) / total);
}

/** `40%`, or `—` when there is nothing to count. */
export function percentText(done: number, total: number, t: Translate): string {
  const percent = percentOf(done, total);
  return percent === null ? t('digest.noPercent') : t('digest.percent', { percent });
}

/** A ten-cell bar, `▓▓▓▓░░░░░░` for 40%; full cells are whole tenths, rounded down like the percentage. */
export function progressBar(done: number, total: number): string {
  const full = total === 0 ? 0 : Math.min(BAR_CELLS, Math.floor((done * BAR_CELLS) / total));
  return '▓'.repeat(full) + '░'.repeat(BAR_CELLS - full);
}

/** The facts after a digest line's id and title: checkpoint, due date, status, days overdue or completion day, owners. */
export function entryFacts(entry: DigestEntry, lang: Lang, t: Translate): string[] {
  return [
    entry.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(entry.checkpoint, lang) }),
    entry.due === null ? null : t('reminder.due', { date: formatDate(entry.due, lang) }),
    entry.completedOn === undefined ? t('reminder.status', { status: statusLabel(entry.status, lang) }) : t('digest.completedOn', { date: formatDate(entry.completedOn, lang) }),
    entry.daysOverdue === undefined ? null : t('reminder.daysOverdue', { days: entry.daysOverdue }),
    entry.owners.length === 0 ? null : t('reminder.owner', { owner: entry.owners.join(lang === 'ja' ? '、' : ', ') }),
  ].filter((fact): fact is string => fact !== null);
}

/** The facts after a silent division's name: its reminders and its last report. */
export function silentFacts(silent: SilentDivision, lang: Lang, t: Translate): string[] {
  return [
    t('digest.silent.reminders', { count: silent.reminders, date: formatDate(silent.firstRemindedOn, lang) }),
    silent.lastReportOn === null ? t('digest.silent.neverReported') : t('digest.silent.lastReport', { date: formatDate(silent.lastReportOn, lang) }),
  ];
}
