/**
 * Dates as people in a Japanese prefectural office read them: the era
 * calendar (和暦) first, the ISO date beside it, so nobody converts by hand.
 * `令和2年7月31日(金) · 2020-07-31`. Shared by every renderer (Slack, Teams, shell).
 */
import { isValidLocalDate, isValidYearMonth } from '../domain/local-date.ts';
import type { LocalDate, YearMonth } from '../domain/plan.ts';
import type { Lang } from './catalog.ts';

// Our dates are wall-calendar days built at UTC midnight, so formatting must
// happen in UTC too, whatever the host's zone.
const JA_DAY = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  timeZone: 'UTC',
});
const JA_MONTH = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', timeZone: 'UTC' });
const EN_DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const EN_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const EN_ERA = new Intl.DateTimeFormat('en-US-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

// A plan has a few hundred distinct dates and every reply and reminder line
// shows some; Intl's formatToParts is slow, so each is formatted once.
const formatted = new Map<string, string>();

function once(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) formatted.set(key, (text = format()));
  return text;
}

/** `令和2年7月31日(金) · 2020-07-31`; in English `Fri 31 Jul 2020 (Reiwa 2) · 2020-07-31`. */
export function formatDate(date: LocalDate, lang: Lang): string {
  return once(`${lang}|${date}`, () => formatDateNow(date, lang));
}

function formatDateNow(date: LocalDate, lang: Lang): string {
  if (!isValidLocalDate(date)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const instant = new Date(`${date}T00:00:00Z`);
  if (lang === 'en') {
    const p = partsOf(EN_DAY, instant);
    return `${p.weekday} ${p.day} ${p.month} ${p.year} (${englishEra(instant)}) · ${date}`;
  }
  const p = partsOf(JA_DAY, instant);
  return `${p.era}${eraYear(p.year)}年${p.month}月${p.day}日(${p.weekday}) · ${date}`;
}

/**
 * A date alone in the era calendar, as a report's 「…現在」 heading writes
 * it: `令和2年9月30日`; in English `30 September 2020`.
 */
export function formatEraDate(date: LocalDate, lang: Lang): string {
  return once(`era|${lang}|${date}`, () => {
    if (!isValidLocalDate(date)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(date)}`);
    const instant = new Date(`${date}T00:00:00Z`);
    if (lang === 'en') {
      const p = partsOf(EN_DAY, instant);
      return `${p.day} ${p.month} ${p.year}`;
    }
    const p = partsOf(JA_DAY, instant);
    return `${p.era}${eraYear(p.year)}年${p.month}月${p.day}日`;
  });
}

/** A checkpoint month: `令和2年8月`; in English `August 2020`. */
export function formatMonth(month: YearMonth, lang: Lang): string {
  return once(`${lang}|${month}`, () => formatMonthNow(month, lang));
}

function formatMonthNow(month: YearMonth, lang: Lang): string {
  if (!isValidYearMonth(month)) throw new RangeError(`not a valid month (YYYY-MM): ${JSON.stringify(month)}`);
  const instant = new Date(`${month}-01T00:00:00Z`);
  if (lang === 'en') {
    const p = partsOf(EN_MONTH, instant);
    return `${p.month} ${p.year}`;
  }
  const p = partsOf(JA_MONTH, instant);
  return `${p.era}${eraYear(p.year)}年${p.month}月`;
}

// Rebuilt from parts rather than taken from format(): ICU versions differ in
// the literals between fields (日(金) vs 日 金曜日), and our output must not.
function partsOf(format: Intl.DateTimeFormat, instant: Date): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/** Year 1 of an era is written 元 in official documents; older ICU prints 1. */
function eraYear(year: string | undefined): string {
  return year === '1' ? '元' : (year ?? '');
}

function englishEra(instant: Date): string {
  const p = partsOf(EN_ERA, instant);
  return `${p.era} ${p.year}`;
}
