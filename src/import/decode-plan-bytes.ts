/**
 * Turns a plan file's bytes into text, whatever a Japanese office saved it
 * as: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * or Shift_JIS / CP932 (what Excel and many Japanese tools write by default).
 *
 * Detection is by construction, not by guessing from letter frequencies:
 * a BOM names its encoding; otherwise the bytes must decode as strict UTF-8,
 * else as strict Shift_JIS (WHATWG's Shift_JIS is Windows-31J, i.e. CP932,
 * NEC and IBM extensions included). UTF-8 goes first because Japanese text in
 * CP932 is almost never valid UTF-8 (its lead bytes 81–9F stand where UTF-8
 * wants a sequence's first byte, and 82 A0 is no UTF-8 at all), while much
 * UTF-8 would pass a lenient CP932 reading. Bytes that pass neither are not a
 * text plan.
 */

export type PlanEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';

/** How the review report names each encoding. */
export const ENCODING_NAMES: Readonly<Record<PlanEncoding, string>> = Object.freeze({
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16LE (BOM)',
  'utf-16be': 'UTF-16BE (BOM)',
  shift_jis: 'Shift_JIS (CP932)',
});

export type DecodedPlan = { ok: true; text: string; encoding: PlanEncoding } | { ok: false; reason: 'binary' };

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters no text plan holds (tab, LF, CR and form feed are allowed). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/** Decodes `bytes`; `binary` when they are no text in any of the encodings above. */
export function decodePlanBytes(bytes: Uint8Array): DecodedPlan {
  const attempts: [PlanEncoding, string, number][] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) attempts.push(['utf-8-bom', 'utf-8', 3]);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) attempts.push(['utf-16le', 'utf-16le', 2]);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) attempts.push(['utf-16be', 'utf-16be', 2]);
  else attempts.push(['utf-8', 'utf-8', 0], ['shift_jis', 'shift_jis', 0]);

  for (const [encoding, label, skip] of attempts) {
    const text = strictDecode(label, bytes.subarray(skip));
    if (text !== null && !CONTROL.test(text)) return { ok: true, text, encoding };
  }
  return { ok: false, reason: 'binary' };
}
