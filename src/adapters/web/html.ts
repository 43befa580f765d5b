/**
 * The one way the dashboard writes HTML: a tagged template that escapes
 * every interpolated value, unless it is already Html (made by this same
 * template, or a chart's SVG marked trusted with `trusted`). Plan text,
 * division names, comments and user ids all pass through escapeHtml.
 */

/** Markup that is safe to put in a page as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text made safe for an element's content and a quoted attribute value alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/gu, (c) => ENTITIES[c]!);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<td>${text}</td>\``: every value escaped, Html kept, arrays joined. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup we produced ourselves (ECharts' SVG, which escapes the text it draws). Never for user text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
