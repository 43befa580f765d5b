/**
 * What the dashboard shows for one plan and date (issue 15 §3), built from
 * the very digest of that date (buildDigestWithUnits): the same units, the
 * same definitions, the same previous digest. So the dashboard's figures are
 * the digest's, whatever page shows them.
 */
import type { BusinessCalendar } from '../domain/calendar.ts';
import { buildBurnUp, type BurnUpPoint } from '../domain/burn-up.ts';
import { buildDigestWithUnits, digestReadsFrom, type Digest, type DigestEntry, type StatusCounts, type UnitNow, type Progress } from '../domain/digest.ts';
import type { Directory } from '../domain/directory.ts';
import { isoWeekKey } from '../domain/iso-week.ts';
import { countByStatus } from '../domain/digest-rollup.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import type { ReminderPolicy } from '../domain/reminder-policy.ts';
import type { StatusUpdate } from '../domain/status-update.ts';
import { instantAt } from '../domain/zoned-time.ts';
import type { DigestStatuses } from './build-digest.ts';
import type { DigestLedger } from './digest-port.ts';

/** One stored plan as the dashboard reads it. */
export interface DashboardPlanParts {
  plan: Plan;
  statuses: DigestStatuses & { history(milestoneId: string): Promise<StatusUpdate[]> };
  digests: Pick<DigestLedger, 'latestBefore'>;
  directory: Directory;
}

export interface DashboardSettings {
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
  timeZone: string;
}

/** The figures at the start of the period the digest compares with. */
export interface DashboardBaseline {
  date: LocalDate;
  /** True when `date` is a posted digest's; false for the week before (no digest yet). */
  afterDigest: boolean;
  progress: Progress;
  counts: StatusCounts;
}

/** One row of the division × status table: a unit owned by several divisions counts for each. */
export interface DivisionRow {
  division: string;
  counts: StatusCounts;
  total: number;
}

export interface DashboardModel {
  date: LocalDate;
  plan: Plan;
  /** The digest of `date`, every list whole. */
  digest: Digest;
  /** Every unit as the digest counted it. */
  units: UnitNow[];
  baseline: DashboardBaseline;
  burnUp: BurnUpPoint[];
  /** Every overdue unit (the digest's newly and still overdue), earliest due first. */
  overdue: DigestEntry[];
  divisions: DivisionRow[];
}

/**
 * The dashboard of `date` for one plan. The history is read from the
 * earliest day any figure needs (the fiscal year's start for the burn-up),
 * which DigestInput accepts as well as the digest's own reading.
 */
export async function buildDashboard(date: LocalDate, parts: DashboardPlanParts, settings: DashboardSettings): Promise<DashboardModel> {
  const { plan } = parts;
  const previous = await parts.digests.latestBefore(isoWeekKey(date));
  const previousDate = previous?.day ?? null;
  const common = { plan, calendar: settings.calendar, policy: settings.policy, timeZone: settings.timeZone, directory: parts.directory };
  const history = await readHistoryFrom(earliestRead(date, previousDate, plan), parts.statuses, settings.timeZone);
  const { digest, units } = buildDigestWithUnits({ ...common, ...history, date, previousDate });
  const then = buildDigestWithUnits({ ...common, ...history, date: digest.previousDate, previousDate: null });
  return {
    date,
    plan,
    digest,
    units,
    baseline: { date: digest.previousDate, afterDigest: digest.afterDigest, progress: then.digest.progress, counts: then.digest.counts },
    burnUp: buildBurnUp({ plan, ...history, calendar: settings.calendar, timeZone: settings.timeZone, date }),
    overdue: [...digest.newlyOverdue.items, ...digest.stillOverdue.items].sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.milestoneId.localeCompare(b.milestoneId)),
    divisions: divisionRows(units),
  };
}

/** The earliest day whose start any figure of the dashboard reads. */
function earliestRead(date: LocalDate, previousDate: LocalDate | null, plan: Plan): LocalDate {
  const days = [digestReadsFrom(date, previousDate), `${plan.fiscalYear}-04-01`];
  const baseline = previousDate ?? digestReadsFrom(date, null);
  days.push(digestReadsFrom(baseline, null));
  return days.sort()[0]!;
}

async function readHistoryFrom(day: LocalDate, statuses: DigestStatuses, timeZone: string) {
  const latest = await statuses.latest();
  const updates = await statuses.touchedSince(instantAt(day, '00:00', timeZone).toISOString());
  return { latest, updates };
}

/** Counts by status per owner division, in the order divisions first own a unit. */
export function divisionRows(units: readonly UnitNow[]): DivisionRow[] {
  const byDivision = new Map<string, UnitNow[]>();
  for (const unit of units) {
    for (const owner of unit.unit.placed.owners) {
      const list = byDivision.get(owner);
      if (list) list.push(unit);
      else byDivision.set(owner, [unit]);
    }
  }
  return [...byDivision].map(([division, list]) => ({ division, counts: countByStatus(list), total: list.length }));
}
