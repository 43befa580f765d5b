// Text repairs and tests for what a PDF extractor leaves behind.

const MIDDLE_DOTS = /[\u00B7\uFF65\u2022\u2027]/g;

/** The extractor renders 「・」 as several look-alike dots; plans mean 「・」. */
export function normalizeDots(text: string): string {
  return text.replace(MIDDLE_DOTS, '・');
}

const ASCII_PUNCT = /[()[\]「」]/;
const isAscii = (c: string) => c.charCodeAt(0) < 0x80;

/**
 * Removes the spaces a PDF line wrap put inside Japanese text
 * (「人づくり 基本方針」), keeping spaces between Latin words
 * (「Smart Government」) and after a digit or Latin word (「変革1 -Smart」).
 */
export function joinWrapped(text: string): string {
  const trimmed = text.trim();
  let out = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (!/\s/.test(c)) {
      out += c;
      continue;
    }
    let j = i;
    while (j < trimmed.length && /\s/.test(trimmed[j]!)) j++;
    const before = out[out.length - 1] ?? '';
    const after = trimmed[j] ?? '';
    const joinable =
      (!isAscii(before) && !isAscii(after)) ||
      (!isAscii(before) && ASCII_PUNCT.test(after)) ||
      (ASCII_PUNCT.test(before) && !isAscii(after));
    if (!joinable) out += ' ';
    i = j - 1;
  }
  return normalizeDots(out);
}

/** A key for matching the same title across the plan's columns. */
export function matchKey(text: string): string {
  return normalizeDots(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[<>〈〉《》＜＞]/g, '');
}

let jisChars: Set<string> | undefined;

/** Characters a Japanese government PDF can contain (JIS X 0208 + CP932). */
function jisCharacters(): Set<string> {
  if (jisChars) return jisChars;
  const decoder = new TextDecoder('shift_jis');
  const set = new Set<string>(['〜', '−', '‖', '￠', '￡', '￢']);
  for (let b = 0xa1; b <= 0xdf; b++) set.add(decoder.decode(new Uint8Array([b])));
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && c !== '\uFFFD') set.add(c);
    }
  }
  jisChars = set;
  return set;
}

/**
 * True for text an OCR pass mangled: characters no Japanese document uses
 * (simplified Chinese 伤/别/连 read from a stamp), runs of `#`, replacement
 * characters, or control characters.
 */
export function looksLikeGarbage(text: string): boolean {
  if (/#{2,}|\uFFFD|[\u0000-\u0008\u000E-\u001F]/.test(text)) return true;
  const jis = jisCharacters();
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    if (!jis.has(c)) return true;
  }
  return false;
}

const DIVISION_SUFFIX = /(課|室|局|部|庁|所|センター|委員会|本部|班|グループ)$/;
// Latin letters occur in modern division names (総務部ICT推進課, DX推進課).
const DIVISION_CHARS = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}A-Za-zー・]{2,40}$/u;

/** True for a division name such as 総務部人事課 or 総務部法務・文書課. */
export function isDivisionName(text: string): boolean {
  const t = normalizeDots(text.normalize('NFKC'));
  return DIVISION_CHARS.test(t) && DIVISION_SUFFIX.test(t) && !looksLikeGarbage(t);
}

/** True for a page number or footer such as `1 - 37-111`. */
export function isPageFooter(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return /\d/.test(t) && /^[\d\s\-–—ー/.()]+$/.test(t);
}

/** True when a text has at least `min` letters (kanji, kana or Latin). */
export function hasWords(text: string, min = 2): boolean {
  const letters = text.match(/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}A-Za-z]/gu);
  return (letters?.length ?? 0) >= min;
}
