/**
 * A report round's message (round-notices.ts) as the neutral view every
 * platform shows: the title saying what it is (request, days to the
 * deadline, overdue, sent back), the items the division owes with the
 * coordinator's comment on those sent back, the answer command, and one
 * 回答 button per item shown (the shell has none: the command line says how). Slack, Teams and the shell only lay it out.
 */
import type { RoundMessage } from '../ports.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { commandIn, SLASH_COMMAND, translatorFor } from '../../i18n/command-prefix.ts';
import { formatAsOf } from '../../i18n/format-as-of.ts';
import type { ReplyBlock, ReplyView } from './build-reply-view.ts';
import type { ViewLine } from './view-line.ts';

/** Items (or divisions) listed in one message; the rest are counted with the command that lists them. */
export const MAX_ROUND_LINES = 20;

/** A button that opens the answer form of an item. */
export interface RoundAnswerButton {
  itemId: string;
  /** The round's plan; null in a message queued before messages kept it (then the default plan's round). */
  planKey: string | null;
  label: string;
}

export interface RoundView extends ReplyView {
  title: string;
  /** One per item shown, in order (none for the coordinator's message). */
  answers: RoundAnswerButton[];
  /** One line for notifications and screen readers. */
  summary: string;
}

export interface RoundViewOptions {
  /** How the platform's users type a command (command-prefix.ts): `/plan` (Slack, the default), `@shinchoku` (Teams). */
  commandPrefix?: string;
}

/** The view of `message`, in its own language. */
export function buildRoundView(message: RoundMessage, options: RoundViewOptions = {}): RoundView {
  const prefix = options.commandPrefix ?? SLASH_COMMAND;
  const t = translatorFor(message.lang, prefix);
  const asOf = formatAsOf(message.round.asOf, message.lang);
  const deadline = formatAsOf(message.round.deadline, message.lang, true);
  const title = titleOf(message, t, { asOf, deadline });
  const blocks: ReplyBlock[] = [];
  if (message.unmapped) blocks.push({ kind: 'text', text: t('reports.reminder.unmapped', { division: message.division }), tone: 'warning' });
  if (message.daysLeft < 0) blocks.push({ kind: 'text', text: t('reports.reminder.daysLate', { days: -message.daysLeft }), tone: 'warning' });
  if (message.kind === 'escalation') {
    blocks.push({ kind: 'heading', text: t('reports.reminder.coordinatorHeader', { count: message.divisions.length }) });
    for (const d of message.divisions.slice(0, MAX_ROUND_LINES)) {
      blocks.push({ kind: 'line', line: { tag: '', id: '', title: d.division, facts: [t('reports.digest.notAnswered', { count: d.owed })], notes: [], target: null } });
    }
    if (message.divisions.length > MAX_ROUND_LINES) blocks.push({ kind: 'more', count: message.divisions.length - MAX_ROUND_LINES, command: commandIn(prefix, '/plan report') });
    blocks.push({ kind: 'commands', text: t('reports.reminder.coordinatorHow') });
    return { lang: message.lang, title, blocks, separator: t('reminder.separator'), answers: [], summary: summaryOf(title, message, t) };
  }
  const heading = message.kind === 'request' ? 'reports.reminder.divisionAll' : 'reports.reminder.division';
  blocks.push({ kind: 'heading', text: t(heading, { division: message.division, count: message.items.length }) });
  const shown = message.items.slice(0, MAX_ROUND_LINES);
  for (const item of shown) blocks.push({ kind: 'line', line: itemLine(item, t) });
  if (message.items.length > shown.length) blocks.push({ kind: 'more', count: message.items.length - shown.length, command: commandIn(prefix, '/plan report') });
  blocks.push({ kind: 'commands', text: t('reports.reminder.how') });
  return {
    lang: message.lang,
    title,
    blocks,
    separator: t('reminder.separator'),
    answers: shown.map((item) => ({ itemId: item.id, planKey: message.planKey ?? null, label: t('reports.reminder.answerButton', { id: item.id }) })),
    summary: summaryOf(title, message, t),
  };
}

function titleOf(message: RoundMessage, t: Translate, dates: { asOf: string; deadline: string }): string {
  switch (message.kind) {
    case 'request':
      return t('reports.reminder.request', dates);
    case 'reminder':
      if (message.daysLeft > 0) return t('reports.reminder.before', { ...dates, days: message.daysLeft });
      // A deadline on a day off is reminded on the business day before it, which is not "today".
      return t(message.day === message.round.deadline ? 'reports.reminder.due' : 'reports.reminder.lastBusinessDay', dates);
    case 'overdue':
      return t('reports.reminder.overdue', dates);
    case 'returned':
      return t('reports.reminder.returned', dates);
    case 'escalation':
      return t('reports.reminder.coordinator', dates);
  }
}

function itemLine(item: RoundMessage['items'][number], t: Translate): ViewLine {
  // The comment is a fact, not a note: every platform shows the facts.
  return {
    tag: '',
    id: item.id,
    title: item.title,
    facts: item.returned === null ? [t('reports.state.not_answered')] : [t('reports.state.returned'), t('reports.returnComment', { comment: item.returned })],
    notes: [],
    target: null,
  };
}

function summaryOf(title: string, message: RoundMessage, t: Translate): string {
  const count = message.kind === 'escalation' ? message.divisions.length : message.items.length;
  return t('reports.reminder.summary', { title, division: message.division, count });
}
