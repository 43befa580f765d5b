// The burn-up replays the year once, in time order, and moves only the units
// an update touched. Its figures must be exactly those of reading the whole
// plan month by month as the digest reads it (datedHistory + unitState, the
// way buildBurnUp first did it, kept here as the reference) on any history:
// random seeded histories with revisions, reopened and cancelled units,
// updates on the whole milestone and on checkpoints, around midnight, at the
// same instant, unknown milestones, given out of order, split between
// settled groups and replayed updates at any day, read on any date.
import { beforeAll, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { buildBurnUp, type BurnUpInput, type BurnUpPoint } from '../../src/domain/burn-up.ts';
import { datedHistory } from '../../src/domain/digest-history.ts';
import { trackedUnits, unitState } from '../../src/domain/digest-units.ts';
import { addDays, addMonths, firstDayOfMonth, toYearMonth } from '../../src/domain/local-date.ts';
import { listMilestones, type LocalDate, type Plan, type YearMonth } from '../../src/domain/plan.ts';
import { checkpointsOf } from '../../src/domain/schedule.ts';
import { STATUS_CODES } from '../../src/domain/status.ts';
import { summarizeUpdates } from '../../src/domain/status-summary.ts';
import type { StatusUpdate } from '../../src/domain/status-update.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { seededRandom } from '../fakes/seeded-random.ts';
import { bundledPlan } from '../app/tick-world.ts';

const calendar = createJapaneseCalendar();
const TZ = 'Asia/Tokyo';

/** The burn-up read month by month: each month's state folded from the history, every unit looked up. */
function referenceBurnUp(input: BurnUpInput & { updates: readonly StatusUpdate[] }): BurnUpPoint[] {
  const { plan, date } = input;
  const history = datedHistory(input.updates, input.timeZone, input.latest);
  const units = trackedUnits(plan);
  const first = toYearMonth(plan.fiscalYear, 4);
  return Array.from({ length: 12 }, (_, i) => {
    const month = addMonths(first, i);
    const nextMonthStart = firstDayOfMonth(addMonths(month, 1));
    const started = firstDayOfMonth(month) <= date;
    const cut = !started || nextMonthStart > date ? date : nextMonthStart;
    const state = history.stateBefore(cut);
    let due = 0;
    let done = 0;
    for (const unit of units) {
      const now = unitState(unit, state, input.calendar);
      if (now.status === 'cancelled') continue;
      if (now.due !== null && now.due < nextMonthStart) due++;
      if (now.status === 'done') done++;
    }
    return { month, due, done: started ? done : null };
  });
}

let plan: Plan;
beforeAll(async () => {
  plan = await bundledPlan();
});

function randomCase(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const milestones = listMilestones(plan).map((placed) => ({
    id: placed.milestone.id,
    checkpoints: checkpointsOf(placed.milestone.schedule, plan.fiscalYear).flatMap((cp) => (cp.key === null ? [] : [cp.key])),
  }));
  // A few milestones carry most of the history, so units are reported, reopened and revised many times.
  const busy = Array.from({ length: 6 }, () => pick(milestones));
  const yearMonths: YearMonth[] = Array.from({ length: 15 }, (_, i) => addMonths(toYearMonth(plan.fiscalYear, 2), i));
  const yearStart = `${plan.fiscalYear}-04-01`;
  const dayOf = () => addDays(yearStart, Math.floor(random() * 420) - 40);
  const count = 1 + Math.floor(random() * 120);
  const updates: StatusUpdate[] = [];
  for (let id = 1; id <= count; id++) {
    const milestone = random() < 0.03 ? { id: `unknown-${Math.floor(random() * 3)}`, checkpoints: [] } : random() < 0.5 ? pick(busy) : pick(milestones);
    const roll = random();
    const checkpoint = roll < 0.45 || milestone.checkpoints.length === 0 ? (roll < 0.05 ? pick(yearMonths) : undefined) : pick(milestone.checkpoints);
    // Around midnight in Tokyo, at the same instant as the update before, or any time of day.
    const createdAt =
      updates.length > 0 && random() < 0.1
        ? updates[updates.length - 1]!.createdAt
        : instantAt(dayOf(), pick(['00:00', '23:59', '09:30', '15:00']), TZ).toISOString();
    updates.push({
      id,
      milestoneId: milestone.id,
      ...(checkpoint !== undefined && { checkpoint }),
      status: pick(STATUS_CODES),
      ...(random() < 0.2 && { revisedDue: pick(yearMonths) }),
      actor: 'U0TEST',
      via: 'slash',
      createdAt,
    });
  }
  // The stores' reading: the latest per group of everything, and every update of the milestones changed since a day.
  const since = instantAt(dayOf(), '00:00', TZ).toISOString();
  const touched = new Set(updates.filter((u) => u.createdAt >= since).map((u) => u.milestoneId));
  const recent = updates.filter((u) => touched.has(u.milestoneId));
  // Sometimes in time order as the stores give them, sometimes shuffled (ids no longer follow the times).
  if (random() < 0.5) recent.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  else recent.sort(() => random() - 0.5);
  const latest = random() < 0.8 ? [...summarizeUpdates(updates).values()] : undefined;
  const date: LocalDate = random() < 0.1 ? pick([yearStart, `${plan.fiscalYear + 1}-04-01`, `${plan.fiscalYear}-03-15`]) : dayOf();
  return { plan, updates: recent, ...(latest && { latest }), calendar, timeZone: TZ, date };
}

it('gives exactly the month-by-month reading on 400 random seeded histories', () => {
  const base = 20261201;
  for (let seed = base; seed < base + 400; seed++) {
    const input = randomCase(seed);
    expect(buildBurnUp(input), `seed ${seed}, date ${input.date}`).toEqual(referenceBurnUp(input));
  }
});

it('gives the same figures when every update is given as the replayed part', () => {
  const input = randomCase(7);
  const { latest: _settled, ...everything } = input;
  expect(buildBurnUp(everything)).toEqual(referenceBurnUp(everything));
  // Not all zeros: the cases do move the figures.
  expect(buildBurnUp(everything).some((p) => (p.done ?? 0) > 0)).toBe(true);
});
