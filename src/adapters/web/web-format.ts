/** The small pieces of wording every dashboard page shares. */
import type { LocalDate } from '../../domain/plan.ts';
import { statusLabel, type StatusCode } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { html, type Html } from './html.ts';

/** `令和2年9月7日現在` (「○月○日現在」), `As of 7 September 2020`. */
export function asOfText(date: LocalDate, lang: Lang, t: Translate): string {
  return t('web.asOf', { date: t('web.asOfDate', { era: formatMonth(date.slice(0, 7), lang), day: Number(date.slice(8)) }) });
}

/** A date in a table cell: `令和2年5月29日(金)`, without the ISO date the chat adds. */
export function shortDate(date: LocalDate, lang: Lang): string {
  return formatDate(date, lang).split(' · ')[0]!;
}

/** `+2`, `−1`, `±0`. */
export function signed(change: number, digits = 0): string {
  const text = Math.abs(change).toFixed(digits);
  if (Number(text) === 0) return `±${text}`;
  return change > 0 ? `+${text}` : `−${text}`;
}

/** Done of total as a percentage with one decimal; 0 for an empty plan. */
export function completionRate(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 1000) / 10;
}

export function statusBadge(status: StatusCode, lang: Lang): Html {
  return html`<span class="status status-${status}">${statusLabel(status, lang)}</span>`;
}

/** Where each page of one plan is, under one link's token. */
export interface PageLinks {
  overview: string;
  division(name: string): string;
  milestone(id: string): string;
  workbook: string;
}

/** The hrefs of plan `key` under `/d/TOKEN/`. */
export function pageLinks(token: string, key: string): PageLinks {
  const base = `/d/${token}/p/${encodeURIComponent(key)}/`;
  return {
    overview: base,
    division: (name) => `${base}division/${encodeURIComponent(name)}`,
    milestone: (id) => `${base}milestone/${encodeURIComponent(id)}`,
    workbook: `${base}report.xlsx`,
  };
}
