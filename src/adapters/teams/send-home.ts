/**
 * The personal chat is the home (issue 14 §6): the user's divisions' open
 * milestones with the same buttons as the reminders, sent when the user adds
 * the app and when they type `home` (ホーム).
 */
import type { Client as ApiClient } from '@microsoft/teams.api';
import { buildHome } from '../../app/build-home.ts';
import { languageOf } from '../../app/commands/set-language.ts';
import { renderHomeCard } from './cards/render-home-card.ts';
import { toCardActivity } from './message-activity.ts';
import type { TeamsContext } from './teams-context.ts';
import { sendReply } from './send-reply.ts';

/** Words that ask for the home instead of a command. */
export const HOME_WORDS: ReadonlySet<string> = new Set(['home', 'ホーム']);

/** Sends `userId` their home card in `conversationId`; a failure is logged. */
export async function sendHome(api: ApiClient, conversationId: string, userId: string, ctx: TeamsContext): Promise<void> {
  try {
    const lang = await languageOf(ctx.deps, userId);
    const card = renderHomeCard(await buildHome(ctx.deps, userId), lang);
    await sendReply(() => api.conversations.activities(conversationId).create(toCardActivity(card)), { conversation: conversationId, home: true }, { logger: ctx.logger, lang: ctx.channelLang });
  } catch (error) {
    ctx.logger.error({ err: error instanceof Error ? error.message : String(error), user: userId }, 'teams home not sent');
  }
}
