/**
 * Counts by status and progress, for the whole plan and per pillar and
 * initiative (SPEC §6). Every figure counts units (digest-units.ts).
 */
import type { LocalDate, Plan } from './plan.ts';
import { STATUS_CODES, type StatusCode } from './status.ts';
import type { TrackedUnit, UnitState } from './digest-units.ts';

export type StatusCounts = Record<StatusCode, number>;

/**
 * Progress at the start of the digest's date. Cancelled units are left out
 * of every figure here: they are no longer work to be done.
 * - `done / total`: units reported 完了, of all units.
 * - `doneDue / dueSoFar`: of the units whose due date has passed (due before
 *   the date), those reported 完了. The rest of them are the overdue ones,
 *   so `overdue = dueSoFar − doneDue`.
 */
export interface Progress {
  done: number;
  total: number;
  doneDue: number;
  dueSoFar: number;
  overdue: number;
}

/** One pillar or initiative: its id and title, and the figures of its units. */
export interface RollupRow {
  id: string;
  title: string;
  counts: StatusCounts;
  progress: Progress;
}

/** A list the digest may show only part of: `total` says how long it really is. */
export interface DigestList<T> {
  total: number;
  items: T[];
}

export interface PillarRollup extends RollupRow {
  initiatives: DigestList<RollupRow>;
}

/** A unit with its state at the start of the digest's date. */
export interface UnitNow {
  unit: TrackedUnit;
  now: UnitState;
}

/** Every status with 0. */
function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_CODES.map((code) => [code, 0])) as StatusCounts;
}

/** Counts by status of `units` (cancelled included). */
export function countByStatus(units: readonly UnitNow[]): StatusCounts {
  const counts = emptyCounts();
  for (const { now } of units) counts[now.status]++;
  return counts;
}

/** The Progress of `units` at the start of `date`. */
export function progressOf(units: readonly UnitNow[], date: LocalDate): Progress {
  const p: Progress = { done: 0, total: 0, doneDue: 0, dueSoFar: 0, overdue: 0 };
  for (const { now } of units) {
    if (now.status === 'cancelled') continue;
    const done = now.status === 'done';
    p.total++;
    if (done) p.done++;
    if (now.due !== null && now.due < date) {
      p.dueSoFar++;
      if (done) p.doneDue++;
    }
  }
  p.overdue = p.dueSoFar - p.doneDue;
  return p;
}

function rowOf(id: string, title: string, units: readonly UnitNow[], date: LocalDate): RollupRow {
  return { id, title, counts: countByStatus(units), progress: progressOf(units, date) };
}

/**
 * One row per pillar, each with one row per initiative, in plan order.
 * Pillars and initiatives without units are listed too (with zeros), so
 * the roll-up always shows the plan's whole shape.
 */
export function rollUp(plan: Plan, units: readonly UnitNow[], date: LocalDate): PillarRollup[] {
  const byInitiative = new Map<string, UnitNow[]>();
  for (const entry of units) {
    const key = `${entry.unit.placed.pillar.id}|${entry.unit.placed.initiative.id}`;
    const list = byInitiative.get(key);
    if (list) list.push(entry);
    else byInitiative.set(key, [entry]);
  }
  return plan.pillars.map((pillar) => {
    const initiatives = pillar.initiatives.map((initiative) =>
      rowOf(initiative.id, initiative.title, byInitiative.get(`${pillar.id}|${initiative.id}`) ?? [], date),
    );
    const pillarUnits = pillar.initiatives.flatMap((initiative) => byInitiative.get(`${pillar.id}|${initiative.id}`) ?? []);
    return { ...rowOf(pillar.id, pillar.title, pillarUnits, date), initiatives: { total: initiatives.length, items: initiatives } };
  });
}
