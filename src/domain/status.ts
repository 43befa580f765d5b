/**
 * Milestone status codes (SPEC §1.4), their labels, and the words users type for them.
 */

/** Every status, in the order lists and summaries show them. */
export const STATUS_CODES = ['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'cancelled'] as const;

export type StatusCode = (typeof STATUS_CODES)[number];

// Labels live here rather than in the i18n catalogue because parseStatusWord
// must read them back: one table serves both directions.
const LABELS: Readonly<Record<StatusCode, { readonly ja: string; readonly en: string }>> = {
  not_started: { ja: '未着手', en: 'Not started' },
  on_track: { ja: '順調', en: 'On track' },
  at_risk: { ja: '注意', en: 'At risk' },
  delayed: { ja: '遅延', en: 'Delayed' },
  done: { ja: '完了', en: 'Done' },
  cancelled: { ja: '中止', en: 'Cancelled' },
};

/**
 * Extra words accepted besides the codes and both labels, for what people type
 * by habit in a slash command. Kept short on purpose: every alias is a word
 * that can only mean one status. Keys are in folded form (see foldWord).
 */
export const STATUS_ALIASES: Readonly<Record<string, StatusCode>> = Object.freeze({
  ok: 'on_track',
  risk: 'at_risk',
  late: 'delayed',
  complete: 'done',
  completed: 'done',
  canceled: 'cancelled',
  済: 'done',
  済み: 'done',
});

/** The label of a status in the interface language. */
export function statusLabel(code: StatusCode, lang: 'ja' | 'en'): string {
  return LABELS[code][lang];
}

/** Lower-case, width-folded, with spaces and hyphens read as the code's underscore. */
function foldWord(word: string): string {
  return word.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/gu, '_');
}

const WORDS: ReadonlyMap<string, StatusCode> = new Map<string, StatusCode>([
  ...STATUS_CODES.flatMap((code) => [
    [code, code] as const,
    [foldWord(LABELS[code].ja), code] as const,
    [foldWord(LABELS[code].en), code] as const,
  ]),
  ...Object.entries(STATUS_ALIASES),
]);

/**
 * The status a user's word stands for: a code (`on_track`, `on-track`,
 * `On Track`), a label in either language (`順調`, `Delayed`), or one of
 * STATUS_ALIASES. Case and full-width letters do not matter. Null otherwise.
 */
export function parseStatusWord(word: string): StatusCode | null {
  return WORDS.get(foldWord(word)) ?? null;
}

/** True for statuses that end a milestone's reminders: done and cancelled. */
export function isClosed(code: StatusCode): boolean {
  return code === 'done' || code === 'cancelled';
}

/** Narrows an unknown value (say, a database column) to a StatusCode. */
export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && (STATUS_CODES as readonly string[]).includes(value);
}
