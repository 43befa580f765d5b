// Reads the item column (取組項目) of one initiative: 「□」 starts an item;
// text before the first 「□」 of a row continues the previous row's item.
import type { Cell, Warn } from './rows.ts';
import { joinWrapped, looksLikeGarbage } from './text.ts';

export interface DraftItemTitle {
  title: string;
  line: number;
}

const BOX = /[□■☐◻]/;

/**
 * Reads item titles. `score` says how well a title matches the headings of
 * the plan and owner columns (0 … 1); a continuation is kept unless it makes
 * the match worse (「…業務改善の推進」 + a stray 「ル」 from a lost line).
 */
export function readItemColumn(cells: Cell[], score: (title: string) => number, warn: Warn): DraftItemTitle[] {
  const items: DraftItemTitle[] = [];
  for (const cell of cells) {
    const [lead = '', ...boxed] = cell.text.replace(/^取組項目/, '').split(BOX);
    const continuation = lead.trim();
    const last = items[items.length - 1];
    if (continuation !== '') {
      const joined = last ? joinWrapped(last.title + continuation) : '';
      if (last && score(joined) >= score(last.title) && !looksLikeGarbage(continuation)) {
        last.title = joined;
      } else {
        warn({ text: continuation, line: cell.line }, 'warn.itemFragment');
      }
    }
    for (const raw of boxed) {
      const title = joinWrapped(raw);
      if (title === '') continue;
      if (looksLikeGarbage(title)) warn({ text: raw.trim(), line: cell.line }, 'warn.itemGarbage');
      else items.push({ title, line: cell.line });
    }
  }
  return items;
}

