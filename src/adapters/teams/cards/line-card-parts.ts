/**
 * A milestone line as card elements, shared by the reminder card and the
 * personal home card: the line (tag, id, title), its facts, its notes, a
 * stamp when it was just reported on, and the buttons.
 */
import type { CardElementArray, IContainer } from '@microsoft/teams.cards';
import type { LineStamp } from '../../../app/views/build-stamp-view.ts';
import { buildStampView } from '../../../app/views/build-stamp-view.ts';
import type { ViewLine } from '../../../app/views/view-line.ts';
import { isClosed, statusLabel, type StatusCode } from '../../../domain/status.ts';
import type { Lang } from '../../../i18n/catalog.ts';
import { commentOpenAction, statusAction } from './card-action.ts';
import { actionSet, bold, container, markdown, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { teamsTranslator } from './teams-command.ts';

/** The statuses a button sets, in the order Slack shows them too (SPEC §4). */
const BUTTON_ORDER = ['done', 'on_track', 'at_risk', 'delayed'] as const satisfies readonly StatusCode[];

/** Which line a stamp belongs to. */
export function stampFor(line: ViewLine, stamps: readonly LineStamp[]): LineStamp | undefined {
  if (line.target === null) return undefined;
  const { milestoneId, checkpoint } = line.target;
  // The last stamp of a line wins: reports are given in the order they were made.
  return stamps.filter((s) => s.milestoneId === milestoneId && s.checkpoint === checkpoint).at(-1);
}

/**
 * One line in a container. With a stamp, the line shows it; a closing status
 * (完了, 中止) takes the buttons away, since nothing is left to report.
 */
export function lineContainer(line: ViewLine, separator: string, lang: Lang, outboxKey: string | null, stamp: LineStamp | undefined): IContainer {
  const head = `${bold(`${line.tag}${line.id}`)} ${escapeCardText(line.title)}`.trim();
  const items: CardElementArray = [markdown(head), text(line.facts.join(separator), { isSubtle: true, spacing: 'None' })];
  for (const note of line.notes) items.push(text(note, { isSubtle: true, spacing: 'None' }));
  if (stamp !== undefined) {
    const [recorded = '', ...comment] = buildStampView(stamp, lang, stamp.actor);
    items.push(text(`✓ ${recorded}`, { color: stamp.status === 'delayed' ? 'Attention' : stamp.status === 'at_risk' ? 'Warning' : 'Good', spacing: 'Small' }));
    for (const row of comment) items.push(text(row, { isSubtle: true, spacing: 'None' }));
  }
  if (line.target !== null && (stamp === undefined || !isClosed(stamp.status))) {
    const target = { ...line.target, outboxKey };
    items.push(
      actionSet([
        ...BUTTON_ORDER.map((status) => statusAction(target, status, statusLabel(status, lang))),
        commentOpenAction(target, teamsTranslator(lang)('reminder.button.comment')),
      ]),
    );
  }
  return container(items, { separator: true, spacing: 'Medium' });
}
