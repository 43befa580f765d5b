/**
 * The status history as the digest reads it: as it stood at the start of a
 * given day. Cutting at midnight (in the plan's time zone) rather than at
 * the moment of posting makes a digest depend only on its date, and lets
 * consecutive digests cover consecutive periods with no gap and no overlap.
 */
import { buildStateLookup } from './milestone-state.ts';
import type { LocalDate, YearMonth } from './plan.ts';
import type { StateLookup } from './reminder-policy.ts';
import type { StatusUpdate } from './status-update.ts';
import { localDateOf } from './zoned-time.ts';

/** An update with the local day it was made on. */
export interface DatedUpdate {
  update: StatusUpdate;
  day: LocalDate;
}

export interface DatedHistory {
  /** Every update made before `date` began, oldest first. */
  before(date: LocalDate): DatedUpdate[];
  /** The milestone states as they stood when `date` began (the reminder policy's own reading). */
  stateBefore(date: LocalDate): StateLookup;
  /**
   * The day of the update that gave a milestone (or checkpoint) its status as
   * it stood when `date` began: the latest update on that checkpoint or on
   * the whole milestone. Undefined when there is none.
   */
  statusDayBefore(milestoneId: string, checkpoint: YearMonth | null, date: LocalDate): LocalDate | undefined;
}

const byTime = (a: DatedUpdate, b: DatedUpdate) =>
  a.update.createdAt < b.update.createdAt ? -1 : a.update.createdAt > b.update.createdAt ? 1 : a.update.id - b.update.id;

/** Indexes `updates` by local day in `timeZone`, for the questions the digest asks. */
export function datedHistory(updates: readonly StatusUpdate[], timeZone: string): DatedHistory {
  const dated = updates.map((update) => ({ update, day: localDateOf(update.createdAt, timeZone) })).sort(byTime);
  const byMilestone = new Map<string, DatedUpdate[]>();
  for (const entry of dated) {
    const list = byMilestone.get(entry.update.milestoneId);
    if (list) list.push(entry);
    else byMilestone.set(entry.update.milestoneId, [entry]);
  }
  const before = (date: LocalDate) => dated.filter((entry) => entry.day < date);
  return {
    before,
    stateBefore: (date) => buildStateLookup(before(date).map((entry) => entry.update), timeZone),
    statusDayBefore(milestoneId, checkpoint, date) {
      const relevant = (byMilestone.get(milestoneId) ?? []).filter(
        (entry) => entry.day < date && (entry.update.checkpoint == null || entry.update.checkpoint === checkpoint),
      );
      return relevant[relevant.length - 1]?.day;
    },
  };
}
