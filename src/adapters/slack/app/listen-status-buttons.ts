/**
 * The 完了 / 順調 / 注意 / 遅延 buttons of reminder messages and of the App
 * Home (issue 5, item 3). A click records the status for that milestone and
 * checkpoint and marks the line in place, so the channel sees who handled it;
 * a click by someone who may not report is answered to them alone, and
 * changes nothing.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { recordStatus } from '../../../app/commands/record-status.ts';
import { problemReply } from '../../../app/commands/reply.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import { translator } from '../../../i18n/catalog.ts';
import type { SlackMessage } from '../render-reminder.ts';
import { renderReply } from '../render-reply.ts';
import { problemLines } from '../../../i18n/problem-lines.ts';
import { decodeButtonValue, STATUS_BUTTONS, statusOfAction } from '../status-buttons.ts';
import type { ListenerContext } from './listener-context.ts';
import { publishHome } from './publish-home.ts';
import { stampInPlace } from './stamp-in-place.ts';

const STATUS_ACTION = new RegExp(`^(${STATUS_BUTTONS.map((b) => b.actionId).join('|')})$`, 'u');

export function listenStatusButtons(app: App, ctx: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: STATUS_ACTION }, async ({ ack, body, action, respond, client }) => {
    await ack();
    const status = statusOfAction(action.action_id);
    const target = decodeButtonValue(action.value ?? '');
    if (status === null || target === null) return;
    const userId = body.user.id;
    const recorded = await recordStatus(ctx.deps, {
      userId,
      via: 'button',
      milestoneId: target.milestoneId,
      checkpoint: target.checkpoint,
      status,
      comment: undefined,
      revisedDue: null,
      // The plan the button was posted for, never whichever is the default now (issue 13).
      plan: target.plan,
    });
    if (!recorded.ok) {
      const lang = await languageOf(ctx.deps, userId);
      if (body.container?.type === 'view') await publishHome(client, ctx, userId, problemLines(recorded.error, lang, translator(lang)));
      else await refuse(respond, renderReply(problemReply(recorded.error), lang, { change: true }));
      return;
    }
    if (body.container?.type === 'view') await publishHome(client, ctx, userId);
    else await stampInPlace(client, ctx, body, action.block_id, recorded.value);
  });
}

async function refuse(respond: RespondFn, message: SlackMessage): Promise<void> {
  // Ephemeral and not replacing: the reminder stays as it is for everyone else.
  await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
}
