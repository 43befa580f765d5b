/**
 * The コメント dialog (issue 14, item 4): a status choice, a comment of up to
 * 1,000 characters and, for coordinators only, a revised due month — the
 * Slack modal's fields (render-status-modal.ts) as an Adaptive Card in a
 * Teams dialog. The same card comes back with the errors of a refused
 * submission under their fields, the typed values kept.
 */
import type { CardElementArray, IAdaptiveCard, IChoiceSetInput, ITextInput } from '@microsoft/teams.cards';
import type { ReportForm } from '../../../app/commands/prepare-report.ts';
import { buildMilestoneLine } from '../../../app/views/build-milestone-line.ts';
import { MAX_COMMENT_LENGTH } from '../../../domain/comment.ts';
import { STATUS_CODES, statusLabel } from '../../../domain/status.ts';
import type { Lang } from '../../../i18n/catalog.ts';
import { formatMonth } from '../../../i18n/format-date.ts';
import { commentSubmitAction, DIALOG_INPUTS, type CardTarget, type DialogField } from './card-action.ts';
import { bold, card, markdown, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { teamsTranslator } from './teams-command.ts';

/** What the user typed, to show again with the errors. */
export interface DialogValues {
  status?: string;
  comment?: string;
  due?: string;
}

export interface CommentDialog {
  /** The dialog's title (Teams shows it above the card, as plain text). */
  title: string;
  card: IAdaptiveCard;
}

/**
 * The dialog for `form`, about `target`. `errors` are shown under their
 * fields (and a general one on top); `values` refill what was typed.
 */
export function renderCommentDialog(form: ReportForm, target: CardTarget, lang: Lang, errors: Partial<Record<DialogField | 'form', string>> = {}, values: DialogValues = {}): CommentDialog {
  const t = teamsTranslator(lang);
  const line = buildMilestoneLine({ ...form.milestone, checkpoint: form.checkpoint, status: form.status }, lang, t);
  const body: CardElementArray = [];
  if (errors.form !== undefined) body.push(text(errors.form, { color: 'Attention', weight: 'Bolder' }));
  body.push(markdown(`${bold(line.id)} ${escapeCardText(line.title)}`), text(line.facts.join(t('reminder.separator')), { isSubtle: true, spacing: 'None' }));
  const status: IChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: DIALOG_INPUTS.status,
    label: t('modal.status'),
    style: 'compact',
    isRequired: true,
    errorMessage: t('modal.statusRequired'),
    value: values.status ?? form.status,
    choices: STATUS_CODES.map((code) => ({ title: statusLabel(code, lang), value: code })),
  };
  body.push(status, ...fieldError(errors.status));
  const comment: ITextInput = {
    type: 'Input.Text',
    id: DIALOG_INPUTS.comment,
    label: t('modal.comment'),
    isMultiline: true,
    maxLength: MAX_COMMENT_LENGTH,
    placeholder: t('modal.commentPlaceholder'),
    ...(values.comment === undefined ? {} : { value: values.comment }),
  };
  body.push(comment, ...fieldError(errors.comment));
  if (form.canReviseDue) {
    const due: ITextInput = {
      type: 'Input.Text',
      id: DIALOG_INPUTS.due,
      label: t('modal.due'),
      maxLength: 20,
      placeholder: t('modal.duePlaceholder'),
      ...(values.due === undefined ? {} : { value: values.due }),
    };
    body.push(due, text(t('modal.dueHint'), { isSubtle: true, spacing: 'None' }), ...fieldError(errors.due));
  }
  return {
    title: form.checkpoint === null ? t('modal.title') : `${t('modal.title')} ${formatMonth(form.checkpoint, lang)}`,
    card: card(body, { actions: [commentSubmitAction(target, t('modal.submit'))] }),
  };
}

function fieldError(message: string | undefined): CardElementArray {
  return message === undefined ? [] : [text(message, { color: 'Attention', spacing: 'None' })];
}
