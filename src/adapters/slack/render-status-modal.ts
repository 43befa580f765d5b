/**
 * The コメント modal (issue 5, item 3): a status select, a comment of up to
 * 1,000 characters, and, for coordinators only, a revised due month. What it
 * is about travels in `private_metadata`, which Slack returns on submission.
 */
import type { types } from '@slack/bolt';
import type { ReportForm } from '../../app/commands/prepare-report.ts';
import { MAX_COMMENT_LENGTH } from '../../domain/comment.ts';
import { isValidYearMonth } from '../../domain/local-date.ts';
import { isValidPlanKey } from '../../domain/plan-period.ts';
import type { YearMonth } from '../../domain/plan.ts';
import { STATUS_CODES, statusLabel, type StatusCode } from '../../domain/status.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { formatMonth } from '../../i18n/format-date.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { section } from './mrkdwn.ts';
import { milestoneLineText } from './render-milestone-line.ts';

export const STATUS_MODAL_CALLBACK_ID = 'status_modal';

/** Block and action ids of the modal's inputs; the submission handler reads them back. */
export const MODAL_FIELDS = Object.freeze({ status: 'status', comment: 'comment', due: 'due', action: 'value' });

/** What the modal reports on and where it was opened from. */
export interface StatusModalMetadata {
  /** Milestone id. */
  m: string;
  /** Checkpoint, or null for the whole milestone. */
  c: YearMonth | null;
  /** The key of the plan reported on (issue 13); absent for the default plan (a button from before buttons named their plan). */
  p?: string;
  /** The reminder message the コメント button was on, to update it in place. */
  ch?: string;
  ts?: string;
  /** The actions block of that line. */
  b?: string;
  /** Opened from the App Home, which is published again afterwards. */
  home?: boolean;
}

/** The modal for `form`, in `lang`. */
export function renderStatusModal(form: ReportForm, metadata: StatusModalMetadata, lang: Lang): types.ModalView {
  const t = translator(lang);
  const plain = (text: string, max = 75): types.PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: false });
  const option = (code: StatusCode): types.PlainTextOption => ({ text: plain(statusLabel(code, lang)), value: code });
  const summary = { ...form.milestone, checkpoint: form.checkpoint, status: form.status };
  const blocks: types.KnownBlock[] = [
    section(milestoneLineText(summary, lang, t)),
    {
      type: 'input',
      block_id: MODAL_FIELDS.status,
      label: plain(t('modal.status')),
      element: { type: 'static_select', action_id: MODAL_FIELDS.action, options: STATUS_CODES.map(option), initial_option: option(form.status) },
    },
    {
      type: 'input',
      block_id: MODAL_FIELDS.comment,
      optional: true,
      label: plain(t('modal.comment')),
      element: { type: 'plain_text_input', action_id: MODAL_FIELDS.action, multiline: true, max_length: MAX_COMMENT_LENGTH, placeholder: plain(t('modal.commentPlaceholder'), 150) },
    },
  ];
  if (form.canReviseDue) {
    blocks.push({
      type: 'input',
      block_id: MODAL_FIELDS.due,
      optional: true,
      label: plain(t('modal.due')),
      hint: plain(t('modal.dueHint'), 2000),
      element: { type: 'plain_text_input', action_id: MODAL_FIELDS.action, max_length: 20, placeholder: plain(t('modal.duePlaceholder'), 150) },
    });
  }
  return {
    type: 'modal',
    callback_id: STATUS_MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    // Modal titles, submit and close labels hold 24 characters.
    title: plain(form.checkpoint === null ? t('modal.title') : `${t('modal.title')} ${formatMonth(form.checkpoint, lang)}`, 24),
    submit: plain(t('modal.submit'), 24),
    close: plain(t('modal.close'), 24),
    blocks,
  };
}

/** Reads private_metadata back; null when it is not ours (a view of an older version, a forged value). */
export function readStatusModalMetadata(text: string): StatusModalMetadata | null {
  if (text.length > BLOCK_KIT_LIMITS.buttonValue * 2) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { m, c, p, ch, ts, b, home } = parsed as Record<string, unknown>;
  if (typeof m !== 'string' || m === '') return null;
  if (c !== null && (typeof c !== 'string' || !isValidYearMonth(c))) return null;
  if (p !== undefined && (typeof p !== 'string' || !isValidPlanKey(p))) return null;
  return {
    m,
    c,
    ...(typeof p === 'string' ? { p } : {}),
    ...(typeof ch === 'string' && typeof ts === 'string' ? { ch, ts } : {}),
    ...(typeof b === 'string' ? { b } : {}),
    ...(home === true ? { home: true } : {}),
  };
}
