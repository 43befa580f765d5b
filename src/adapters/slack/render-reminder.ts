/**
 * A reminder message (one division, one day) as Block Kit for chat.postMessage.
 * Pure: the same message always renders the same way, so tests and the
 * "missed while offline" replay see exactly what Slack sees.
 */
import type { types } from '@slack/bolt';
import type { ReminderMessage } from '../../app/ports.ts';
import { buildReminderView, reminderMoreText, type ReminderView } from '../../app/views/build-reminder-view.ts';
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

/**
 * Renders a reminder message in its own language, lines most urgent first
 * (build-reminder-view.ts). Within Block Kit's 50 blocks; lines that do not
 * fit are counted in a closing 「他 N 件」 section that names the command
 * listing them, never dropped.
 */
export function renderReminder(message: ReminderMessage): SlackMessage {
  const view = buildReminderView(message);
  const { lines } = view;
  const blocks = headBlocks(view);
  const room = BLOCK_KIT_LIMITS.blocksPerMessage - blocks.length;
  // One block is kept back for the 「他 N 件」 section only when it is needed.
  const shownCount = lines.length * BLOCKS_PER_LINE <= room ? lines.length : Math.floor((room - 1) / BLOCKS_PER_LINE);
  lines.slice(0, shownCount).forEach((line, index) => {
    blocks.push(section(reminderLineText(line, view.separator)));
    if (line.target !== null) blocks.push(statusButtonsBlock(line.target, message.lang, `reminder_line_${index}`));
  });
  const rest = lines.length - shownCount;
  if (rest > 0) {
    const command = `\`${truncate(view.moreCommand, MAX_DIVISION + 20)}\``;
    blocks.push(section(escapeMrkdwn(reminderMoreText(message.lang, rest, command))));
  }
  return { text: fallbackText(view), blocks };
}

function headBlocks(view: ReminderView): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    // plain_text is never parsed for mentions, so the division needs no escaping here.
    { type: 'header', text: { type: 'plain_text', text: truncate(view.heading, BLOCK_KIT_LIMITS.headerText), emoji: false } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: escapeMrkdwn(view.dayLine) },
        { type: 'mrkdwn', text: escapeMrkdwn(view.prompt) },
      ],
    },
  ];
  for (const notice of view.notices) blocks.push(section(escapeMrkdwn(truncate(notice, 2 * MAX_DIVISION + 200))));
  blocks.push({ type: 'divider' });
  return blocks;
}

function fallbackText(view: ReminderView): string {
  // Slack parses the fallback as mrkdwn too: unescaped, `<!channel>` in a division or id would ping.
  // Cut before escaping (which can grow text fivefold) so that no entity is cut in half.
  return escapeMrkdwn(truncate(view.summary, BLOCK_KIT_LIMITS.fallbackText / 5));
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
