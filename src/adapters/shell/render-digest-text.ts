/**
 * The weekly digest as terminal text: the same sections, wording and cuts
 * as the Slack message (render-digest.ts), without the markup.
 */
import type { DigestMessage } from '../../app/ports.ts';
import type { DigestEntry, DigestList, RollupRow } from '../../domain/digest.ts';
import { DUE_SOON_DAYS, SILENT_WINDOW_DAYS } from '../../domain/digest.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { translator, type Translate } from '../../i18n/catalog.ts';
import { DIGEST_LIST_LINES, DIGEST_MORE_COMMANDS, entryFacts, percentText, progressBar, silentFacts, type DigestPart } from '../../i18n/digest-wording.ts';
import { formatDate } from '../../i18n/format-date.ts';

export interface RenderDigestTextOptions {
  /** Marks it as a preview: nothing was posted (`shinchoku digest`). */
  preview?: boolean;
}

/** The plain-text form of a digest message. */
export function renderDigestText(message: DigestMessage, options: RenderDigestTextOptions = {}): string {
  const t = translator(message.lang);
  const { digest, lang } = message;
  const sep = t('reminder.separator');
  const out = [`== ${t('digest.header', { date: formatDate(digest.date, lang) })}`, digest.planTitle, t('digest.period', { date: formatDate(digest.previousDate, lang) })];
  if (message.late) out.push(t('digest.late'));
  if (message.manual) out.push(t('digest.manual'));
  if (options.preview) out.push(t('digest.preview'));

  const p = digest.progress;
  out.push(
    '',
    `${t('digest.counts.title')}: ${STATUS_CODES.map((code) => t('digest.count', { status: statusLabel(code, lang), count: digest.counts[code] })).join(sep)}`,
    `  (${t('digest.counts.note')})`,
    `${t('digest.progress.title')}:`,
    `  ${progressBar(p.doneDue, p.dueSoFar)} ${t('digest.progress.due', { done: p.doneDue, total: p.dueSoFar, percent: percentText(p.doneDue, p.dueSoFar, t) })}`,
    `  ${progressBar(p.done, p.total)} ${t('digest.progress.all', { done: p.done, total: p.total, percent: percentText(p.done, p.total, t) })}`,
  );

  const entries = (title: string, list: DigestList<DigestEntry>, name: DigestPart) =>
    section(title, list, name, (entry) => [`  ${entry.milestoneId} ${entry.title}`, `      ${entryFacts(entry, lang, t).join(sep)}`], t);
  out.push(
    ...entries(t('digest.completed.title', { count: digest.completed.total }), digest.completed, 'completed'),
    ...entries(t('digest.newlyOverdue.title', { count: digest.newlyOverdue.total }), digest.newlyOverdue, 'newlyOverdue'),
    ...entries(t('digest.stillOverdue.title', { count: digest.stillOverdue.total }), digest.stillOverdue, 'stillOverdue'),
    ...entries(t('digest.dueSoon.title', { days: DUE_SOON_DAYS, count: digest.dueSoon.total }), digest.dueSoon, 'dueSoon'),
    ...section(
      t('digest.silent.title', { days: SILENT_WINDOW_DAYS, count: digest.silentDivisions.total }),
      digest.silentDivisions,
      'silent',
      (s) => [`  ${s.division} — ${silentFacts(s, lang, t).join(sep)}`],
      t,
    ),
  );
  if (digest.unmappedDivisions.total > 0) {
    out.push(...section(t('digest.unmapped.title', { count: digest.unmappedDivisions.total }), digest.unmappedDivisions, 'unmapped', (d) => [`  ${d}`], t));
  }

  out.push('', `■ ${t('digest.rollup.title')}`);
  for (const pillar of digest.pillars.items.slice(0, DIGEST_LIST_LINES)) {
    out.push(`  ${pillar.id} ${pillar.title}`, `    ${figures(pillar, t)}`);
    for (const row of pillar.initiatives.items.slice(0, DIGEST_LIST_LINES)) out.push(`    ${row.id} ${row.title}`, `      ${figures(row, t)}`);
    const rest = pillar.initiatives.total - Math.min(pillar.initiatives.items.length, DIGEST_LIST_LINES);
    if (rest > 0) out.push(`    ${more(t, 'pillars', rest)}`);
  }
  const restPillars = digest.pillars.total - Math.min(digest.pillars.items.length, DIGEST_LIST_LINES);
  if (restPillars > 0) out.push(`  ${more(t, 'pillars', restPillars)}`);
  return out.join('\n');
}

/** A titled list cut at DIGEST_LIST_LINES, like the Slack sections. */
function section<T>(title: string, list: DigestList<T>, name: DigestPart, lines: (item: T) => string[], t: Translate): string[] {
  const shown = list.items.slice(0, DIGEST_LIST_LINES);
  const out = ['', `■ ${title}`, ...shown.flatMap(lines)];
  if (list.total === 0) out.push(`  ${t('digest.none')}`);
  else if (shown.length < list.total) out.push(`  ${more(t, name, list.total - shown.length)}`);
  return out;
}

function figures(row: RollupRow, t: Translate): string {
  const p = row.progress;
  return `${progressBar(p.done, p.total)} ${percentText(p.done, p.total, t)}${t('reminder.separator')}${t('digest.rollup.stats', { ...p })}`;
}

function more(t: Translate, name: DigestPart, rest: number): string {
  return t('digest.more', { count: rest, command: DIGEST_MORE_COMMANDS[name] });
}
