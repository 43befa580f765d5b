/**
 * A milestone's state as the reminder policy sees it, from the append-only
 * status history: the latest status, the latest report date, the revised due.
 */
import type { YearMonth } from './plan.ts';
import type { StatusUpdate } from './status-update.ts';
import type { MilestoneState, StateLookup } from './reminder-policy.ts';
import { localDateOf } from './zoned-time.ts';

interface History {
  /** Updates in the order they happened. */
  updates: StatusUpdate[];
}

const later = (a: StatusUpdate, b: StatusUpdate) => (a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id) ? a : b);

/**
 * Builds the lookup the policy uses. An update without a checkpoint speaks
 * for the whole milestone, so for a checkpoint the later of the milestone's
 * and the checkpoint's own latest update wins ("done" for the whole
 * milestone closes every checkpoint, until a checkpoint is reopened).
 */
export function buildStateLookup(updates: StatusUpdate[], timeZone: string): StateLookup {
  const byMilestone = new Map<string, History>();
  for (const update of updates) {
    const history = byMilestone.get(update.milestoneId) ?? { updates: [] };
    history.updates.push(update);
    byMilestone.set(update.milestoneId, history);
  }
  for (const history of byMilestone.values()) history.updates.sort((a, b) => (later(a, b) === a ? 1 : -1));

  return (milestoneId: string, checkpoint: YearMonth | null): MilestoneState | undefined => {
    const history = byMilestone.get(milestoneId);
    if (!history || history.updates.length === 0) return undefined;
    const relevant = history.updates.filter((u) => u.checkpoint == null || u.checkpoint === checkpoint);
    const last = history.updates[history.updates.length - 1]!;
    const latest = relevant[relevant.length - 1];
    const revised = [...relevant].reverse().find((u) => u.revisedDue !== undefined);
    return {
      status: latest?.status ?? 'not_started',
      lastReportOn: localDateOf(last.createdAt, timeZone),
      ...(revised?.revisedDue ? { revisedDue: revised.revisedDue } : {}),
    };
  };
}
