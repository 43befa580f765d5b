/**
 * The buttons of our cards (issue 14 §4): 完了 / 順調 / 注意 / 遅延 are
 * `Action.Execute`, which Teams sends as an `adaptiveCard/action` invoke. A
 * click records the status through the same use case as Slack's buttons,
 * answers the clicker with the updated card, and updates the posted card in
 * place for everyone. A click by someone who may not report changes nothing:
 * the card stays, and the clicker is told why.
 */
import type { App } from '@microsoft/teams.apps';
import { buildHome } from '../../app/build-home.ts';
import { recordStatus } from '../../app/commands/record-status.ts';
import { problemReply } from '../../app/commands/reply.ts';
import { languageOf } from '../../app/commands/set-language.ts';

import { parseCardAction } from './cards/card-action.ts';
import { cardActionResponse } from './cards/invoke-responses.ts';
import { renderHomeCard } from './cards/render-home-card.ts';
import { renderReplyText } from '../shell/render-reply-text.ts';
import { stampedReminderCard, updateInPlace, type RefreshDeps } from './refresh-posted-card.ts';
import type { TeamsContext } from './teams-context.ts';
import type { UserNames } from './user-names.ts';
import { userIdOf } from './user-id.ts';
import { teamsTranslator } from './cards/teams-command.ts';

const MESSAGE = 'application/vnd.microsoft.activity.message';

export interface CardActionDeps extends TeamsContext {
  refresh: Omit<RefreshDeps, 'nameOf' | 'logger'>;
  names: UserNames;
}

/** Registers the card-action listener on `app`. */
export function listenCardActions(app: App, ctx: CardActionDeps): void {
  app.on('card.action', async (context) => {
    const { activity } = context;
    ctx.names.remember(activity.from);
    const userId = userIdOf(activity.from);
    const lang = await languageOf(ctx.deps, userId);
    const t = teamsTranslator(lang);
    const action = activity.value?.action as { verb?: string; data?: unknown } | undefined;
    const parsed = parseCardAction(action?.verb, action?.data, lang);
    if (!parsed.ok || parsed.value.kind !== 'status') return { statusCode: 200, type: MESSAGE, value: parsed.ok ? t('plan.problem.internal') : parsed.error.message };
    const click = parsed.value;
    try {
      const recorded = await recordStatus(ctx.deps, { userId, via: 'button', milestoneId: click.milestoneId, checkpoint: click.checkpoint, status: click.status, comment: undefined, revisedDue: null, plan: click.plan });
      if (!recorded.ok) {
        // The card stays as it is for everyone; only the clicker reads why.
        return { statusCode: 200, type: MESSAGE, value: renderReplyText(problemReply(recorded.error), lang, { change: true }) };
      }
      if (click.outboxKey === null) {
        // A card of the personal home: the home again, with this line gone or changed.
        return cardActionResponse(renderHomeCard(await buildHome(ctx.deps, userId), lang));
      }
      const card = await stampedReminderCard({ ...ctx.refresh, nameOf: ctx.names.nameOf, logger: ctx.logger }, click.outboxKey);
      if (card === null) return { statusCode: 200, type: MESSAGE, value: renderReplyText(recorded.value, lang) };
      if (activity.replyToId) await updateInPlace(context.api, channelOf(activity.conversation.id), activity.replyToId, card, ctx.logger);
      return cardActionResponse(card);
    } catch (error) {
      ctx.logger.error({ err: error instanceof Error ? error.message : String(error), user: userId }, 'teams card action failed');
      return { statusCode: 200, type: MESSAGE, value: t('plan.problem.internal') };
    }
  });
}

/** The channel's conversation id, without the `;messageid=` of a thread. */
export function channelOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}
