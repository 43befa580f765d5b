/**
 * The card of an outbox message: a reminder card (cards/render-reminder-card.ts)
 * or the digest card, carrying the outbox key so that findDelivered can
 * recognise it in Graph's answer (cards/outbox-key.ts).
 */
import type { OutgoingMessage } from '../../app/ports.ts';
import type { DigestChartRenderer } from '../charts/render-png.ts';
import { renderDigestCards } from './cards/render-digest-card.ts';
import { renderReminderCard } from './cards/render-reminder-card.ts';
import { buildReminderView } from '../../app/views/build-reminder-view.ts';
import { buildRoundView } from '../../app/views/build-round-view.ts';
import { renderRoundCard } from './cards/render-round-card.ts';
import { literalTextCard, type TeamsMessage } from './literal-text-card.ts';
import { outboxKeyId } from './cards/outbox-key.ts';
import { TEAMS_COMMAND_PREFIX } from './cards/teams-command.ts';
import { renderNoticeText } from '../shell/render-notice-text.ts';

export { outboxKeyOfCard } from './cards/outbox-key.ts';

/** The message's card with its key; a digest's with its chart when `chart` draws one. */
export function renderOutboxCard(message: OutgoingMessage, chart?: DigestChartRenderer): TeamsMessage {
  if (message.body.type === 'digest') {
    // The digest fits one card within 40 KB (its lists cut with 他 N 件), its chart inline.
    const [card] = renderDigestCards(message.body, message.key, { chart: chart?.(message.body) ?? null });
    return { text: '', card: card as unknown as Record<string, unknown> };
  }
  if (message.body.type === 'notice') {
    // A one-off notice (the catch-up after downtime): the shell's words in a literal card, its first block carrying the key.
    const literal = literalTextCard(renderNoticeText(message.body));
    const [first, ...rest] = literal.card.body as Record<string, unknown>[];
    return { text: literal.text, card: { ...literal.card, body: [{ ...first, id: outboxKeyId(message.key) }, ...rest] } };
  }
  if (message.body.type === 'round') {
    return { text: buildRoundView(message.body, { commandPrefix: TEAMS_COMMAND_PREFIX }).summary, card: renderRoundCard(message.body, message.key) as unknown as Record<string, unknown> };
  }
  return { text: buildReminderView(message.body, { commandPrefix: TEAMS_COMMAND_PREFIX }).summary, card: renderReminderCard(message.body, message.key) as unknown as Record<string, unknown> };
}
