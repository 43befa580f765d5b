/**
 * `/plan report …` (報告) in Slack: every action answers ephemerally like
 * the other commands, except `report answer ID` without fields, which opens
 * the answer modal (views.open with the command's trigger_id, valid for
 * three seconds: it opens before anything is answered). The 回答 button of a
 * round's request opens the same modal. A submission is checked by the same
 * use case as the typed answer: a problem is shown under its field and
 * nothing is recorded; a good one is recorded via `slack` and confirmed.
 */
import type { App, BlockAction, ButtonAction, SlackViewAction, ViewOutput } from '@slack/bolt';
import { problemReply, type CommandProblem } from '../../../app/commands/reply.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import { checkAnswer, recordAnswer } from '../../../app/report/answer-item.ts';
import { prepareAnswerForm } from '../../../app/report/answer-form.ts';
import { runReportCommand } from '../../../app/report/run-report-command.ts';
import { REPORT_FIELDS, type ReportField, type ReportFields } from '../../../domain/report-round.ts';
import { translator, type Lang } from '../../../i18n/catalog.ts';
import { problemLines } from '../../../i18n/problem-lines.ts';
import { fieldProblemText } from '../../../i18n/report-problem-lines.ts';
import { renderReply } from '../render-reply.ts';
import { readReportAnswerValue, REPORT_ANSWER_ACTION } from '../render-round.ts';
import { choosePlan, planByKey } from '../../../app/commands/choose-plan.ts';
import { readReportModalMetadata, renderReportModal, REPORT_MODAL_ACTION, REPORT_MODAL_CALLBACK_ID } from '../render-report-modal.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, planCommandOf, type PlanCommandHandler } from './plan-command.ts';

export { REPORT_ANSWER_ACTION_ID } from '../render-round.ts';

export const answerReport: PlanCommandHandler = async (args, ctx) => {
  const parsed = planCommandOf(args.command);
  const report = parsed.ok && parsed.value.kind === 'report' ? parsed.value : null;
  const action = report?.action ?? null;
  if (action?.op === 'answer' && action.fields === null) {
    const userId = args.command.user_id;
    const lang = await languageOf(ctx.deps, userId);
    // `/plan report --plan KEY answer ID`: that plan's round.
    const chosen = await choosePlan(ctx.deps, report?.plan);
    const form = chosen.ok ? await prepareAnswerForm(chosen.value.deps, userId, action.itemId) : chosen;
    if (!form.ok) {
      await args.ack(ephemeral(renderReply(problemReply(form.error), lang)));
      return;
    }
    await args.ack();
    await args.client.views.open({ trigger_id: args.command.trigger_id, view: renderReportModal(form.value, lang) });
    return;
  }
  const changing = action !== null && action.op !== 'status' && action.op !== 'history';
  await answerCommand(
    args,
    ctx,
    async (command) => {
      if (command?.kind !== 'report') throw new Error('report handler got another command');
      return { reply: await runReportCommand(ctx.deps, args.command.user_id, command.action, 'slack') };
    },
    { change: changing },
  );
};

/** The 回答 button and the modal's submission. */
export function listenReportModal(app: App, ctx: ListenerContext): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: REPORT_ANSWER_ACTION }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = readReportAnswerValue(action.value ?? '');
    if (answer === null) return;
    const userId = body.user.id;
    const lang = await languageOf(ctx.deps, userId);
    // The round's own plan, whichever is the default now (a year-end round answered in April).
    const deps = await planByKey(ctx.deps, answer.planKey);
    const form = deps.ok ? await prepareAnswerForm(deps.value, userId, answer.itemId) : deps;
    if (!form.ok) {
      const message = renderReply(problemReply(form.error), lang);
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: renderReportModal(form.value, lang) });
  });

  app.view<SlackViewAction>(REPORT_MODAL_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const metadata = readReportModalMetadata(view.private_metadata);
    if (metadata === null) {
      await ack();
      return;
    }
    const userId = body.user.id;
    const lang = await languageOf(ctx.deps, userId);
    const deps = await planByKey(ctx.deps, metadata.p ?? null);
    const checked = deps.ok ? await checkAnswer(deps.value, userId, metadata.i, readFields(view), 'slack') : deps;
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: errorsOf(checked.error, lang) });
      return;
    }
    await ack();
    await recordAnswer(deps.ok ? deps.value : ctx.deps, checked.value);
    // The confirmation goes to the user's DM with the bot: a modal has no channel to answer in.
    const message = renderReply(checked.value.reply, lang);
    await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks }).catch((error: unknown) => {
      ctx.logger.warn({ err: error instanceof Error ? error.message : String(error), user: userId }, 'report answer confirmation not delivered');
    });
  });
}

function readFields(view: ViewOutput): ReportFields {
  const values = view.state.values;
  const read = (field: ReportField) => {
    const input = values[field]?.[REPORT_MODAL_ACTION];
    return (field === 'evaluation' ? input?.selected_option?.value : input?.value) ?? '';
  };
  return { achievement: read('achievement'), evaluation: read('evaluation'), issues: read('issues'), nextSteps: read('nextSteps') };
}

/** Each problem under its field; a refusal that is about no field (permission, round closed) under 進捗評価. */
function errorsOf(problem: CommandProblem, lang: Lang): Record<string, string> {
  const t = translator(lang);
  if (problem.code === 'report' && problem.problem.code === 'invalid_answer') {
    const errors: Record<string, string> = {};
    for (const p of problem.problem.problems) errors[p.field] = errors[p.field] ? `${errors[p.field]} ${fieldProblemText(p, t)}` : fieldProblemText(p, t);
    return errors;
  }
  return { [REPORT_FIELDS[1]!]: problemLines(problem, lang, t).join(' ') };
}

function ephemeral(message: { text: string; blocks: unknown[] }) {
  return { response_type: 'ephemeral' as const, text: message.text, ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}) };
}
