/**
 * The report answer dialog's invokes (issue 15 §1), handed over by
 * listen-dialogs.ts: `task/fetch` with dialog_id `report_answer` opens it
 * prefilled; `task/submit` with action `report_submit` is checked by the same
 * use case as every other answer. A problem shows the dialog again with each
 * reason under its field and nothing recorded; a recorded answer (via
 * `teams`) closes it with the confirmation.
 */
import type { TaskModuleResponse } from '@microsoft/teams.api';
import type { CommandProblem } from '../../app/commands/reply.ts';
import { checkAnswer, recordAnswer } from '../../app/report/answer-item.ts';
import { prepareAnswerForm } from '../../app/report/answer-form.ts';
import type { ReportField, ReportFields } from '../../domain/report-round.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import { fieldProblemText } from '../../i18n/report-problem-lines.ts';
import { renderReplyText } from '../shell/render-reply-text.ts';
import { CARD_CONTENT_TYPE } from './cards/card-parts.ts';
import { dialogClosedResponse } from './cards/invoke-responses.ts';
import { renderReportDialog, reportItemOf, reportPlanOf, reportValuesOf } from './cards/render-report-dialog.ts';
import { planByKey } from '../../app/commands/choose-plan.ts';
import type { TeamsContext } from './teams-context.ts';
import { teamsTranslator } from './cards/teams-command.ts';

/** The dialog for the item in `data`, or a closing message saying why it cannot open. */
export async function openReportDialog(ctx: TeamsContext, userId: string, data: Record<string, unknown>, lang: Lang, errors: Partial<Record<ReportField | 'form', string>> = {}, values?: ReportFields): Promise<TaskModuleResponse> {
  const t = teamsTranslator(lang);
  const itemId = reportItemOf(data);
  const planKey = reportPlanOf(data);
  if (itemId === null || planKey === undefined) return dialogClosedResponse(t('teamsCards.action.unknown'));
  // The round's own plan, whichever is the default now (a year-end round answered in April).
  const deps = await planByKey(ctx.deps, planKey);
  const form = deps.ok ? await prepareAnswerForm(deps.value, userId, itemId) : deps;
  if (!form.ok) return dialogClosedResponse(problemLines(form.error, lang, t).join(' '));
  const dialog = renderReportDialog(form.value, lang, errors, values ?? form.value.values);
  return { task: { type: 'continue', value: { title: dialog.title, width: 'medium', card: { contentType: CARD_CONTENT_TYPE, content: dialog.card } } } };
}

/** Checks and records a submitted answer; the dialog again with its errors when refused. */
export async function submitReportDialog(ctx: TeamsContext, userId: string, data: Record<string, unknown>, lang: Lang): Promise<TaskModuleResponse> {
  const t = teamsTranslator(lang);
  const itemId = reportItemOf(data);
  const planKey = reportPlanOf(data);
  if (itemId === null || planKey === undefined) return dialogClosedResponse(t('teamsCards.action.unknown'));
  const values = reportValuesOf(data);
  const deps = await planByKey(ctx.deps, planKey);
  if (!deps.ok) return dialogClosedResponse(problemLines(deps.error, lang, t).join(' '));
  const checked = await checkAnswer(deps.value, userId, itemId, values, 'teams');
  if (!checked.ok) return openReportDialog(ctx, userId, data, lang, errorsOf(checked.error, lang), values);
  await recordAnswer(deps.value, checked.value);
  return dialogClosedResponse(renderReplyText(checked.value.reply, lang));
}

function errorsOf(problem: CommandProblem, lang: Lang): Partial<Record<ReportField | 'form', string>> {
  const t = teamsTranslator(lang);
  if (problem.code === 'report' && problem.problem.code === 'invalid_answer') {
    const errors: Partial<Record<ReportField | 'form', string>> = {};
    for (const p of problem.problem.problems) errors[p.field] = [errors[p.field], fieldProblemText(p, t)].filter(Boolean).join(' ');
    return errors;
  }
  return { form: problemLines(problem, lang, t).join(' ') };
}
