/** A command's Reply as a Teams message: the Adaptive Card of cards/render-reply-card.ts. */
import type { Reply } from '../../app/commands/reply.ts';
import { buildReplyView, replySummary } from '../../app/views/build-reply-view.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { renderReplyCard } from './cards/render-reply-card.ts';
import type { TeamsMessage } from './literal-text-card.ts';
import { TEAMS_COMMAND_PREFIX, teamsTranslator } from './cards/teams-command.ts';

/** `reply` in `lang`; `change` marks a command that asked for a change; `nameOf` shows people by name. */
export function renderReplyMessage(reply: Reply, lang: Lang, options: { change?: boolean; nameOf?: (userId: string) => string } = {}): TeamsMessage {
  const viewOptions = { ...(options.change ? { change: true } : {}), ...(options.nameOf ? { nameActor: options.nameOf } : {}) };
  const card = renderReplyCard(reply, lang, viewOptions);
  // The notification preview: what the card is, plain.
  const first = reply.kind === 'digest' ? teamsTranslator(lang)('plan.digest.preview') : replySummary(buildReplyView(reply, lang, { ...viewOptions, commandPrefix: TEAMS_COMMAND_PREFIX }));
  return { text: first.length > 200 ? `${first.slice(0, 199)}…` : first, card: card as unknown as Record<string, unknown> };
}
