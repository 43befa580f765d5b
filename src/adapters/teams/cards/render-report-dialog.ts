/**
 * The report answer dialog (issue 15 §1): 取組実績, 進捗評価 (a choice of the
 * round's scale), 課題 and 今後の方向性, prefilled (answer-form.ts) — the
 * Slack modal's fields as an Adaptive Card in a Teams dialog. Opened by the
 * 回答 button (`task/fetch`, dialog_id `report_answer`); its submit button
 * sends `task/submit` with action `report_submit`. A refused answer shows the
 * dialog again with each problem under its field and what was typed kept.
 */
import { isValidPlanKey } from '../../../domain/plan-period.ts';
import type { CardElementArray, IAdaptiveCard, ISubmitAction } from '@microsoft/teams.cards';
import type { AnswerForm } from '../../../app/report/report-reply.ts';
import { REPORT_FIELD_MAX_CHARS, REPORT_FIELDS, type ReportField, type ReportFields } from '../../../domain/report-round.ts';
import type { Lang, MessageKey } from '../../../i18n/catalog.ts';
import { formatAsOf } from '../../../i18n/format-as-of.ts';
import { bold, card, markdown, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { teamsTranslator } from './teams-command.ts';

export const REPORT_DIALOG_VERBS = Object.freeze({ open: 'report_answer', submit: 'report_submit' });

/** The 回答 button: opens the dialog for `itemId` of the round of `planKey` (the default plan's when null) (task/fetch). */
export function reportAnswerAction(itemId: string, title: string, planKey: string | null = null): ISubmitAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'task/fetch' }, dialog_id: REPORT_DIALOG_VERBS.open, i: itemId, ...(planKey !== null && { p: planKey }) } };
}

/** The plan a 回答 button or dialog names: its key, null when it names none (older cards), undefined when it is not a key. */
export function reportPlanOf(data: Record<string, unknown>): string | null | undefined {
  const { p } = data;
  if (p === undefined) return null;
  return typeof p === 'string' && isValidPlanKey(p) ? p : undefined;
}

/** The item a report dialog action is about, or null when the data is not ours. */
export function reportItemOf(data: Record<string, unknown>): string | null {
  const { i } = data;
  return typeof i === 'string' && i !== '' && i.length <= 100 ? i : null;
}

/** What was typed, read from a task/submit's data (an untouched input may be missing). */
export function reportValuesOf(data: Record<string, unknown>): ReportFields {
  const read = (field: ReportField) => (typeof data[field] === 'string' ? (data[field] as string) : '');
  return { achievement: read('achievement'), evaluation: read('evaluation'), issues: read('issues'), nextSteps: read('nextSteps') };
}

/** The dialog for `form`; `errors` under their fields (`form` on top), `values` refilling what was typed. */
export function renderReportDialog(form: AnswerForm, lang: Lang, errors: Partial<Record<ReportField | 'form', string>> = {}, values: ReportFields = form.values): { title: string; card: IAdaptiveCard } {
  const t = teamsTranslator(lang);
  const body: CardElementArray = [];
  if (errors.form !== undefined) body.push(text(errors.form, { color: 'Attention', weight: 'Bolder' }));
  body.push(markdown(`${bold(escapeCardText(form.item.id))} ${escapeCardText(form.item.title)}`));
  body.push(text(`${t('reports.round', { asOf: formatAsOf(form.round.asOf, lang) })}${t('reminder.separator')}${t('reports.deadline', { date: formatAsOf(form.round.deadline, lang, true) })}`, { isSubtle: true, spacing: 'None' }));
  if (form.returnComment !== null) body.push(text(t('reports.returnComment', { comment: form.returnComment }), { color: 'Attention' }));
  for (const field of REPORT_FIELDS) {
    const label = t(`reports.field.${field}` as MessageKey);
    if (field === 'evaluation') {
      body.push({
        type: 'Input.ChoiceSet',
        id: field,
        label,
        style: 'compact',
        isRequired: true,
        errorMessage: t('reports.form.evaluationPlaceholder'),
        value: values.evaluation,
        choices: form.round.scale.grades.map((g) => ({ title: t('reports.grade', { code: g.code, label: g.label }), value: g.code })),
      });
      if (form.suggested !== null) body.push(text(t('reports.form.suggested', { code: form.suggested }), { isSubtle: true, spacing: 'None' }));
    } else {
      body.push({ type: 'Input.Text', id: field, label, isMultiline: true, maxLength: REPORT_FIELD_MAX_CHARS, placeholder: t('reports.form.placeholder'), value: values[field] });
    }
    const error = errors[field];
    if (error !== undefined) body.push(text(error, { color: 'Attention', spacing: 'None' }));
  }
  const submit: ISubmitAction = { type: 'Action.Submit', title: t('reports.form.submit'), style: 'positive', data: { action: REPORT_DIALOG_VERBS.submit, i: form.item.id, p: form.round.planId } };
  return { title: t('reports.form.title', { id: form.item.id, asOf: formatAsOf(form.round.asOf, lang) }), card: card(body, { actions: [submit] }) };
}
