/**
 * The weekly digest (SPEC §6) as Block Kit for chat.postMessage. Pure, like
 * render-reminder.ts. Every list is one section, cut with 「他 N 件」 and the
 * command that shows the rest, and the roll-up takes one section per pillar
 * while blocks remain, so any plan fits in 50 blocks of ≤ 3,000 characters.
 */
import type { types } from '@slack/bolt';
import type { DigestMessage } from '../../app/ports.ts';
import { buildDigestView, digestMoreText, type DigestView, type Figures, type PillarView } from '../../app/views/build-digest-view.ts';
import type { ViewLine, ViewList } from '../../app/views/view-line.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { DIGEST_LIST_LINES } from '../../i18n/digest-wording.ts';
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

/** Renders a digest message in its own language (build-digest-view.ts), within Block Kit's limits. */
export function renderDigest(message: DigestMessage, options: RenderDigestOptions = {}): SlackMessage {
  const view = buildDigestView(message, options);
  const [planTitle = '', ...notes] = view.context;
  const blocks: types.KnownBlock[] = [
    // plain_text is never parsed for mentions, so it needs no escaping.
    { type: 'header', text: { type: 'plain_text', text: truncate(view.heading, BLOCK_KIT_LIMITS.headerText), emoji: false } },
    context([truncate(planTitle, MAX_PLAN_TITLE), ...notes].map(escapeMrkdwn)),
    section(`${bold(view.counts.title)}\n${escapeMrkdwn(view.counts.line)}\n_${escapeMrkdwn(view.counts.note)}_`),
    section([bold(view.progress.title), ...view.progress.rows.map(figures)].join('\n')),
    { type: 'divider' },
    ...view.lists.map((list) => listSection(list, view)),
  ];
  blocks.push({ type: 'divider' }, section(bold(view.rollup.title)));
  blocks.push(...pillarSections(view, BLOCK_KIT_LIMITS.blocksPerMessage - blocks.length));
  return { text: fallbackText(view), blocks };
}

/**
 * One section per pillar while blocks remain (one kept back for the
 * 「他 N 件」 section when some pillars do not fit).
 */
function pillarSections(view: DigestView, room: number): types.KnownBlock[] {
  const { pillars, total, moreCommand } = view.rollup;
  const fits = total <= room ? pillars.length : Math.max(0, room - 1);
  const shown = pillars.slice(0, fits);
  const blocks: types.KnownBlock[] = shown.map((pillar: PillarView) =>
    packedSection({
      head: `*${escapeMrkdwn(truncate(pillar.title, MAX_TITLE))}*\n${figures(pillar.figures)}`,
      lines: pillar.initiatives.map((row) => `• ${escapeMrkdwn(truncate(row.title, MAX_TITLE))}  ${figures(row.figures)}`),
      total: pillar.total,
      more: more(view.lang, moreCommand),
      maxLines: DIGEST_LIST_LINES,
    }),
  );
  if (shown.length < total) blocks.push(section(more(view.lang, moreCommand)(total - shown.length)));
  return blocks;
}

/** `▓▓▓▓░░░░░░` 40% ／ 完了 12/30 ／ 期限到来分 8/10 ／ 超過 2 */
function figures(f: Figures): string {
  return `\`${f.bar}\` ${escapeMrkdwn(f.text)}`;
}

function listSection(list: ViewList, view: DigestView): types.SectionBlock {
  return packedSection({
    head: bold(list.title),
    lines: list.lines.map((line) => lineText(line, view.separator)),
    total: list.total,
    more: more(view.lang, list.moreCommand),
    ...(list.empty === null ? {} : { empty: escapeMrkdwn(list.empty) }),
    maxLines: DIGEST_LIST_LINES,
  });
}

/** A milestone on two rows; a division (no id) on one, its facts after a dash. */
function lineText(line: ViewLine, separator: string): string {
  const facts = escapeMrkdwn(truncate(line.facts.join(separator), MAX_FACTS));
  if (line.id === '') return `• ${escapeMrkdwn(truncate(line.title, MAX_NAME))}${line.facts.length > 0 ? ` — ${facts}` : ''}`;
  return `• *${escapeMrkdwn(truncate(line.id, MAX_ID))}* ${escapeMrkdwn(truncate(line.title, MAX_TITLE))}\n      ${facts}`;
}

/** The 「他 N 件」 line of a list, naming the command that shows it whole. */
function more(lang: Lang, command: string): (rest: number) => string {
  return (rest) => escapeMrkdwn(digestMoreText(lang, rest, `\`${command}\``));
}

function fallbackText(view: DigestView): string {
  const text = view.summary;
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
