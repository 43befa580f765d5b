/**
 * The weekly digest as terminal text: the view every platform shows
 * (build-digest-view.ts), without markup.
 */
import type { DigestMessage } from '../../app/ports.ts';
import { buildDigestView, digestMoreText, type Figures } from '../../app/views/build-digest-view.ts';
import type { ViewLine, ViewList } from '../../app/views/view-line.ts';
import type { Lang } from '../../i18n/catalog.ts';

export interface RenderDigestTextOptions {
  /** Marks it as a preview: nothing was posted (`shinchoku digest`). */
  preview?: boolean;
}

/** The plain-text form of a digest message. */
export function renderDigestText(message: DigestMessage, options: RenderDigestTextOptions = {}): string {
  const view = buildDigestView(message, options);
  const { lang } = view;
  const out = [`== ${view.heading}`, ...view.context];
  out.push('', `${view.counts.title}: ${view.counts.line}`, `  (${view.counts.note})`, `${view.progress.title}:`, ...view.progress.rows.map((row) => `  ${figures(row)}`));
  for (const list of view.lists) out.push(...section(list, view.separator, lang));
  out.push('', `■ ${view.rollup.title}`);
  for (const pillar of view.rollup.pillars) {
    out.push(`  ${pillar.title}`, `    ${figures(pillar.figures)}`);
    for (const row of pillar.initiatives) out.push(`    ${row.title}`, `      ${figures(row.figures)}`);
    const rest = pillar.total - pillar.initiatives.length;
    if (rest > 0) out.push(`    ${digestMoreText(lang, rest, view.rollup.moreCommand)}`);
  }
  const restPillars = view.rollup.total - view.rollup.pillars.length;
  if (restPillars > 0) out.push(`  ${digestMoreText(lang, restPillars, view.rollup.moreCommand)}`);
  return out.join('\n');
}

function section(list: ViewList, separator: string, lang: Lang): string[] {
  const out = ['', `■ ${list.title}`, ...list.lines.flatMap((line) => lineRows(line, separator))];
  if (list.total === 0 && list.empty !== null) out.push(`  ${list.empty}`);
  else if (list.lines.length < list.total) out.push(`  ${digestMoreText(lang, list.total - list.lines.length, list.moreCommand)}`);
  return out;
}

/** A milestone on two rows; a division (no id) on one, its facts after a dash. */
function lineRows(line: ViewLine, separator: string): string[] {
  if (line.id === '') return [`  ${line.title}${line.facts.length > 0 ? ` — ${line.facts.join(separator)}` : ''}`];
  return [`  ${line.id} ${line.title}`, `      ${line.facts.join(separator)}`];
}

function figures(f: Figures): string {
  return `${f.bar} ${f.text}`;
}
