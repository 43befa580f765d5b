/**
 * A reminder message (one division, one day) as Block Kit for chat.postMessage.
 * Pure: the same message always renders the same way, so tests and the
 * "missed while offline" replay see exactly what Slack sees.
 */
import type { types } from '@slack/bolt';
import type { ReminderLine, ReminderMessage } from '../../app/ports.ts';
import { byUrgency } from '../../domain/reminder.ts';
import { type Translate, translator } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { reminderLineText } from './reminder-line-text.ts';
import { statusButtonsBlock } from './status-buttons.ts';

/** What chat.postMessage takes: `text` for notifications and screen readers, `blocks` for the message. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Each line is a section with its text and an actions block with its buttons. */
const BLOCKS_PER_LINE = 2;
const MAX_DIVISION = 100;
/** How many lines the notification text names before it says "…". */
const FALLBACK_LINES = 5;

/**
 * Renders a reminder message in its own language. Lines are ordered by
 * urgency (escalation, overdue, due, lead, kick-off, check-in; otherwise as
 * given). Within Block Kit's 50 blocks; lines that do not fit are counted in
 * a closing 「他 N 件」 section that names the command listing them, never dropped.
 */
export function renderReminder(message: ReminderMessage): SlackMessage {
  const t = translator(message.lang);
  const lines = byUrgency(message.lines);
  const blocks = headBlocks(message, t);
  const room = BLOCK_KIT_LIMITS.blocksPerMessage - blocks.length;
  // One block is kept back for the 「他 N 件」 section only when it is needed.
  const shownCount = lines.length * BLOCKS_PER_LINE <= room ? lines.length : Math.floor((room - 1) / BLOCKS_PER_LINE);
  lines.slice(0, shownCount).forEach((line, index) => {
    blocks.push(section(reminderLineText(line, message.lang, t)));
    blocks.push(statusButtonsBlock({ milestoneId: line.milestoneId, checkpoint: line.checkpoint }, message.lang, `reminder_line_${index}`));
  });
  const rest = lines.slice(shownCount);
  if (rest.length > 0) {
    const command = `\`${overflowCommand(message, rest)}\``;
    blocks.push(section(escapeMrkdwn(t('reminder.more', { count: rest.length, command }))));
  }
  return { text: fallbackText(message, lines, t), blocks };
}

function headBlocks(message: ReminderMessage, t: Translate): types.KnownBlock[] {
  const division = truncate(message.division, MAX_DIVISION);
  const blocks: types.KnownBlock[] = [
    // plain_text is never parsed for mentions, so the division needs no escaping here.
    { type: 'header', text: { type: 'plain_text', text: truncate(t('reminder.header', { division }), BLOCK_KIT_LIMITS.headerText), emoji: false } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: escapeMrkdwn(t('reminder.day', { date: formatDate(message.day, message.lang), count: message.lines.length })) },
        { type: 'mrkdwn', text: escapeMrkdwn(t('reminder.prompt')) },
      ],
    },
  ];
  if (message.unmapped) blocks.push(section(escapeMrkdwn(t('reminder.unmapped', { division }))));
  if (message.missed) blocks.push(section(escapeMrkdwn(t('reminder.missed'))));
  blocks.push({ type: 'divider' });
  return blocks;
}

/**
 * The command that lists what did not fit. `/plan mine` lists the caller's
 * divisions, which is right in a division's own channel; in the coordinator
 * channel the lines are another division's (unmapped) or escalations, and
 * `/plan mine` would show the coordinator's own milestones instead.
 */
function overflowCommand(message: ReminderMessage, rest: readonly ReminderLine[]): string {
  if (rest.every((line) => line.kind === 'escalation')) return '/plan status overdue';
  if (message.unmapped) return `/plan status ${truncate(message.division, MAX_DIVISION)}`;
  return '/plan mine';
}

function fallbackText(message: ReminderMessage, lines: readonly ReminderLine[], t: Translate): string {
  const named = lines.slice(0, FALLBACK_LINES).map((line) => `${truncate(line.milestoneId, 40)} ${t(`kind.${line.kind}`)}`);
  if (lines.length > FALLBACK_LINES) named.push('…');
  const text = t('reminder.fallback', { division: truncate(message.division, MAX_DIVISION), count: lines.length, list: named.join(', ') });
  // Slack parses the fallback as mrkdwn too: unescaped, `<!channel>` in a division or id would ping.
  // Cut before escaping (which can grow text fivefold) so that no entity is cut in half.
  return escapeMrkdwn(truncate(text, BLOCK_KIT_LIMITS.fallbackText / 5));
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
