/**
 * The card of an outbox message (a reminder or the digest), carrying its
 * outbox key so that findDelivered can recognise it in Graph's answer. Until
 * the Adaptive Card renderers of cards/ land, the shell's text in a literal
 * card; this file is what changes when they do.
 */
import type { OutgoingMessage } from '../../app/ports.ts';
import { renderDigestText } from '../shell/render-digest-text.ts';
import { renderReminderText } from '../shell/render-reminder-text.ts';
import { literalTextCard, type TeamsMessage } from './literal-text-card.ts';

/** Where the key sits in the card: a property Adaptive Card hosts ignore and Graph returns. */
const KEY_FIELD = 'shinchokuOutboxKey';

/** The message's card with its key. */
export function renderOutboxCard(message: OutgoingMessage): TeamsMessage {
  const text = message.body.type === 'digest' ? renderDigestText(message.body) : renderReminderText(message.body);
  const rendered = literalTextCard(text);
  return { ...rendered, card: { ...rendered.card, [KEY_FIELD]: message.key } };
}

/** The outbox key in a card's JSON text (as Graph returns attachments), or null. */
export function outboxKeyOfCard(content: string): string | null {
  try {
    const card = JSON.parse(content) as Record<string, unknown>;
    const key = card[KEY_FIELD];
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}
