/**
 * The weekly digest (SPEC §6, issue 14 item 6) as an Adaptive Card for the
 * coordinator channel: the view every platform shows (build-digest-view.ts),
 * in one message within Teams' 40 KB. When the whole view does not fit, every
 * list is cut to fewer lines, the same number for all, until it does; each
 * cut list ends in 「他 N 件」 and the command that shows the rest.
 */
import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import type { DigestMessage } from '../../../app/ports.ts';
import { buildDigestView, digestMoreText, type DigestView, type Figures } from '../../../app/views/build-digest-view.ts';
import type { ViewLine, ViewList } from '../../../app/views/view-line.ts';
import { DIGEST_LIST_LINES } from '../../../i18n/digest-wording.ts';
import { bold, card, CARD_BYTES_BUDGET, cardBytes, container, markdown, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { outboxKeyId } from './outbox-key.ts';
import { teamsCommand } from './teams-command.ts';

export interface RenderDigestCardOptions {
  /** A preview (`digest` without post): nothing was posted. */
  preview?: boolean;
}

/**
 * The digest's cards, all for one message (today always one card), carrying
 * `outboxKey` for the Graph lookup; null for a preview that is not delivered.
 */
export function renderDigestCards(message: DigestMessage, outboxKey: string | null, options: RenderDigestCardOptions = {}): IAdaptiveCard[] {
  const view = buildDigestView(message, options);
  for (let lines = DIGEST_LIST_LINES; lines > 0; lines--) {
    const result = digestCard(view, outboxKey, lines);
    if (cardBytes(result) <= CARD_BYTES_BUDGET) return [result];
  }
  return [digestCard(view, outboxKey, 0)];
}

function digestCard(view: DigestView, outboxKey: string | null, maxLines: number): IAdaptiveCard {
  const head = container(
    [text(view.heading, { size: 'Large', weight: 'Bolder' }), ...view.context.map((line) => text(line, { isSubtle: true, spacing: 'None' }))],
    outboxKey === null ? {} : { id: outboxKeyId(outboxKey) },
  );
  const body: CardElementArray = [
    head,
    container([markdown(bold(view.counts.title)), text(view.counts.line, { spacing: 'None' }), text(view.counts.note, { isSubtle: true, spacing: 'None' })], { separator: true }),
    container([markdown(bold(view.progress.title)), ...view.progress.rows.map((row) => figures(row))], { separator: true }),
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
  return text(digestMoreText(view.lang, count, teamsCommand(command)), { isSubtle: true, spacing: 'Small' });
}
