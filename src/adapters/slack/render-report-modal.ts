/**
 * The report answer modal (issue 15 §1): 取組実績, 進捗評価 (a select of the
 * round's own scale), 課題 and 今後の方向性, prefilled (answer-form.ts).
 * What it answers for travels in `private_metadata`, which Slack returns on
 * submission; the block ids name the fields, so a refusal is shown under
 * the field it is about (`response_action: 'errors'`).
 */
import type { types } from '@slack/bolt';
import type { AnswerForm } from '../../app/report/report-reply.ts';
import { isValidPlanKey } from '../../domain/plan-period.ts';
import { findGrade, REPORT_FIELD_MAX_CHARS, type ReportField } from '../../domain/report-round.ts';
import { translator, type Lang, type MessageKey } from '../../i18n/catalog.ts';
import { formatAsOf } from '../../i18n/format-as-of.ts';
import { truncate } from './block-kit-limits.ts';
import { context, section, toMrkdwn } from './mrkdwn.ts';

export const REPORT_MODAL_CALLBACK_ID = 'report_answer_modal';

/** The input blocks are named after the answer's fields; every input's action id is `value`. */
export const REPORT_MODAL_ACTION = 'value';

/** What the modal answers for. */
export interface ReportModalMetadata {
  /** Item id. */
  i: string;
  /** The round it was opened in. */
  r: number;
  /** The round's plan (absent in modals opened before it was kept: then the default plan's). */
  p?: string;
}

/** The modal for `form`, in `lang`. */
export function renderReportModal(form: AnswerForm, lang: Lang): types.ModalView {
  const t = translator(lang);
  const plain = (text: string, max = 75): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: false });
  const grades = form.round.scale.grades.map((g): types.PlainTextOption => ({ text: plain(t('reports.grade', { code: g.code, label: g.label })), value: g.code }));
  const initial = grades.find((o) => o.value === findGrade(form.round.scale, form.values.evaluation)?.code);
  const textInput = (field: Exclude<ReportField, 'evaluation'>): types.InputBlock => ({
    type: 'input',
    block_id: field,
    optional: true,
    label: plain(t(`reports.field.${field}` as MessageKey)),
    element: {
      type: 'plain_text_input',
      action_id: REPORT_MODAL_ACTION,
      multiline: true,
      max_length: REPORT_FIELD_MAX_CHARS,
      placeholder: plain(t('reports.form.placeholder'), 150),
      ...(form.values[field] === '' ? {} : { initial_value: form.values[field] }),
    },
  });
  const notes = [
    t('reports.round', { asOf: formatAsOf(form.round.asOf, lang) }) + t('reminder.separator') + t('reports.deadline', { date: formatAsOf(form.round.deadline, lang, true) }),
    t(form.fromAnswer ? 'reports.form.fromAnswer' : 'reports.form.prefilled'),
  ];
  const blocks: types.KnownBlock[] = [section(`*${toMrkdwn(form.item.id)}* ${toMrkdwn(truncate(form.item.title, 300))}`), context(...notes.map(toMrkdwn))];
  if (form.returnComment !== null) blocks.push(section(`:warning: ${toMrkdwn(t('reports.returnComment', { comment: truncate(form.returnComment, 1000) }))}`));
  blocks.push(textInput('achievement'), {
    type: 'input',
    block_id: 'evaluation',
    label: plain(t('reports.field.evaluation')),
    ...(form.suggested === null ? {} : { hint: plain(t('reports.form.suggested', { code: form.suggested }), 2000) }),
    element: { type: 'static_select', action_id: REPORT_MODAL_ACTION, placeholder: plain(t('reports.form.evaluationPlaceholder')), options: grades, ...(initial ? { initial_option: initial } : {}) },
  }, textInput('issues'), textInput('nextSteps'));
  const metadata: ReportModalMetadata = { i: form.item.id, r: form.round.id, p: form.round.planId };
  return {
    type: 'modal',
    callback_id: REPORT_MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    // Modal titles, submit and close labels hold 24 characters.
    title: plain(t('reports.form.title', { id: form.item.id, asOf: formatAsOf(form.round.asOf, lang) }), 24),
    submit: plain(t('reports.form.submit'), 24),
    close: plain(t('modal.close'), 24),
    blocks,
  };
}

/** Reads private_metadata back; null when it is not ours. */
export function readReportModalMetadata(text: string): ReportModalMetadata | null {
  if (text.length > 500) return null;
  try {
    const { i, r, p } = JSON.parse(text) as Record<string, unknown>;
    if (typeof i !== 'string' || i === '' || i.length > 100 || typeof r !== 'number' || !Number.isInteger(r)) return null;
    if (p === undefined) return { i, r };
    return typeof p === 'string' && isValidPlanKey(p) ? { i, r, p } : null;
  } catch {
    return null;
  }
}
