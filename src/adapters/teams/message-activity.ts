/** Our messages as the activities the SDK sends: one Adaptive Card attachment, no markdown text. */
import type { IMessageActivityInput } from '@microsoft/teams.api';
import type { TeamsMessage } from './literal-text-card.ts';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The activity for `message`. No `text`: Teams would render it as markdown
 * above the card; `summary` is the plain preview in notifications.
 */
export function toMessageActivity(message: TeamsMessage): IMessageActivityInput {
  return {
    type: 'message',
    summary: message.text,
    attachments: [{ contentType: ADAPTIVE_CARD, content: message.card }],
  } as IMessageActivityInput;
}

/** A card alone as an activity (an update in place, a card answered to a click). */
export function toCardActivity(card: object, summary?: string): IMessageActivityInput {
  return toMessageActivity({ text: summary ?? '', card: card as Record<string, unknown> });
}
