/**
 * A reminder message (one division, one day) as a neutral view: the lines
 * most urgent first, each with its worded facts and buttons, the notices, and
 * the command that lists what a platform cannot fit.
 */
import type { ReminderLine, ReminderMessage } from '../ports.ts';
import { byUrgency } from '../../domain/reminder.ts';
import { statusLabel } from '../../domain/status.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { commandIn, SLASH_COMMAND, translatorFor } from '../../i18n/command-prefix.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import type { ViewLine } from './view-line.ts';

export interface ReminderView {
  lang: Lang;
  /** `年次計画のお知らせ: 総務部人事課`. */
  heading: string;
  /** The day as people read it (和暦 and ISO). */
  date: string;
  /** The day and the number of lines: `令和2年8月3日(月) · 2020-08-03 — 3 件`. */
  dayLine: string;
  /** How to answer: the buttons, コメント. */
  prompt: string;
  /** Why this message is unusual (sent to the coordinators; a catch-up after downtime). */
  notices: string[];
  /** Most urgent first (escalation, overdue, due, lead, kick-off, check-in). */
  lines: ViewLine[];
  /** The command that lists the lines a platform cut. */
  moreCommand: string;
  /** Joins a line's facts. */
  separator: string;
  /** One line for notifications and screen readers: the division, the count, the first lines. */
  summary: string;
}

/** How many lines the summary names before it says "…". */
const SUMMARY_LINES = 5;

export interface ReminderViewOptions {
  /** How the platform's users type a command (command-prefix.ts): `/plan` (Slack, the default), `@shinchoku` (Teams). */
  commandPrefix?: string;
}

/** The view of `message`, in its own language. */
export function buildReminderView(message: ReminderMessage, options: ReminderViewOptions = {}): ReminderView {
  const prefix = options.commandPrefix ?? SLASH_COMMAND;
  const t = translatorFor(message.lang, prefix);
  const lines = byUrgency(message.lines);
  const date = formatDate(message.day, message.lang);
  return {
    lang: message.lang,
    heading: t('reminder.header', { division: message.division }),
    date,
    dayLine: t('reminder.day', { date, count: message.lines.length }),
    prompt: t('reminder.prompt'),
    notices: [...(message.unmapped ? [t('reminder.unmapped', { division: message.division })] : []), ...(message.missed ? [t('reminder.missed')] : [])],
    lines: lines.map((line) => reminderViewLine(line, message.planKey ?? null, message.lang, t)),
    moreCommand: commandIn(prefix, reminderMoreCommand(message)),
    separator: t('reminder.separator'),
    summary: summaryOf(message, lines, t),
  };
}

/** The `他 N 件` note for `count` lines a platform cut, naming `command` as that platform writes it. */
export function reminderMoreText(lang: Lang, count: number, command: string): string {
  return translator(lang)('reminder.more', { count, command });
}

function summaryOf(message: ReminderMessage, lines: readonly ReminderLine[], t: Translate): string {
  const named = lines.slice(0, SUMMARY_LINES).map((line) => `${line.milestoneId} ${t(`kind.${line.kind}`)}`);
  if (lines.length > SUMMARY_LINES) named.push('…');
  return t('reminder.fallback', { division: message.division, count: lines.length, list: named.join(', ') });
}

function reminderViewLine(line: ReminderLine, plan: string | null, lang: Lang, t: Translate): ViewLine {
  const facts = [
    line.due === null ? null : t('reminder.due', { date: formatDate(line.due, lang) }),
    line.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(line.checkpoint, lang) }),
    t('reminder.status', { status: statusLabel(line.status, lang) }),
    line.daysOverdue === undefined ? null : t('reminder.daysOverdue', { days: line.daysOverdue }),
    line.owner === undefined ? null : t('reminder.owner', { owner: line.owner }),
  ].filter((fact): fact is string => fact !== null);
  return {
    tag: t('reminder.kindTag', { kind: t(`kind.${line.kind}`) }),
    id: line.milestoneId,
    title: line.title,
    facts,
    notes: line.originalDate === undefined ? [] : [t('reminder.originalDate', { date: formatDate(line.originalDate, lang) })],
    target: { milestoneId: line.milestoneId, checkpoint: line.checkpoint, plan },
  };
}

/**
 * The command that lists what did not fit. `/plan mine` lists the caller's
 * divisions, which is right in a division's own channel; in the coordinator
 * channel the lines are another division's (unmapped) or escalations, and
 * `/plan mine` would show the coordinator's own milestones instead.
 * Escalations come first, so a cut tail is all escalations only when every line is.
 */
function reminderMoreCommand(message: ReminderMessage): string {
  if (message.lines.length > 0 && message.lines.every((line) => line.kind === 'escalation')) return '/plan status overdue';
  if (message.unmapped) return `/plan status ${message.division}`;
  return '/plan mine';
}
