/**
 * The status buttons on reminder messages (SPEC §4: 完了 / 順調 / 注意 / 遅延 and
 * コメント). The button handlers of the Slack app read back what is encoded
 * here, so the action ids and the value format live in this one file.
 */
import type { types } from '@slack/bolt';
import type { YearMonth } from '../../domain/plan.ts';
import { isValidYearMonth } from '../../domain/local-date.ts';
import { isValidPlanKey } from '../../domain/plan-period.ts';
import { type StatusCode, statusLabel } from '../../domain/status.ts';
import { type Lang, translate } from '../../i18n/catalog.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';

/** The statuses a button can set, in the order they are shown, with their action ids. */
export const STATUS_BUTTONS = [
  { status: 'done', actionId: 'status_done', style: 'primary' },
  { status: 'on_track', actionId: 'status_on_track' },
  { status: 'at_risk', actionId: 'status_at_risk' },
  { status: 'delayed', actionId: 'status_delayed', style: 'danger' },
] as const satisfies readonly { status: StatusCode; actionId: string; style?: 'primary' | 'danger' }[];

/** The action id of the コメント button, which opens the comment modal. */
export const COMMENT_ACTION_ID = 'comment_open';

/**
 * What a button is about: the milestone, for monthly or `months` schedules
 * the checkpoint, and the key of the plan it is of (null: the default plan).
 */
export interface ButtonTarget {
  milestoneId: string;
  checkpoint: YearMonth | null;
  plan: string | null;
}

/** The status a button's action id sets, or null for any other action id. */
export function statusOfAction(actionId: string): StatusCode | null {
  return STATUS_BUTTONS.find((b) => b.actionId === actionId)?.status ?? null;
}

/**
 * `{"m":"1-1-2","c":"2020-08","p":"fy2020"}`: short keys, because a button
 * value holds at most 2,000 characters (a plan key is at most 32).
 */
export function encodeButtonValue(target: ButtonTarget): string {
  return JSON.stringify({ m: target.milestoneId, c: target.checkpoint, ...(target.plan !== null && { p: target.plan }) });
}

/**
 * Reads a button value back; null when it is not one of ours. Values come
 * back from Slack in a signed request, but a message posted by an older
 * version of the bot may still be clicked, so the shape is checked, not trusted.
 * A value without `p` (posted before buttons named their plan) is the default plan's.
 */
export function decodeButtonValue(value: string): ButtonTarget | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { m, c, p } = parsed as Record<string, unknown>;
  if (typeof m !== 'string' || m.length === 0) return null;
  if (c !== null && (typeof c !== 'string' || !isValidYearMonth(c))) return null;
  if (p !== undefined && (typeof p !== 'string' || !isValidPlanKey(p))) return null;
  return { milestoneId: m, checkpoint: c, plan: p ?? null };
}

/** The actions block with the four status buttons and コメント for one milestone line. */
export function statusButtonsBlock(target: ButtonTarget, lang: Lang, blockId: string): types.ActionsBlock {
  const value = encodeButtonValue(target);
  if (value.length > BLOCK_KIT_LIMITS.buttonValue) throw new RangeError(`button value too long for milestone ${target.milestoneId}`);
  const statusButtons: types.Button[] = STATUS_BUTTONS.map((b) => ({
    type: 'button',
    action_id: b.actionId,
    text: plainText(statusLabel(b.status, lang)),
    value,
    ...('style' in b ? { style: b.style } : {}),
  }));
  const comment: types.Button = {
    type: 'button',
    action_id: COMMENT_ACTION_ID,
    text: plainText(translate(lang, 'reminder.button.comment')),
    value,
  };
  return { type: 'actions', block_id: blockId, elements: [...statusButtons, comment] };
}

function plainText(text: string): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, BLOCK_KIT_LIMITS.buttonText), emoji: false };
}
