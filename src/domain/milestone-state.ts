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

  // The policy asks for the same milestone once per checkpoint and reminder
  // line, tens of thousands of times a tick on a large plan; each answer
  // never changes, and reading a date in a time zone (Intl) is slow, so both
  // are worked out once.
  const lastReportOn = new Map<string, string>();
  const answers = new Map<string, MilestoneState | undefined>();
  return (milestoneId: string, checkpoint: YearMonth | null): MilestoneState | undefined => {
    const key = `${milestoneId}\u0000${checkpoint ?? ''}`;
    if (answers.has(key)) return answers.get(key);
    const answer = stateOf(milestoneId, checkpoint);
    answers.set(key, answer);
    return answer;
  };

  function stateOf(milestoneId: string, checkpoint: YearMonth | null): MilestoneState | undefined {
    const history = byMilestone.get(milestoneId);
    if (!history || history.updates.length === 0) return undefined;
    const relevant = history.updates.filter((u) => u.checkpoint == null || u.checkpoint === checkpoint);
    const last = history.updates[history.updates.length - 1]!;
    const latest = relevant[relevant.length - 1];
    const revised = [...relevant].reverse().find((u) => u.revisedDue !== undefined);
    let reportedOn = lastReportOn.get(milestoneId);
    if (reportedOn === undefined) {
      reportedOn = localDateOf(last.createdAt, timeZone);
      lastReportOn.set(milestoneId, reportedOn);
    }
    // Frozen: every caller asking about this milestone gets this same object.
    return Object.freeze({
      status: latest?.status ?? 'not_started',
      lastReportOn: reportedOn,
      ...(revised?.revisedDue ? { revisedDue: revised.revisedDue } : {}),
    });
  }
}
