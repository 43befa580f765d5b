/** `/plan report history 1-1`: every answer and send-back of an item, round by round, the latest round first. */
import { wallClock } from '../../domain/zoned-time.ts';
import type { CommandDeps } from '../commands/ports.ts';
import { problemReply, type Reply } from '../commands/reply.ts';
import { roundSummaryOf, type RoundHistoryEntry } from './report-reply.ts';
import { findItem, loadReportScope } from './report-scope.ts';

/** An item's history over the plan's rounds; anyone may ask. */
export async function showItemRounds(deps: CommandDeps, itemId: string): Promise<Reply> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return problemReply(scope.error);
  const { reports, planKey, items } = scope.value;
  const found = findItem(items, itemId);
  if (!found.ok) return problemReply(found.error);
  const item = found.value;
  const rounds = [];
  for (const round of await reports.rounds.list(planKey)) {
    const entries = await reports.entries.historyOf(round.id, item.id);
    rounds.push({
      round: roundSummaryOf(round),
      entries: entries.map((entry): RoundHistoryEntry => {
        const common = { actor: entry.actor, division: entry.division, via: entry.via, at: wallClock(new Date(entry.createdAt), deps.timeZone) };
        return entry.kind === 'answer'
          ? { kind: 'answer', achievement: entry.achievement, evaluation: entry.evaluation, issues: entry.issues, nextSteps: entry.nextSteps, ...common }
          : { kind: 'returned', comment: entry.comment, ...common };
      }),
    });
  }
  return { kind: 'report', report: { op: 'history', item: { id: item.id, title: item.title }, rounds } };
}
