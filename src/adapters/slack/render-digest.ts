/**
 * The weekly digest (SPEC §6) as Block Kit for chat.postMessage. Pure, like
 * render-reminder.ts. Every list is one section, cut with 「他 N 件」 and the
 * command that shows the rest, and the roll-up takes one section per pillar
 * while blocks remain, so any plan fits in 50 blocks of ≤ 3,000 characters.
 */
import type { types } from '@slack/bolt';
import type { DigestMessage } from '../../app/ports.ts';
import type { DigestEntry, DigestList, PillarRollup, RollupRow } from '../../domain/digest.ts';
import { DUE_SOON_DAYS, SILENT_WINDOW_DAYS } from '../../domain/digest.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { DIGEST_LIST_LINES, DIGEST_MORE_COMMANDS, entryFacts, percentText, progressBar, silentFacts, type DigestPart } from '../../i18n/digest-wording.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { packedSection } from './pack-section.ts';
import type { SlackMessage } from './render-reminder.ts';

// Raw lengths before escaping (which can grow text fivefold): a line stays
// far below a section's 3,000 characters whatever the plan says.
const MAX_TITLE = 200;
const MAX_ID = 40;
const MAX_FACTS = 300;
const MAX_NAME = 100;
const MAX_PLAN_TITLE = 300;

export interface RenderDigestOptions {
  /** Marks it as a preview (`/plan digest`, ephemeral): nothing was posted. */
  preview?: boolean;
}

/** Renders a digest message in its own language, within Block Kit's limits. */
export function renderDigest(message: DigestMessage, options: RenderDigestOptions = {}): SlackMessage {
  const t = translator(message.lang);
  const { digest, lang } = message;
  const blocks: types.KnownBlock[] = [
    // plain_text is never parsed for mentions, so it needs no escaping.
    { type: 'header', text: { type: 'plain_text', text: truncate(t('digest.header', { date: formatDate(digest.date, lang) }), BLOCK_KIT_LIMITS.headerText), emoji: false } },
    context(
      [
        truncate(digest.planTitle, MAX_PLAN_TITLE),
        t('digest.period', { date: formatDate(digest.previousDate, lang) }),
        ...(message.late ? [t('digest.late')] : []),
        ...(message.manual ? [t('digest.manual')] : []),
        ...(options.preview ? [t('digest.preview')] : []),
      ].map(escapeMrkdwn),
    ),
    section(`*${escapeMrkdwn(t('digest.counts.title'))}*\n${escapeMrkdwn(countsLine(message, t))}\n_${escapeMrkdwn(t('digest.counts.note'))}_`),
    section(progressText(message, t)),
    { type: 'divider' },
    entrySection(t('digest.completed.title', { count: digest.completed.total }), digest.completed, 'completed', lang, t),
    entrySection(t('digest.newlyOverdue.title', { count: digest.newlyOverdue.total }), digest.newlyOverdue, 'newlyOverdue', lang, t),
    entrySection(t('digest.stillOverdue.title', { count: digest.stillOverdue.total }), digest.stillOverdue, 'stillOverdue', lang, t),
    entrySection(t('digest.dueSoon.title', { days: DUE_SOON_DAYS, count: digest.dueSoon.total }), digest.dueSoon, 'dueSoon', lang, t),
    packedSection({
      head: bold(t('digest.silent.title', { days: SILENT_WINDOW_DAYS, count: digest.silentDivisions.total })),
      lines: digest.silentDivisions.items.map(
        (s) => `• ${escapeMrkdwn(truncate(s.division, MAX_NAME))} — ${escapeMrkdwn(silentFacts(s, lang, t).join(t('reminder.separator')))}`,
      ),
      total: digest.silentDivisions.total,
      more: more(t, 'silent'),
      empty: escapeMrkdwn(t('digest.none')),
      maxLines: DIGEST_LIST_LINES,
    }),
  ];
  if (digest.unmappedDivisions.total > 0) {
    blocks.push(
      packedSection({
        head: bold(t('digest.unmapped.title', { count: digest.unmappedDivisions.total })),
        lines: digest.unmappedDivisions.items.map((division) => `• ${escapeMrkdwn(truncate(division, MAX_NAME))}`),
        total: digest.unmappedDivisions.total,
        more: more(t, 'unmapped'),
        maxLines: DIGEST_LIST_LINES,
      }),
    );
  }
  blocks.push({ type: 'divider' }, section(bold(t('digest.rollup.title'))));
  blocks.push(...pillarSections(digest.pillars, BLOCK_KIT_LIMITS.blocksPerMessage - blocks.length, t));
  return { text: fallbackText(message, t), blocks };
}

/**
 * One section per pillar while blocks remain (one kept back for the
 * 「他 N 件」 section when some pillars do not fit).
 */
function pillarSections(pillars: DigestList<PillarRollup>, room: number, t: Translate): types.KnownBlock[] {
  const fits = pillars.total <= room ? pillars.items.length : Math.max(0, room - 1);
  const shown = pillars.items.slice(0, fits);
  const blocks: types.KnownBlock[] = shown.map((pillar) =>
    packedSection({
      head: `*${escapeMrkdwn(truncate(`${pillar.id} ${pillar.title}`, MAX_TITLE))}*\n${rowFigures(pillar, t)}`,
      lines: pillar.initiatives.items.map((row) => `• ${escapeMrkdwn(truncate(`${row.id} ${row.title}`, MAX_TITLE))}  ${rowFigures(row, t)}`),
      total: pillar.initiatives.total,
      more: more(t, 'pillars'),
      maxLines: DIGEST_LIST_LINES,
    }),
  );
  if (shown.length < pillars.total) blocks.push(section(more(t, 'pillars')(pillars.total - shown.length)));
  return blocks;
}

/** `▓▓▓▓░░░░░░` 40% ／ 完了 12/30 ／ 期限到来分 8/10 ／ 超過 2 */
function rowFigures(row: RollupRow, t: Translate): string {
  const p = row.progress;
  return `\`${progressBar(p.done, p.total)}\` ${escapeMrkdwn(`${percentText(p.done, p.total, t)}${t('reminder.separator')}${t('digest.rollup.stats', { ...p })}`)}`;
}

function entrySection(title: string, list: DigestList<DigestEntry>, name: DigestPart, lang: Lang, t: Translate): types.SectionBlock {
  return packedSection({
    head: bold(title),
    lines: list.items.map((entry) => entryLine(entry, lang, t)),
    total: list.total,
    more: more(t, name),
    empty: escapeMrkdwn(t('digest.none')),
    maxLines: DIGEST_LIST_LINES,
  });
}

function entryLine(entry: DigestEntry, lang: Lang, t: Translate): string {
  const facts = truncate(entryFacts(entry, lang, t).join(t('reminder.separator')), MAX_FACTS);
  return `• *${escapeMrkdwn(truncate(entry.milestoneId, MAX_ID))}* ${escapeMrkdwn(truncate(entry.title, MAX_TITLE))}\n      ${escapeMrkdwn(facts)}`;
}

function countsLine(message: DigestMessage, t: Translate): string {
  return STATUS_CODES.map((code) => t('digest.count', { status: statusLabel(code, message.lang), count: message.digest.counts[code] })).join(t('reminder.separator'));
}

function progressText(message: DigestMessage, t: Translate): string {
  const p = message.digest.progress;
  const due = t('digest.progress.due', { done: p.doneDue, total: p.dueSoFar, percent: percentText(p.doneDue, p.dueSoFar, t) });
  const all = t('digest.progress.all', { done: p.done, total: p.total, percent: percentText(p.done, p.total, t) });
  return `${bold(t('digest.progress.title'))}\n\`${progressBar(p.doneDue, p.dueSoFar)}\` ${escapeMrkdwn(due)}\n\`${progressBar(p.done, p.total)}\` ${escapeMrkdwn(all)}`;
}

/** The 「他 N 件」 line of a list, naming the command that shows it whole. */
function more(t: Translate, name: DigestPart): (rest: number) => string {
  return (rest) => escapeMrkdwn(t('digest.more', { count: rest, command: `\`${DIGEST_MORE_COMMANDS[name]}\`` }));
}

function fallbackText(message: DigestMessage, t: Translate): string {
  const p = message.digest.progress;
  const text = t('digest.fallback', { date: message.digest.date, done: p.done, total: p.total, overdue: p.overdue });
  // Cut before escaping, so that no entity is cut in half (as render-reminder.ts does).
  return escapeMrkdwn(truncate(text, BLOCK_KIT_LIMITS.fallbackText / 5));
}

function bold(text: string): string {
  return `*${escapeMrkdwn(text)}*`;
}

function context(texts: string[]): types.ContextBlock {
  return { type: 'context', elements: texts.map((text) => ({ type: 'mrkdwn', text })) };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}
