/**
 * A command's Reply as a Teams message. Until the Adaptive Card renderers of
 * src/adapters/teams/cards/ cover every reply, the shell's text goes into a
 * minimal card; this is the one function that changes when they land.
 */
import type { Reply } from '../../app/commands/reply.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { renderReplyText } from '../shell/render-reply-text.ts';
import { literalTextCard, type TeamsMessage } from './literal-text-card.ts';

/** `reply` in `lang`; `change` marks a command that asked for a change (a refusal then says nothing changed). */
export function renderReplyMessage(reply: Reply, lang: Lang, options: { change?: boolean } = {}): TeamsMessage {
  const text = renderReplyText(reply, lang, options);
  return literalTextCard(text);
}
