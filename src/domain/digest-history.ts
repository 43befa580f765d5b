/**
 * The status history as the digest reads it: as it stood at the start of a
 * given day. Cutting at midnight (in the plan's time zone) rather than at
 * the moment of posting makes a digest depend only on its date, and lets
 * consecutive digests cover consecutive periods with no gap and no overlap.
 *
 * The history comes in two parts, as the stores give it: the latest update
 * per group (status-summary.ts) of the milestones that did not change lately,
 * and every update of the milestones that did. The first part must hold no
 * update made on or after the earliest day asked about; then a milestone's
 * state on any such day is its latest, and only the second part is replayed
 * day by day. Passing every update as the second part (tests) is also right.
 */
import { stateLookupOf } from './milestone-state.ts';
import type { LocalDate, YearMonth } from './plan.ts';
import type { StateLookup } from './reminder-policy.ts';
import { laterOf, summarizeUpdates, type GroupLatest } from './status-summary.ts';
import type { StatusUpdate } from './status-update.ts';
import { localDateOf } from './zoned-time.ts';

/** An update with the local day it was made on. */
export interface DatedUpdate {
  update: StatusUpdate;
  day: LocalDate;
}

export interface DatedHistory {
  /** The milestone states as they stood when `date` began (the reminder policy's own reading). */
  stateBefore(date: LocalDate): StateLookup;
  /**
   * The day of the update that gave a milestone (or checkpoint) its status as
   * it stood when `date` began: the latest update on that checkpoint or on
   * the whole milestone. Undefined when there is none.
   */
  statusDayBefore(milestoneId: string, checkpoint: YearMonth | null, date: LocalDate): LocalDate | undefined;
  /** The day of a milestone's latest update, any checkpoint, before `date` began; undefined when none. */
  lastReportBefore(milestoneId: string, date: LocalDate): LocalDate | undefined;
  /** Milestones with an update made from `from` up to the start of `to` (their state changed in between). */
  changedBetween(from: LocalDate, to: LocalDate): Set<string>;
}

const byTime = (a: DatedUpdate, b: DatedUpdate) =>
  a.update.createdAt < b.update.createdAt ? -1 : a.update.createdAt > b.update.createdAt ? 1 : a.update.id - b.update.id;

/**
 * Indexes the history for the questions the digest asks: `recent` is every
 * update of the milestones that changed lately, `settled` the latest per
 * group of the rest (groups of milestones in `recent` are ignored).
 */
export function datedHistory(recent: readonly StatusUpdate[], timeZone: string, settled: readonly GroupLatest[] = []): DatedHistory {
  const dated = recent.map((update) => ({ update, day: localDateOf(update.createdAt, timeZone) })).sort(byTime);
  const replayed = new Map<string, DatedUpdate[]>();
  for (const entry of dated) {
    const list = replayed.get(entry.update.milestoneId);
    if (list) list.push(entry);
    else replayed.set(entry.update.milestoneId, [entry]);
  }
  const still = settled.filter((group) => !replayed.has(group.milestoneId));
  const stillByMilestone = new Map<string, GroupLatest[]>();
  for (const group of still) {
    const list = stillByMilestone.get(group.milestoneId);
    if (list) list.push(group);
    else stillByMilestone.set(group.milestoneId, [group]);
  }
  const dayOf = (group: GroupLatest | undefined) => (group ? localDateOf(group.at, timeZone) : undefined);
  const replayedBefore = (milestoneId: string, date: LocalDate) => (replayed.get(milestoneId) ?? []).filter((entry) => entry.day < date);

  // The unchanged milestones read the same on every date: one lookup for
  // all of them. The replayed ones are folded per date, each date's fold
  // starting from the nearest earlier date's (`dated` is in time order).
  const stillState = stateLookupOf(still, timeZone);
  const folds = new Map<LocalDate, { upTo: number; groups: Map<string, GroupLatest> }>();
  const replayedState = (date: LocalDate): StateLookup => {
    let base = { upTo: 0, groups: new Map<string, GroupLatest>() };
    for (const [day, fold] of folds) if (day < date && fold.upTo >= base.upTo) base = fold;
    let upTo = base.upTo;
    while (upTo < dated.length && dated[upTo]!.day < date) upTo++;
    const groups = summarizeUpdates(
      dated.slice(base.upTo, upTo).map((entry) => entry.update),
      base.groups.values(),
    );
    folds.set(date, { upTo, groups });
    return stateLookupOf(groups.values(), timeZone);
  };

  return {
    stateBefore(date) {
      const recentState = replayedState(date);
      return (milestoneId, checkpoint) => (replayed.has(milestoneId) ? recentState(milestoneId, checkpoint) : stillState(milestoneId, checkpoint));
    },
    statusDayBefore(milestoneId, checkpoint, date) {
      if (replayed.has(milestoneId)) {
        const relevant = replayedBefore(milestoneId, date).filter((entry) => entry.update.checkpoint == null || entry.update.checkpoint === checkpoint);
        return relevant[relevant.length - 1]?.day;
      }
      const groups = stillByMilestone.get(milestoneId) ?? [];
      const whole = groups.find((group) => group.checkpoint === null);
      const own = checkpoint === null ? undefined : groups.find((group) => group.checkpoint === checkpoint);
      return dayOf(laterOf(whole, own));
    },
    lastReportBefore(milestoneId, date) {
      if (replayed.has(milestoneId)) return replayedBefore(milestoneId, date).at(-1)?.day;
      return dayOf((stillByMilestone.get(milestoneId) ?? []).reduce<GroupLatest | undefined>((last, group) => laterOf(last, group), undefined));
    },
    changedBetween(from, to) {
      return new Set(dated.filter((entry) => entry.day >= from && entry.day < to).map((entry) => entry.update.milestoneId));
    },
  };
}
