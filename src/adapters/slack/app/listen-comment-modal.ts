/**
 * コメント (issue 5, item 3): the button opens a modal with a status select,
 * a comment of up to 1,000 characters and, for coordinators, a revised due
 * month. A submission with a problem is answered inside the modal
 * (`response_action: errors`) and nothing is written; a good one is
 * acknowledged, written, and stamped on the reminder line it came from.
 */
import type { App, BlockAction, ButtonAction, RespondFn, SlackViewAction, ViewOutput, webApi } from '@slack/bolt';
import type { CommandProblem } from '../../../app/commands/reply.ts';
import { problemReply } from '../../../app/commands/reply.ts';
import { fold } from '../../../app/commands/parse-command.ts';
import { parseMonthWord } from '../../../app/commands/parse-month.ts';
import { prepareReport } from '../../../app/commands/prepare-report.ts';
import { checkReport } from '../../../app/commands/record-status.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import { isStatusCode } from '../../../domain/status.ts';
import { translator } from '../../../i18n/catalog.ts';
import type { SlackMessage } from '../render-reminder.ts';
import { renderReply } from '../render-reply.ts';
import { problemLines } from '../../../i18n/problem-lines.ts';
import { MODAL_FIELDS, readStatusModalMetadata, renderStatusModal, STATUS_MODAL_CALLBACK_ID, type StatusModalMetadata } from '../render-status-modal.ts';
import { COMMENT_ACTION_ID, decodeButtonValue } from '../status-buttons.ts';
import type { ListenerContext } from './listener-context.ts';
import { publishHome } from './publish-home.ts';
import { stampInPlace } from './stamp-in-place.ts';

export function listenCommentModal(app: App, ctx: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: COMMENT_ACTION_ID }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const target = decodeButtonValue(action.value ?? '');
    if (target === null) return;
    const userId = body.user.id;
    const lang = await languageOf(ctx.deps, userId);
    const form = await prepareReport(ctx.deps, userId, target.milestoneId, target.checkpoint, target.plan);
    const fromHome = body.container?.type === 'view';
    if (!form.ok) {
      if (fromHome) await publishHome(client, ctx, userId, problemLines(form.error, lang, translator(lang)));
      else await refuse(respond, renderReply(problemReply(form.error), lang));
      return;
    }
    const channel = body.channel?.id ?? (typeof body.container?.channel_id === 'string' ? body.container.channel_id : undefined);
    const metadata: StatusModalMetadata = {
      m: target.milestoneId,
      c: target.checkpoint,
      ...(target.plan !== null && { p: target.plan }),
      ...(channel !== undefined && body.message ? { ch: channel, ts: body.message.ts, b: action.block_id } : {}),
      ...(fromHome ? { home: true } : {}),
    };
    // trigger_id is valid for 3 seconds: the modal opens before anything else.
    await client.views.open({ trigger_id: body.trigger_id, view: renderStatusModal(form.value, metadata, lang) });
  });

  app.view<SlackViewAction>(STATUS_MODAL_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const metadata = readStatusModalMetadata(view.private_metadata);
    const userId = body.user.id;
    if (metadata === null) {
      await ack();
      return;
    }
    const lang = await languageOf(ctx.deps, userId);
    const input = readInput(view);
    const errors: Record<string, string> = {};
    if (!isStatusCode(input.status)) errors[MODAL_FIELDS.status] = translator(lang)('modal.statusRequired');
    const due = input.due === undefined ? null : parseMonthWord(fold(input.due));
    if (input.due !== undefined && due === null) errors[MODAL_FIELDS.due] = translator(lang)('modal.badDue');
    if (Object.keys(errors).length > 0 || !isStatusCode(input.status)) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const checked = await checkReport(ctx.deps, {
      userId,
      via: 'modal',
      milestoneId: metadata.m,
      checkpoint: metadata.c,
      status: input.status,
      comment: input.comment,
      revisedDue: due,
      plan: metadata.p ?? null,
    });
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: { [fieldOf(checked.error)]: problemLines(checked.error, lang, translator(lang)).join(' ') } });
      return;
    }
    await ack();
    await checked.value.statuses.append(checked.value.update);
    if (metadata.home) await publishHome(client, ctx, userId);
    if (metadata.ch !== undefined && metadata.ts !== undefined && metadata.b !== undefined) {
      const message = await findMessage(client, metadata.ch, metadata.ts);
      if (message) await stampInPlace(client, ctx, message, metadata.b, checked.value.reply);
    }
  });
}

interface ModalInput {
  status: string | undefined;
  comment: string | undefined;
  due: string | undefined;
}

function readInput(view: ViewOutput): ModalInput {
  const values = view.state.values;
  const field = (block: string) => values[block]?.[MODAL_FIELDS.action];
  const text = (block: string) => {
    const value = field(block)?.value;
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  return { status: field(MODAL_FIELDS.status)?.selected_option?.value ?? undefined, comment: text(MODAL_FIELDS.comment), due: text(MODAL_FIELDS.due) };
}

/** The modal field a problem belongs under. */
function fieldOf(problem: CommandProblem): string {
  switch (problem.code) {
    case 'comment_too_long':
    case 'comment_control_characters':
      return MODAL_FIELDS.comment;
    case 'no_due_date':
    case 'checkpoint_required':
    case 'due_out_of_range':
      return MODAL_FIELDS.due;
    case 'not_allowed':
      return problem.action === 'due' ? MODAL_FIELDS.due : MODAL_FIELDS.status;
    default:
      return MODAL_FIELDS.status;
  }
}

/** The reminder message the modal was opened from, as Slack has it now. */
async function findMessage(client: webApi.WebClient, channel: string, ts: string): Promise<{ channel: string; ts: string; blocks: unknown[]; text?: string } | null> {
  const page = await client.conversations.history({ channel, latest: ts, oldest: ts, inclusive: true, limit: 1 });
  const message = page.messages?.find((m) => m.ts === ts);
  if (!message || !Array.isArray(message.blocks)) return null;
  return { channel, ts, blocks: message.blocks, ...(message.text === undefined ? {} : { text: message.text }) };
}

async function refuse(respond: RespondFn, message: SlackMessage): Promise<void> {
  await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
}
