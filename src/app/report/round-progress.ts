/**
 * Where a round stands, per division and per item, from the latest entry of
 * each item: the status reply, the close reply, the digest line and the
 * reminders all count with these functions, so they never disagree.
 */
import { itemStateOf, type ReportEntry, type ReportRound } from '../../domain/report-round.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { DivisionProgress, ItemRoundLine } from './report-reply.ts';
import type { RoundItem } from './report-scope.ts';

/**
 * Per owner division, in first-seen plan order: its items and how many are
 * answered, sent back, not answered. An item with several owners counts for
 * each of them, and one answer (by any of them) answers it for all.
 */
export function divisionProgressOf(items: readonly RoundItem[], latest: ReadonlyMap<string, ReportEntry>): DivisionProgress[] {
  const byDivision = new Map<string, DivisionProgress>();
  for (const item of items) {
    const state = itemStateOf(latest.get(item.id));
    for (const division of item.owners) {
      let progress = byDivision.get(division);
      if (!progress) byDivision.set(division, (progress = { division, items: 0, answered: 0, returned: 0, notAnswered: 0 }));
      progress.items++;
      if (state === 'answered') progress.answered++;
      else if (state === 'returned') progress.returned++;
      else progress.notAnswered++;
    }
  }
  return [...byDivision.values()];
}

/** True when every item of the division is answered (none left, none sent back). */
export function hasAnswered(progress: DivisionProgress): boolean {
  return progress.answered === progress.items;
}

/** An item's line in a round's status. */
export function itemLineOf(item: RoundItem, round: ReportRound, latest: ReportEntry | undefined, latestAnswer: Extract<ReportEntry, { kind: 'answer' }> | undefined, timeZone: string): ItemRoundLine {
  return {
    itemId: item.id,
    title: item.title,
    owners: item.owners,
    state: itemStateOf(latest),
    evaluation: latestAnswer?.evaluation ?? null,
    late: latestAnswer !== undefined && isLate(latestAnswer.createdAt, round, timeZone),
    returnComment: latest?.kind === 'returned' ? latest.comment : null,
  };
}

/** An entry made after the round's deadline day, on the plan's wall clock. */
export function isLate(createdAt: string, round: Pick<ReportRound, 'deadline'>, timeZone: string): boolean {
  return wallClock(new Date(createdAt), timeZone).date > round.deadline;
}
