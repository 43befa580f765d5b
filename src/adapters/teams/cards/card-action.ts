/**
 * What the buttons of our Adaptive Cards carry, and how it is read back
 * (issue 14, items 4 and 6). The Teams app routes clicks with
 * parseCardAction; the card renderers build buttons with the functions here,
 * so the wire format lives in this one file (as status-buttons.ts does for Slack).
 *
 * Three invokes reach the bot, each routed by the Teams SDK 2.0.16 on a field
 * of the data we put in the card:
 * - a status button is an `Action.Execute` with verb `status`; Teams sends
 *   `adaptiveCard/action`, the SDK routes `card.action.status` on `data.action`.
 *   Its answer (a card) replaces the card for the clicker.
 * - コメント is an `Action.Submit` with `msteams: { type: 'task/fetch' }`:
 *   Teams sends `task/fetch`, the SDK routes `dialog.open.comment` on
 *   `data.dialog_id`, and the answer `{ task: { type: 'continue', value: { card } } }`
 *   opens the dialog. `Action.Execute` cannot open a dialog in Teams, hence Submit.
 * - the dialog's 記録する is an `Action.Submit` inside the dialog: Teams sends
 *   `task/submit` with the data merged with the inputs (`status`, `comment`,
 *   `due`), routed `dialog.submit.comment_submit` on `data.action`. Answering
 *   with the dialog card again shows its errors; `{ task: { type: 'message' } }` closes it.
 *
 * Data comes back in an authenticated activity, but a card posted by an older
 * version of the bot may still be clicked, and a user can craft an invoke:
 * the shape is checked, never trusted.
 */
import type { IExecuteAction, ISubmitAction } from '@microsoft/teams.cards';
import { fold } from '../../../app/commands/parse-command.ts';
import type { MonthRef } from '../../../app/commands/command.ts';
import { parseMonthWord } from '../../../app/commands/parse-month.ts';
import { isValidYearMonth } from '../../../domain/local-date.ts';
import { isValidPlanKey } from '../../../domain/plan-period.ts';
import type { YearMonth } from '../../../domain/plan.ts';
import { fail, ok, type Problem, type Result } from '../../../domain/result.ts';
import { isStatusCode, type StatusCode } from '../../../domain/status.ts';
import type { Lang } from '../../../i18n/catalog.ts';
import { teamsTranslator } from './teams-command.ts';

/** The verbs (and SDK route suffixes) of our card actions. */
export const CARD_VERBS = Object.freeze({
  /** A status button: `card.action.status`. */
  status: 'status',
  /** The コメント button: `dialog.open.comment`. */
  comment: 'comment',
  /** The dialog's submit button: `dialog.submit.comment_submit`. */
  commentSubmit: 'comment_submit',
});

/** The ids of the dialog's inputs; Teams sends their values under these keys. */
export const DIALOG_INPUTS = Object.freeze({ status: 'status', comment: 'comment', due: 'due' });

export type DialogField = keyof typeof DIALOG_INPUTS;

/** What a button is about: the milestone, its checkpoint, and the outbox message it was posted in. */
export interface CardTarget {
  milestoneId: string;
  checkpoint: YearMonth | null;
  /** The outbox key of the card's message (reminders), so the click can rebuild and update it; null on cards not from the outbox (home, replies). */
  outboxKey: string | null;
  /** The key of the plan the milestone is of (issue 13); null for the default plan (a card from before cards named their plan). */
  plan: string | null;
}

export type CardAction =
  | ({ kind: 'status'; status: StatusCode } & CardTarget)
  | ({ kind: 'comment_open' } & CardTarget)
  | ({
      kind: 'comment_submit';
      status: StatusCode;
      /** As typed; the use case checks it (length, control characters). */
      comment: string | undefined;
      /** The revised due month as typed and read; null when left empty. */
      revisedDue: MonthRef | null;
    } & CardTarget);

/** A card action that cannot be read; `field` names the dialog input it is about, if any. */
export interface CardActionProblem extends Problem {
  field?: DialogField;
}

/** Short keys, as for Slack's button values: the same data is repeated on every button of every line. */
export interface StatusActionData {
  action: typeof CARD_VERBS.status;
  m: string;
  c: YearMonth | null;
  s: StatusCode;
  /** The outbox key; absent on cards that are not outbox messages. */
  k?: string;
  /** The plan key; absent on cards posted before cards named their plan. */
  p?: string;
}

// Milestone ids are short (`6-2-10`); outbox keys are a few dozen characters.
// Anything longer is not ours.
const MAX_ID = 200;
const MAX_KEY = 500;

/** The `Action.Execute` of one status button. */
export function statusAction(target: CardTarget, status: StatusCode, title: string): IExecuteAction {
  const data: StatusActionData = { action: CARD_VERBS.status, m: target.milestoneId, c: target.checkpoint, s: status, ...keyField(target), ...planField(target) };
  return { type: 'Action.Execute', verb: CARD_VERBS.status, title, data, ...(status === 'done' ? { style: 'positive' } : status === 'delayed' ? { style: 'destructive' } : {}) };
}

/** The `Action.Submit` of the コメント button: opens the dialog (task/fetch). */
export function commentOpenAction(target: CardTarget, title: string): ISubmitAction {
  return {
    type: 'Action.Submit',
    title,
    data: { msteams: { type: 'task/fetch' }, dialog_id: CARD_VERBS.comment, m: target.milestoneId, c: target.checkpoint, ...keyField(target), ...planField(target) },
  };
}

/** The dialog's submit button (task/submit); Teams adds the inputs' values to this data. */
export function commentSubmitAction(target: CardTarget, title: string): ISubmitAction {
  return {
    type: 'Action.Submit',
    title,
    style: 'positive',
    data: { action: CARD_VERBS.commentSubmit, m: target.milestoneId, c: target.checkpoint, ...keyField(target), ...planField(target) },
  };
}

/**
 * Reads a card action back. `verb` is what routed it: `value.action.verb` of
 * an `adaptiveCard/action` invoke, `data.dialog_id` of a `task/fetch`,
 * `data.action` of a `task/submit`; `data` is the action's data
 * (`value.action.data`, or `value.data` for the dialog invokes). Problems are
 * worded in `lang` for the person who clicked.
 */
export function parseCardAction(verb: string | undefined, data: unknown, lang: Lang = 'ja'): Result<CardAction, CardActionProblem> {
  const problem = (code: string, field?: DialogField): Result<never, CardActionProblem> =>
    fail({ code, message: teamsTranslator(lang)(messageKeyOf(code)), ...(field === undefined ? {} : { field }) });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return problem('card_action_unknown');
  const record = data as Record<string, unknown>;
  const target = readTarget(record);
  if (target === null) return problem('card_action_unknown');
  switch (verb) {
    case CARD_VERBS.status: {
      // Buttons set only what they show; 未着手 and 中止 are not buttons.
      const status = record['s'];
      if (!isStatusCode(status) || status === 'not_started' || status === 'cancelled') return problem('card_action_unknown');
      return ok({ kind: 'status', status, ...target });
    }
    case CARD_VERBS.comment:
      return ok({ kind: 'comment_open', ...target });
    case CARD_VERBS.commentSubmit: {
      const status = record[DIALOG_INPUTS.status];
      if (!isStatusCode(status)) return problem('card_status_required', 'status');
      const comment = textInput(record[DIALOG_INPUTS.comment]);
      const dueText = textInput(record[DIALOG_INPUTS.due]);
      const revisedDue = dueText === undefined ? null : parseMonthWord(fold(dueText));
      if (dueText !== undefined && revisedDue === null) return problem('card_bad_due', 'due');
      return ok({ kind: 'comment_submit', status, comment, revisedDue, ...target });
    }
    default:
      return problem('card_action_unknown');
  }
}

function readTarget(record: Record<string, unknown>): CardTarget | null {
  const { m, c, k, p } = record;
  if (typeof m !== 'string' || m === '' || m.length > MAX_ID) return null;
  // Teams may drop a null from the data it echoes; a missing checkpoint is the milestone as a whole.
  const checkpoint = c === undefined ? null : c;
  if (checkpoint !== null && (typeof checkpoint !== 'string' || !isValidYearMonth(checkpoint))) return null;
  if (k !== undefined && (typeof k !== 'string' || k === '' || k.length > MAX_KEY)) return null;
  if (p !== undefined && (typeof p !== 'string' || !isValidPlanKey(p))) return null;
  return { milestoneId: m, checkpoint, outboxKey: k ?? null, plan: p ?? null };
}

/** An input's value, undefined when empty: Teams sends an untouched input as "" or leaves it out. */
function textInput(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function keyField(target: CardTarget): { k?: string } {
  return target.outboxKey === null ? {} : { k: target.outboxKey };
}

function planField(target: CardTarget): { p?: string } {
  return target.plan === null ? {} : { p: target.plan };
}

function messageKeyOf(code: string): 'teamsCards.action.unknown' | 'modal.statusRequired' | 'modal.badDue' {
  if (code === 'card_status_required') return 'modal.statusRequired';
  if (code === 'card_bad_due') return 'modal.badDue';
  return 'teamsCards.action.unknown';
}
