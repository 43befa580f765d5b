/**
 * The weekly digest (SPEC §6, issue 14 item 6) as an Adaptive Card for the
 * coordinator channel: the view every platform shows (build-digest-view.ts),
 * in one message within Teams' 40 KB. When the whole view does not fit, every
 * list is cut to fewer lines, the same number for all, until it does; each
 * cut list ends in 「他 N 件」 and the command that shows the rest.
 */
import type { CardElementArray, IAdaptiveCard, IImage } from '@microsoft/teams.cards';
import type { DigestMessage } from '../../../app/ports.ts';
import type { DigestChartImage } from '../../charts/render-png.ts';
import { buildDigestView, digestMoreText, type DigestView, type Figures } from '../../../app/views/build-digest-view.ts';
import type { ViewLine, ViewList } from '../../../app/views/view-line.ts';
import { DIGEST_LIST_LINES } from '../../../i18n/digest-wording.ts';
import { bold, card, CARD_BYTES_BUDGET, cardBytes, container, markdown, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { outboxKeyId } from './outbox-key.ts';
import { TEAMS_COMMAND_PREFIX } from './teams-command.ts';

export interface RenderDigestCardOptions {
  /** A preview (`digest` without post): nothing was posted. */
  preview?: boolean;
  /** The digest's chart (charts/render-png.ts), shown under the progress figures; null or absent: none. */
  chart?: DigestChartImage | null;
}

/**
 * Lists keep at least this many lines beside the chart. A card that would
 * need to cut them further goes without the chart instead: the lists name
 * the work someone has to act on, the chart only pictures the figures.
 */
export const MIN_LINES_BESIDE_CHART = 3;

/**
 * The digest's cards, all for one message (today always one card), carrying
 * `outboxKey` for the Graph lookup; null for a preview that is not delivered.
 */
export function renderDigestCards(message: DigestMessage, outboxKey: string | null, options: RenderDigestCardOptions = {}): IAdaptiveCard[] {
  const view = buildDigestView(message, { ...(options.preview === undefined ? {} : { preview: options.preview }), commandPrefix: TEAMS_COMMAND_PREFIX });
  // The PNG inline as a data URL: Teams shows it without the image having to be reachable from every client.
  const image = options.chart ? chartImage(options.chart) : null;
  if (image) {
    for (let lines = DIGEST_LIST_LINES; lines >= MIN_LINES_BESIDE_CHART; lines--) {
      const result = digestCard(view, outboxKey, lines, image);
      if (cardBytes(result) <= CARD_BYTES_BUDGET) return [result];
    }
  }
  for (let lines = DIGEST_LIST_LINES; lines > 0; lines--) {
    const result = digestCard(view, outboxKey, lines, null);
    if (cardBytes(result) <= CARD_BYTES_BUDGET) return [result];
  }
  return [digestCard(view, outboxKey, 0, null)];
}

function chartImage(chart: DigestChartImage): IImage {
  return { type: 'Image', url: `data:image/png;base64,${chart.png.toString('base64')}`, altText: chart.alt, size: 'Stretch', separator: true, msteams: { allowExpand: true } };
}

function digestCard(view: DigestView, outboxKey: string | null, maxLines: number, image: IImage | null): IAdaptiveCard {
  const head = container(
    [text(view.heading, { size: 'Large', weight: 'Bolder' }), ...view.context.map((line) => text(line, { isSubtle: true, spacing: 'None' }))],
    outboxKey === null ? {} : { id: outboxKeyId(outboxKey) },
  );
  const body: CardElementArray = [
    head,
    container([markdown(bold(view.counts.title)), text(view.counts.line, { spacing: 'None' }), text(view.counts.note, { isSubtle: true, spacing: 'None' })], { separator: true }),
    container([markdown(bold(view.progress.title)), ...view.progress.rows.map((row) => figures(row))], { separator: true }),
    ...(image ? [image] : []),
    ...view.lists.map((list) => listContainer(list, view, maxLines)),
    rollupContainer(view, maxLines),
  ];
  return card(body, { fallbackText: escapeCardText(view.summary) });
}

function listContainer(list: ViewList, view: DigestView, maxLines: number): ReturnType<typeof container> {
  const shown = list.lines.slice(0, maxLines);
  const items: CardElementArray = [markdown(bold(list.title))];
  for (const line of shown) items.push(...lineBlocks(line, view.separator));
  if (list.total === 0 && list.empty !== null) items.push(text(list.empty, { isSubtle: true, spacing: 'None' }));
  else if (shown.length < list.total) items.push(more(view, list.total - shown.length, list.moreCommand));
  return container(items, { separator: true });
}

/** A milestone as its line and its facts; a division (no id) on one line, its facts after a dash. */
function lineBlocks(line: ViewLine, separator: string): CardElementArray {
  if (line.id === '') return [text(`${line.title}${line.facts.length > 0 ? ` — ${line.facts.join(separator)}` : ''}`, { spacing: 'Small' })];
  return [markdown(`${bold(line.id)} ${escapeCardText(line.title)}`, { spacing: 'Small' }), text(line.facts.join(separator), { isSubtle: true, spacing: 'None' })];
}

function rollupContainer(view: DigestView, maxLines: number): ReturnType<typeof container> {
  const { rollup } = view;
  const items: CardElementArray = [markdown(bold(rollup.title))];
  const pillars = rollup.pillars.slice(0, Math.max(1, maxLines));
  for (const pillar of pillars) {
    items.push(markdown(bold(pillar.title), { spacing: 'Medium' }), figures(pillar.figures));
    const initiatives = pillar.initiatives.slice(0, maxLines);
    for (const row of initiatives) items.push(text(row.title, { spacing: 'Small' }), figures(row.figures, true));
    if (initiatives.length < pillar.total) items.push(more(view, pillar.total - initiatives.length, rollup.moreCommand));
  }
  if (pillars.length < rollup.total) items.push(more(view, rollup.total - pillars.length, rollup.moreCommand));
  return container(items, { separator: true });
}

function figures(f: Figures, subtle = false): ReturnType<typeof text> {
  return text(`${f.bar} ${f.text}`, { spacing: 'None', ...(subtle ? { isSubtle: true } : {}) });
}

function more(view: DigestView, count: number, command: string): ReturnType<typeof text> {
  return text(digestMoreText(view.lang, count, command), { isSubtle: true, spacing: 'Small' });
}
