/**
 * The short dates of the progress report: `令和2年9月30日` (「…現在」) and a
 * deadline with its weekday, `令和2年10月9日(金)`; in English `30 Sep 2020`
 * and `Fri 9 Oct 2020`. The report's own wording, shorter than formatDate's.
 */
import type { LocalDate } from '../domain/plan.ts';
import type { Lang } from './catalog.ts';

const JA = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const JA_WEEKDAY = new Intl.DateTimeFormat('ja-JP', { weekday: 'short', timeZone: 'UTC' });
const EN = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const EN_WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });

/** `令和2年9月30日` / `30 Sep 2020`; with `weekday`, `令和2年10月9日(金)` / `Fri 9 Oct 2020`. */
export function formatAsOf(date: LocalDate, lang: Lang, weekday = false): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (lang === 'en') return `${weekday ? `${EN_WEEKDAY.format(instant)} ` : ''}${EN.format(instant)}`;
  return `${JA.format(instant).replace(/(\D)1年/u, '$1元年')}${weekday ? `(${JA_WEEKDAY.format(instant)})` : ''}`;
}
