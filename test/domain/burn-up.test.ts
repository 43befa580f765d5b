// The burn-up of FY2020 on 2020-09-07 with a short scripted history: the
// done line follows the history month by month, ends on the digest's own
// figure, and stops at the date; the due line counts the plan's due dates.
import { beforeAll, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { buildBurnUp } from '../../src/domain/burn-up.ts';
import { buildDigest } from '../../src/domain/digest.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../src/domain/status-update.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { bundledPlan } from '../app/tick-world.ts';

const calendar = createJapaneseCalendar();
const TZ = 'Asia/Tokyo';
type Scripted = Omit<NewStatusUpdate, 'actor' | 'via' | 'createdAt'> & { on: string };
const history = (scripted: Scripted[]): StatusUpdate[] =>
  scripted.map(({ on, ...u }, i) => ({ id: i + 1, actor: 'U0TEST', via: 'slash', createdAt: instantAt(on, '10:00', TZ).toISOString(), ...u }));

const HISTORY = history([
  { milestoneId: '6-2-1', checkpoint: '2020-04', status: 'done', on: '2020-05-08' },
  { milestoneId: '2-3-1', checkpoint: '2020-05', status: 'done', on: '2020-06-01' },
  { milestoneId: '6-2-6', status: 'done', on: '2020-06-15' },
  { milestoneId: '2-3-5', status: 'cancelled', on: '2020-08-20' },
  { milestoneId: '6-2-6', status: 'delayed', on: '2020-09-02' },
  { milestoneId: '1-1-2', status: 'done', on: '2020-09-04' },
  // On the date itself: not counted yet, as in the digest.
  { milestoneId: '6-2-10', status: 'done', on: '2020-09-07' },
]);

let plan: Plan;
beforeAll(async () => {
  plan = await bundledPlan();
});

it('reads each month at its end, the current month at the date, and leaves months to come without a done figure', () => {
  const points = buildBurnUp({ plan, updates: HISTORY, calendar, timeZone: TZ, date: '2020-09-07' });
  expect(points.map((p) => p.month)).toEqual(['2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
  // April: nothing yet (6-2-1 was reported in May). May: 6-2-1. June: + 2-3-1 and 6-2-6. July, August: same.
  // September (to the 7th): 6-2-6 reopened, 1-1-2 done; 6-2-10 on the date does not count yet.
  expect(points.map((p) => p.done)).toEqual([0, 1, 3, 3, 3, 3, null, null, null, null, null, null]);
  const digest = buildDigest({ plan, updates: HISTORY, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TZ, date: '2020-09-07', previousDate: null });
  expect(points[5]!.done).toBe(digest.progress.done);
});

it('counts due units cumulatively, without the cancelled one, up to every dated unit by March', () => {
  const points = buildBurnUp({ plan, updates: HISTORY, calendar, timeZone: TZ, date: '2020-09-07' });
  const dues = points.map((p) => p.due);
  expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  const digest = buildDigest({ plan, updates: HISTORY, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TZ, date: '2020-09-07', previousDate: null });
  // Due before September began = the digest's "due so far" minus the units due 9/1–9/6 (none: 9/30 is the month's due day).
  expect(points[4]!.due).toBe(digest.progress.dueSoFar);
  // 2-3-5 (due 6/30) was cancelled in August: the June point, read at June's end, still counts it; August's does not.
  const without = buildBurnUp({ plan, updates: HISTORY.filter((u) => u.milestoneId !== '2-3-5'), calendar, timeZone: TZ, date: '2020-09-07' });
  expect(without[2]!.due).toBe(points[2]!.due);
  expect(without[7]!.due).toBe(points[7]!.due + 1);
});
