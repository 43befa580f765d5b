/** A command's Reply as a Teams message: the Adaptive Card of cards/render-reply-card.ts. */
import type { Reply } from '../../app/commands/reply.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { renderReplyCard } from './cards/render-reply-card.ts';
import { renderReplyText } from '../shell/render-reply-text.ts';
import type { TeamsMessage } from './literal-text-card.ts';

/** `reply` in `lang`; `change` marks a command that asked for a change; `nameOf` shows people by name. */
export function renderReplyMessage(reply: Reply, lang: Lang, options: { change?: boolean; nameOf?: (userId: string) => string } = {}): TeamsMessage {
  const card = renderReplyCard(reply, lang, { ...(options.change ? { change: true } : {}), ...(options.nameOf ? { nameActor: options.nameOf } : {}) });
  // The notification preview: the first line of what the card says, plain.
  const first = renderReplyText(reply, lang).split('\n').find((line) => line.trim() !== '') ?? '';
  return { text: first.length > 200 ? `${first.slice(0, 199)}…` : first, card: card as unknown as Record<string, unknown> };
}
