// Splits one table cell into the marks a plan uses: headings <…> 〈…〉 く…>,
// 【…】 groups, 〇 sub-groups, ・ bullets, and plain text between them.
import type { Cell } from './rows.ts';

export type TokenType = 'heading' | 'group' | 'circle' | 'bullet' | 'text';

export interface Token {
  type: TokenType;
  text: string;
  line: number;
}

const OPENERS = '<＜〈《';
const CLOSERS = '>＞〉》';
/** The extractor reads a heading's `<` as the hiragana く (くコンプライアンス…>). */
const KU_HEADING = /^く([^<>〈〉《》・\n]{2,80}?)[>＞〉》]/;
/** Closing tags of headings the extractor lower-cased into HTML (</aiやrpa…>). */
const CLOSING_TAG = /<\/[^<>]*>/g;

function findCloser(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j]!;
    if (CLOSERS.includes(c)) return j;
    if (OPENERS.includes(c)) return -1;
  }
  return -1;
}

const MARK_OPENERS = OPENERS + '【';

/** Index of a heading or 【group】 opener the text never closes, or -1. */
function unclosedOpener(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '】' || CLOSERS.includes(c)) return -1;
    if (MARK_OPENERS.includes(c)) return i;
  }
  return -1;
}

/**
 * Puts back together a heading or 【group】 that a table row split across two
 * rows (「<事務事業の」 / 「見直し> ・…」): the start of the next cell, up to
 * the first closer, is moved to the cell that opened the mark, so the mark
 * keeps the line it starts on. Without this, both halves read as plain text
 * and the milestones under the heading land in the previous item.
 */
export function rejoinSplitMarks(cells: Cell[]): Cell[] {
  const out: Cell[] = cells.map((cell) => ({ ...cell }));
  for (let k = 0; k + 1 < out.length; k++) {
    const cell = out[k]!;
    const next = out[k + 1]!;
    const open = unclosedOpener(cell.text);
    if (open < 0) continue;
    const closers = cell.text[open] === '【' ? '】' : CLOSERS;
    let close = -1;
    for (let j = 0; j < next.text.length && j <= 80; j++) {
      const c = next.text[j]!;
      if (closers.includes(c)) {
        close = j;
        break;
      }
      if (MARK_OPENERS.includes(c)) break;
      // A bullet, 〇 or く-heading starting in the next cell: the mark is not
      // continued there (a ・ inside a word, as in 風土・学習, is fine).
      if ('・〇○く'.includes(c) && (j === 0 || /\s/.test(next.text[j - 1]!))) break;
    }
    if (close < 0) continue;
    cell.text += next.text.slice(0, close + 1);
    next.text = next.text.slice(close + 1).trim();
    next.continuesMark = true;
  }
  return out.filter((cell) => cell.text !== '');
}

/** Tokenizes one cell; whitespace inside bullet and text tokens is kept. */
export function tokenizeCell(cell: Cell): Token[] {
  const text = cell.text.replace(CLOSING_TAG, ' ');
  const tokens: Token[] = [];
  let open: Token | undefined;
  let afterMark = true;

  const flush = () => {
    // An empty bullet is kept so that the importer can report it.
    if (open && (open.type === 'bullet' || open.text.trim() !== '')) tokens.push({ ...open, text: open.text.trim() });
    open = undefined;
  };
  const emit = (type: TokenType, content: string) => {
    flush();
    tokens.push({ type, text: content.trim(), line: cell.line });
    afterMark = true;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const atBoundary = afterMark || i === 0 || /\s/.test(text[i - 1]!);
    if (OPENERS.includes(c)) {
      const close = findCloser(text, i + 1);
      if (close > i) {
        emit('heading', text.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    if (c === 'く' && atBoundary) {
      const m = KU_HEADING.exec(text.slice(i));
      if (m) {
        emit('heading', m[1]!);
        i += m[0].length;
        continue;
      }
    }
    if (c === '【') {
      const close = text.indexOf('】', i + 1);
      if (close > i) {
        emit('group', text.slice(i + 1, close));
        i = close + 1;
        continue;
      }
    }
    if (atBoundary && (c === '・' || c === '〇' || c === '○' || c === '◯')) {
      flush();
      open = { type: c === '・' ? 'bullet' : 'circle', text: '', line: cell.line };
      afterMark = false;
      i++;
      continue;
    }
    afterMark = false;
    if (!open) {
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      open = { type: 'text', text: '', line: cell.line };
    }
    open.text += c;
    i++;
  }
  flush();
  return tokens;
}
