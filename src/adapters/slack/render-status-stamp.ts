/**
 * Marks a reminder line as handled, in place (issue 5, item 3): after a
 * status button or the modal, the line's message shows who recorded what and
 * when, so the whole channel sees it was taken care of.
 *
 * The stamp is a context block right after the line's buttons, replaced on
 * every new report. A closing status (完了, 中止) replaces the buttons
 * themselves, since nothing is left to report; so does any status when the
 * message already holds Slack's 50 blocks and there is no room for one more.
 */
import type { types } from '@slack/bolt';
import { buildStampView, type Stamp } from '../../app/views/build-stamp-view.ts';
import type { StatusCode } from '../../domain/status.ts';
import { isClosed } from '../../domain/status.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { actorToken, context, toMrkdwn } from './mrkdwn.ts';

export type { Stamp };

/** The stamp's block id for the actions block `actionsBlockId`. */
export function stampBlockId(actionsBlockId: string): string {
  return `${actionsBlockId}_stamp`.slice(0, 255);
}

/**
 * The message's blocks with the stamp for the line whose actions block is
 * `actionsBlockId`; null when the message has no such block (it was edited
 * meanwhile, or is not one of ours), in which case it is left alone.
 */
export function stampMessage(blocks: readonly unknown[], actionsBlockId: string, stamp: Stamp, lang: Lang): unknown[] | null {
  const index = blocks.findIndex((block) => blockIdOf(block) === actionsBlockId);
  if (index === -1) return null;
  const stampBlock: types.ContextBlock = { ...stampContext(stamp, lang), block_id: stampBlockId(actionsBlockId) };
  const next = [...blocks];
  const existing = blockIdOf(next[index + 1]) === stampBlock.block_id;
  const full = next.length >= BLOCK_KIT_LIMITS.blocksPerMessage;
  if (isClosed(stamp.status) || (full && !existing)) {
    next.splice(index, existing ? 2 : 1, { ...stampBlock, block_id: stampBlockId(actionsBlockId) });
  } else {
    next.splice(index + 1, existing ? 1 : 0, stampBlock);
  }
  return next;
}

function stampContext(stamp: Stamp, lang: Lang): types.ContextBlock {
  const [recorded = '', ...comment] = buildStampView({ ...stamp, comment: stamp.comment === null ? null : truncate(stamp.comment, 500) }, lang, actorToken(stamp.actor));
  return context(`${EMOJI[stamp.status]} ${toMrkdwn(recorded)}`, ...comment.map(toMrkdwn));
}

// Colour at a glance, the way people mark a progress sheet.
const EMOJI: Readonly<Record<StatusCode, string>> = {
  not_started: ':white_circle:',
  on_track: ':large_green_circle:',
  at_risk: ':large_yellow_circle:',
  delayed: ':red_circle:',
  done: ':white_check_mark:',
  cancelled: ':no_entry_sign:',
};

function blockIdOf(block: unknown): string | undefined {
  if (typeof block !== 'object' || block === null) return undefined;
  const id = (block as { block_id?: unknown }).block_id;
  return typeof id === 'string' ? id : undefined;
}
