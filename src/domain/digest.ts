/**
 * The weekly digest (SPEC §6) as a pure function of the plan, the status
 * history, the calendar and two dates: this digest's and the previous one's.
 * Rendering is the adapters' job; this is the model they all render.
 *
 * Definitions (every figure counts units: a milestone, or one checkpoint of a
 * `months`/`monthly` milestone; see digest-units.ts):
 * - The digest reads the plan as it stood at the start of its date (midnight
 *   in the plan's time zone); updates made on the date itself count from the
 *   next digest on. So a date always gives the same digest, and consecutive
 *   digests cover consecutive periods.
 * - A unit is overdue when its due date is before the date and it is neither
 *   完了 nor 中止; its days overdue are the business days after the due date
 *   up to and including the date (as the overdue reminder of that day says).
 */
import type { BusinessCalendar } from './calendar.ts';
import { datedHistory } from './digest-history.ts';
import { countByStatus, progressOf, rollUp, type DigestList, type PillarRollup, type Progress, type StatusCounts, type UnitNow } from './digest-rollup.ts';
import { SILENT_WINDOW_DAYS, silentDivisions, type SilentDivision } from './digest-silent.ts';
import { isOverdue, trackedUnits, unitState, type TrackedUnit, type UnitState } from './digest-units.ts';
import { unmappedDivisions, type Directory } from './directory.ts';
import { addDays } from './local-date.ts';
import { listDivisions, type LocalDate, type Plan, type YearMonth } from './plan.ts';
import type { ReminderPolicy } from './reminder-policy.ts';
import type { StatusCode } from './status.ts';
import type { GroupLatest } from './status-summary.ts';
import type { DigestReportRound } from './report-round.ts';
import type { DigestCarryOver } from './carry-over.ts';
import type { StatusUpdate } from './status-update.ts';

export type { DigestList, PillarRollup, Progress, RollupRow, StatusCounts, UnitNow } from './digest-rollup.ts';
export type { SilentDivision } from './digest-silent.ts';
export { SILENT_WINDOW_DAYS } from './digest-silent.ts';

/** "Due soon" looks this many days ahead, the date included: two whole weeks from a Monday. */
export const DUE_SOON_DAYS = 14;

/** Without a previous digest, the period of "since the previous digest" is the week before the date. */
export const DEFAULT_PERIOD_DAYS = 7;

/** One line of a digest list. */
export interface DigestEntry {
  milestoneId: string;
  title: string;
  checkpoint: YearMonth | null;
  due: LocalDate | null;
  status: StatusCode;
  owners: string[];
  /** Overdue lists: business days past due (see the file comment). */
  daysOverdue?: number;
  /** The completed list: the day of the 完了 report. */
  completedOn?: LocalDate;
}

export interface Digest {
  /** The digest's date; it describes the plan at the start of this day. */
  date: LocalDate;
  /** The previous digest's date (or 7 days before), where "since the previous digest" starts. */
  previousDate: LocalDate;
  /**
   * True when previousDate is a digest's; false when no digest came before
   * and the period is just the DEFAULT_PERIOD_DAYS before `date`, so the
   * digest must not name a "previous digest" that was never posted.
   */
  afterDigest: boolean;
  planTitle: string;
  /** Units by latest status, cancelled included. */
  counts: StatusCounts;
  progress: Progress;
  /** Units 完了 now that were not 完了 at the start of previousDate; in plan order. */
  completed: DigestList<DigestEntry>;
  /** Units overdue now that were not overdue at the start of previousDate (by the status and due date they had then); earliest due first. */
  newlyOverdue: DigestList<DigestEntry>;
  /** Units overdue now and already overdue at the start of previousDate; longest overdue first. */
  stillOverdue: DigestList<DigestEntry>;
  /** Units neither 完了 nor 中止 due from the date to DUE_SOON_DAYS − 1 days after it; earliest first. */
  dueSoon: DigestList<DigestEntry>;
  /** See silentDivisions (digest-silent.ts). */
  silentDivisions: DigestList<SilentDivision>;
  /** Plan divisions without a channel of their own in the directory (SPEC §3); empty without a directory. */
  unmappedDivisions: DigestList<string>;
  /** Per pillar, then per initiative. */
  pillars: DigestList<PillarRollup>;
  /** The plan's open report round, when one is open (added by the app: the domain digest does not read rounds). */
  reportRound?: DigestReportRound;
  /** Last year's unfinished milestones, in the new plan's first digests (showsCarryOver; added by the app). */
  carryOver?: DigestCarryOver;
}

export interface DigestInput {
  plan: Plan;
  /**
   * The status history, in any order; the digest reads what was made before
   * `date`. Either every update, or (what the stores give: StatusStore
   * touchedSince and latest) every update of the milestones with one made on
   * or after the earliest day the digest reads (see digestReadsFrom), and
   * the latest per group of the whole history in `latest`.
   */
  updates: readonly StatusUpdate[];
  latest?: readonly GroupLatest[];
  calendar: BusinessCalendar;
  /** The reminder settings, to know which divisions were reminded. */
  policy: ReminderPolicy;
  /** IANA zone in which update times are read as days. */
  timeZone: string;
  date: LocalDate;
  /** The previous digest's date; null for DEFAULT_PERIOD_DAYS before `date`. */
  previousDate: LocalDate | null;
  directory?: Directory;
}

interface UnitThenAndNow extends UnitNow {
  then: UnitState;
}

const list = <T>(items: T[]): DigestList<T> => ({ total: items.length, items });
const byDue = (a: UnitThenAndNow, b: UnitThenAndNow) => ((a.now.due ?? '') < (b.now.due ?? '') ? -1 : (a.now.due ?? '') > (b.now.due ?? '') ? 1 : 0);

function entryOf(unit: TrackedUnit, state: UnitState, extra: Partial<DigestEntry> = {}): DigestEntry {
  const { milestone, owners } = unit.placed;
  return { milestoneId: milestone.id, title: milestone.title, checkpoint: unit.checkpoint, due: state.due, status: state.status, owners: [...owners], ...extra };
}

/**
 * The earliest day whose start the digest of `date` reads the statuses at:
 * the previous digest's date, or the first day of the window for silent
 * divisions, whichever is earlier. Updates from this day on must come whole.
 */
export function digestReadsFrom(date: LocalDate, previousDate: LocalDate | null): LocalDate {
  const windowStart = addDays(date, -SILENT_WINDOW_DAYS);
  const previous = previousDate ?? addDays(date, -DEFAULT_PERIOD_DAYS);
  return previous < windowStart ? previous : windowStart;
}

/**
 * Builds the digest of `input.date`. Lists come complete (`total` equals
 * the number of items); capDigest cuts them for a message.
 */
export function buildDigest(input: DigestInput): Digest {
  return buildDigestWithUnits(input).digest;
}

/**
 * The digest of `input.date` and every unit with its state at the start of
 * that date: the progress report (Excel, dashboard) shows per item and per
 * division what the digest counts, from the very same units, so the two
 * can never disagree for one date.
 */
export function buildDigestWithUnits(input: DigestInput): { digest: Digest; units: UnitNow[] } {
  const { plan, calendar, date } = input;
  const previousDate = input.previousDate ?? addDays(date, -DEFAULT_PERIOD_DAYS);
  const history = datedHistory(input.updates, input.timeZone, input.latest);
  const stateNow = history.stateBefore(date);
  const stateThen = history.stateBefore(previousDate);
  const units: UnitThenAndNow[] = trackedUnits(plan).map((unit) => ({
    unit,
    now: unitState(unit, stateNow, calendar),
    then: unitState(unit, stateThen, calendar),
  }));
  const daysOverdue = (u: UnitThenAndNow) => calendar.countBusinessDaysBetween(u.now.due ?? date, date);
  const overdue = units.filter((u) => isOverdue(u.now, date)).sort(byDue);
  const lastSoonDay = addDays(date, DUE_SOON_DAYS - 1);

  const digest: Digest = {
    date,
    previousDate,
    afterDigest: input.previousDate !== null,
    planTitle: plan.title,
    counts: countByStatus(units),
    progress: progressOf(units, date),
    completed: list(
      units
        .filter((u) => u.now.status === 'done' && u.then.status !== 'done')
        .map((u) => {
          const completedOn = history.statusDayBefore(u.unit.placed.milestone.id, u.unit.checkpoint, date);
          return entryOf(u.unit, u.now, completedOn === undefined ? {} : { completedOn });
        }),
    ),
    newlyOverdue: list(overdue.filter((u) => !isOverdue(u.then, previousDate)).map((u) => entryOf(u.unit, u.now, { daysOverdue: daysOverdue(u) }))),
    stillOverdue: list(overdue.filter((u) => isOverdue(u.then, previousDate)).map((u) => entryOf(u.unit, u.now, { daysOverdue: daysOverdue(u) }))),
    dueSoon: list(
      units
        .filter((u) => u.now.due !== null && u.now.due >= date && u.now.due <= lastSoonDay && u.now.status !== 'done' && u.now.status !== 'cancelled')
        .sort(byDue)
        .map((u) => entryOf(u.unit, u.now)),
    ),
    silentDivisions: list(silentDivisions({ plan, calendar, policy: input.policy, history, date })),
    unmappedDivisions: list(input.directory ? unmappedDivisions(input.directory, listDivisions(plan)) : []),
    pillars: list(rollUp(plan, units, date)),
  };
  return { digest, units: units.map(({ unit, now }) => ({ unit, now })) };
}
