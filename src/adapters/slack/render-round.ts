/**
 * A report round's message (RoundMessage) as Block Kit: the view every
 * platform shows (build-round-view.ts), laid out like a command's reply,
 * and a 回答 button per item that opens the answer modal
 * (listen-report-command.ts). Pure, like the reminder's renderer.
 */
import type { types } from '@slack/bolt';
import { isValidPlanKey } from '../../domain/plan-period.ts';
import type { RoundMessage } from '../../app/ports.ts';
import { buildRoundView } from '../../app/views/build-round-view.ts';
import { translator } from '../../i18n/catalog.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { header, toMrkdwn, toPlain } from './mrkdwn.ts';
import type { SlackMessage } from './render-reminder.ts';
import { viewBlocks } from './render-reply.ts';

/** The action id of the 回答 buttons: the item rides in the value; `_N` keeps ids unique within the block. */
export const REPORT_ANSWER_ACTION_ID = 'report_answer';
/** Matches every 回答 button. */
export const REPORT_ANSWER_ACTION = /^report_answer(_\d+)?$/u;

/** A 回答 button's value: the item, and the round's plan when known (`{"i":"1-1","p":"fy2020"}`); a bare item id in older messages. */
export function reportAnswerValue(itemId: string, planKey: string | null): string {
  return planKey === null ? itemId : JSON.stringify({ i: itemId, p: planKey });
}

/** Reads a 回答 button's value; null when it is not one. */
export function readReportAnswerValue(value: string): { itemId: string; planKey: string | null } | null {
  if (value === '' || value.length > 200) return null;
  if (!value.startsWith('{')) return value.length <= 100 ? { itemId: value, planKey: null } : null;
  try {
    const { i, p } = JSON.parse(value) as Record<string, unknown>;
    if (typeof i !== 'string' || i === '' || i.length > 100 || typeof p !== 'string' || !isValidPlanKey(p)) return null;
    return { itemId: i, planKey: p };
  } catch {
    return null;
  }
}

export function renderRound(message: RoundMessage): SlackMessage {
  const view = buildRoundView(message);
  const buttons = view.answers.length > 0;
  // The buttons' block is kept whatever the view's length.
  const blocks: types.KnownBlock[] = [header(view.title), ...viewBlocks(view, translator(message.lang))].slice(0, BLOCK_KIT_LIMITS.blocksPerMessage - (buttons ? 1 : 0));
  if (buttons) {
    blocks.push({
      type: 'actions',
      block_id: 'report_answers',
      elements: view.answers.slice(0, BLOCK_KIT_LIMITS.elementsPerActions).map((answer, index) => ({
        type: 'button',
        action_id: `${REPORT_ANSWER_ACTION_ID}_${index}`,
        text: { type: 'plain_text', text: truncate(answer.label, BLOCK_KIT_LIMITS.buttonText), emoji: false },
        value: reportAnswerValue(answer.itemId, answer.planKey),
      })),
    });
  }
  // The fallback is read as mrkdwn too, so it is escaped like the blocks.
  return { text: toMrkdwn(truncate(toPlain(view.summary), BLOCK_KIT_LIMITS.fallbackText / 5)), blocks };
}
