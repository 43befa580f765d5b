/**
 * A milestone's state as the reminder policy sees it, from the status
 * history summed up per group (status-summary.ts): the latest status, the
 * latest report date, the revised due.
 */
import type { YearMonth } from './plan.ts';
import type { StatusUpdate } from './status-update.ts';
import type { MilestoneState, StateLookup } from './reminder-policy.ts';
import { laterOf, summarizeUpdates, type GroupLatest } from './status-summary.ts';
import { localDateOf } from './zoned-time.ts';

interface MilestoneGroups {
  /** Updates on the milestone as a whole. */
  whole?: GroupLatest;
  byCheckpoint: Map<YearMonth, GroupLatest>;
  /** The latest update of any group: when the owner last reported. */
  last: GroupLatest;
}

/**
 * Builds the lookup the policy uses from the latest update per group. An
 * update without a checkpoint speaks for the whole milestone, so for a
 * checkpoint the later of the milestone's and the checkpoint's own latest
 * update wins ("done" for the whole milestone closes every checkpoint, until
 * a checkpoint is reopened); the same goes for due-month revisions.
 *
 * Since issue 12 only an explicit `all` (全月) writes such an update on a
 * milestone due in several months; a report that names no month is stored
 * for the month asked about. Reading it the same way as before keeps every
 * stored history meaning what it meant when it was written.
 */
export function stateLookupOf(groups: Iterable<GroupLatest>, timeZone: string): StateLookup {
  const byMilestone = new Map<string, MilestoneGroups>();
  for (const group of groups) {
    let entry = byMilestone.get(group.milestoneId);
    if (!entry) {
      entry = { byCheckpoint: new Map(), last: group };
      byMilestone.set(group.milestoneId, entry);
    }
    if (group.checkpoint === null) entry.whole = group;
    else entry.byCheckpoint.set(group.checkpoint, group);
    entry.last = laterOf(entry.last, group)!;
  }

  // The policy asks for the same milestone once per checkpoint and reminder
  // line, tens of thousands of times a tick on a large plan; each answer
  // never changes, so it is worked out once.
  // Keyed milestone, then checkpoint ('' for none): no key string to build per question.
  const answers = new Map<string, Map<YearMonth, MilestoneState | undefined>>();
  const lastReportOn = new Map<string, string>();
  return (milestoneId: string, checkpoint: YearMonth | null): MilestoneState | undefined => {
    let ofMilestone = answers.get(milestoneId);
    if (!ofMilestone) answers.set(milestoneId, (ofMilestone = new Map()));
    const key = checkpoint ?? '';
    if (ofMilestone.has(key)) return ofMilestone.get(key);
    const answer = stateOf(milestoneId, checkpoint);
    ofMilestone.set(key, answer);
    return answer;
  };

  function stateOf(milestoneId: string, checkpoint: YearMonth | null): MilestoneState | undefined {
    const entry = byMilestone.get(milestoneId);
    if (!entry) return undefined;
    const own = checkpoint === null ? undefined : entry.byCheckpoint.get(checkpoint);
    const latest = laterOf(entry.whole, own);
    const revised = laterOf(entry.whole?.revised, own?.revised);
    const last = entry.last;
    // Frozen: every caller asking about this milestone gets this same object.
    return Object.freeze({
      status: latest?.status ?? 'not_started',
      // Read when asked: only a lead reminder due in the window needs it,
      // and turning 10,000 instants into dates costs more than the rest.
      get lastReportOn(): string {
        let day = lastReportOn.get(milestoneId);
        if (day === undefined) lastReportOn.set(milestoneId, (day = localDateOf(last.at, timeZone)));
        return day;
      },
      ...(revised ? { revisedDue: revised.due } : {}),
    });
  }
}

/** The lookup of a whole history given as updates (tests, previews of a file). */
export function buildStateLookup(updates: Iterable<StatusUpdate>, timeZone: string): StateLookup {
  return stateLookupOf(summarizeUpdates(updates).values(), timeZone);
}
