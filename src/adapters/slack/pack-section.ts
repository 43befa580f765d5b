/**
 * Packs a titled list into one Block Kit section: as many lines as fit in
 * Slack's 3,000 characters (and a line limit), then 「他 N 件」 with the
 * command that shows the rest. A list never costs more than one block, so a
 * digest of any plan stays within the 50 blocks of a message.
 */
import type { types } from '@slack/bolt';
import { BLOCK_KIT_LIMITS } from './block-kit-limits.ts';

export interface PackedList {
  /** The first line, mrkdwn, already escaped. */
  head: string;
  /** One mrkdwn line (or a few joined by `\n`) per item, already escaped, in order. */
  lines: readonly string[];
  /** How many items the list really has; `lines` may hold fewer. */
  total: number;
  /** The closing line for `rest` items not shown, escaped. */
  more: (rest: number) => string;
  /** Shown when the list is empty; omitted when undefined. */
  empty?: string;
  maxLines: number;
}

/** The section's text: head, lines, then the "more" line or the empty note. Never over the section limit. */
export function packList(list: PackedList): string {
  const limit = BLOCK_KIT_LIMITS.sectionText;
  // Room for the closing line, sized for the largest count it can show.
  const reserve = list.more(list.total).length + 1;
  let text = list.head;
  let shown = 0;
  for (const line of list.lines.slice(0, list.maxLines)) {
    const next = `${text}\n${line}`;
    const needsMore = list.total > shown + 1;
    if (next.length + (needsMore ? reserve : 0) > limit) break;
    text = next;
    shown++;
  }
  if (list.total === 0 && list.empty !== undefined) text += `\n${list.empty}`;
  else if (shown < list.total) text += `\n${list.more(list.total - shown)}`;
  return text;
}

/** packList as a section block. */
export function packedSection(list: PackedList): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: packList(list) } };
}
