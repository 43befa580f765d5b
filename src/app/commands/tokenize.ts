/**
 * Splits command text into tokens the way people type it and Slack sends it:
 * - spaces, ideographic spaces (U+3000) and tabs separate words;
 * - "…", “…” and 「…」 (also 『…』) quote text that contains spaces;
 * - Slack's markup with `should_escape`: `<@U123|name>` (a user),
 *   `<#C123|name>` (a channel), `<!channel>`, `<https://…|label>`, and the
 *   entities `&amp;` `&lt;` `&gt;` for what the user typed literally.
 * Each token keeps where it starts, so a trailing comment can be taken
 * verbatim from the text rather than rebuilt from its words.
 */
import { decodeChatText } from './plain-text.ts';

export type Token =
  | { type: 'word'; text: string; start: number }
  | { type: 'quoted'; text: string; start: number }
  | { type: 'user'; id: string; start: number }
  | { type: 'channel'; id: string; start: number };

const QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '「': '」', '『': '』', '＂': '＂' };
const SPACE = /\s/u;

/** Tokens of `text`, in order. Never fails: an unclosed quote runs to the end. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const close = QUOTES[c];
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      const stop = end === -1 ? text.length : end;
      tokens.push({ type: 'quoted', text: decodeChatText(text.slice(i + 1, stop)), start: i });
      i = stop + 1;
      continue;
    }
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end !== -1) {
        const markup = text.slice(i + 1, end);
        tokens.push(markupToken(markup, i));
        i = end + 1;
        continue;
      }
    }
    let j = i;
    while (j < text.length && !SPACE.test(text[j]!) && QUOTES[text[j]!] === undefined && !(text[j] === '<' && text.indexOf('>', j) !== -1)) j++;
    tokens.push({ type: 'word', text: decodeChatText(text.slice(i, j)), start: i });
    i = j;
  }
  return tokens;
}

function markupToken(markup: string, start: number): Token {
  const [target = '', label] = markup.split('|', 2);
  if (/^@[UW][A-Z0-9]+$/u.test(target)) return { type: 'user', id: target.slice(1), start };
  if (/^#[CG][A-Z0-9]+$/u.test(target)) return { type: 'channel', id: target.slice(1), start };
  return { type: 'word', text: decodeChatText(`<${target}${label === undefined ? '' : `|${label}`}>`), start };
}
