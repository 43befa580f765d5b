/**
 * A reminder message (one division, one day) as an Adaptive Card (issue 14,
 * item 4): the view every platform shows (build-reminder-view.ts) — lines
 * most urgent first, due dates in both calendars, status — with the buttons
 * 完了 / 順調 / 注意 / 遅延 and コメント on each line. Pure: the Teams app renders
 * the same card again, with stamps, to update it in place after a click.
 */
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ReminderMessage } from '../../../app/ports.ts';
import { buildReminderView, reminderMoreText } from '../../../app/views/build-reminder-view.ts';
import type { LineStamp } from '../../../app/views/build-stamp-view.ts';
import { card, CARD_BYTES_BUDGET, cardBytes, container, text } from './card-parts.ts';
import { TEAMS_COMMAND_PREFIX } from './teams-command.ts';
import { lineContainer, stampFor } from './line-card-parts.ts';
import { outboxKeyId } from './outbox-key.ts';
import { escapeCardText } from './escape-card-text.ts';

/**
 * The card of `message`, delivered under `outboxKey` (carried in the card for
 * the Graph lookup and in every button, so a click can rebuild the card).
 * `stamps` mark lines already reported on: who, when, the new status.
 * Lines that would take the card past Teams' 40 KB are counted in a closing
 * 「他 N 件」 that names the command listing them, never dropped silently.
 */
export function renderReminderCard(message: ReminderMessage, outboxKey: string, stamps: readonly LineStamp[] = []): IAdaptiveCard {
  const view = buildReminderView(message, { commandPrefix: TEAMS_COMMAND_PREFIX });
  const head = container(
    [
      text(view.heading, { size: 'Medium', weight: 'Bolder' }),
      text(view.dayLine, { isSubtle: true, spacing: 'None' }),
      text(view.prompt, { isSubtle: true, spacing: 'None' }),
      ...view.notices.map((notice) => text(notice, { color: 'Warning' })),
    ],
    { id: outboxKeyId(outboxKey) },
  );
  // fallbackText is shown by hosts that cannot render the card, as markdown too: escaped like the rest.
  const result = card([head], { fallbackText: escapeCardText(view.summary) });
  const more = (count: number) => text(reminderMoreText(message.lang, count, view.moreCommand), { separator: true });
  // Room for the 「他 N 件」 line, measured on the largest count it could show.
  const budget = CARD_BYTES_BUDGET - cardBytes(more(view.lines.length));
  let size = cardBytes(result);
  let shown = 0;
  for (const line of view.lines) {
    const element = lineContainer(line, view.separator, message.lang, outboxKey, stampFor(line, stamps));
    // +2 for the comma between elements.
    const weight = cardBytes(element) + 2;
    if (size + weight > budget) break;
    result.body.push(element);
    size += weight;
    shown++;
  }
  if (shown < view.lines.length) result.body.push(more(view.lines.length - shown));
  return result;
}
