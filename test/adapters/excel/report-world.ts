// A scripted half year of the bundled FY2020 plan for the progress report's
// tests: status updates (some typed to look like formulas), two report
// rounds with answers, one sent back, all in memory.
import type { ReportSources } from '../../../src/app/report/load-progress-sheet.ts';
import type { Plan } from '../../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { DEFAULT_EVALUATION_SCALE, type ReportEntry, type ReportFields, type ReportRound } from '../../../src/domain/report-round.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../../src/domain/status-update.ts';
import { bundledPlan, calendar, TIME_ZONE, tokyo } from '../../app/tick-world.ts';

export const jst = (date: string, time = '10:00') => tokyo(date, time).toISOString();

type Scripted = Omit<NewStatusUpdate, 'actor' | 'via' | 'createdAt'> & { on: string; time?: string };

export function history(scripted: Scripted[]): StatusUpdate[] {
  return scripted.map(({ on, time, ...update }, index) => ({ id: index + 1, actor: 'U0TEST', via: 'slash', createdAt: jst(on, time), ...update }));
}

/** Text people typed that a spreadsheet would take for a formula. */
export const FORMULA_LIKE = ['=HYPERLINK("http://evil.example","click")', '+cmd|calc', '-1+1', '@SUM(A1:A2)'];

export const HISTORY = history([
  { milestoneId: '6-2-1', checkpoint: '2020-04', status: 'done', on: '2020-05-08' },
  { milestoneId: '2-3-1', checkpoint: '2020-05', status: 'done', on: '2020-06-01' },
  { milestoneId: '6-2-2', status: 'delayed', comment: FORMULA_LIKE[0], on: '2020-06-10' },
  { milestoneId: '6-2-6', status: 'done', comment: FORMULA_LIKE[1], on: '2020-06-15' },
  { milestoneId: '2-3-5', status: 'cancelled', on: '2020-08-20' },
  { milestoneId: '2-3-3', status: 'on_track', revisedDue: '2020-09', on: '2020-08-25' },
  { milestoneId: '2-1-2', status: 'at_risk', comment: '調整中 & 確認待ち', on: '2020-09-01', time: '16:00' },
  { milestoneId: '7-2-2', checkpoint: '2020-06', status: 'done', on: '2020-09-02' },
  { milestoneId: '1-1-2', status: 'done', comment: '研修を実施しました', on: '2020-09-04' },
  // On the as-of day itself: counts from the next day on, as in the digest.
  { milestoneId: '6-2-10', status: 'done', on: '2020-09-30', time: '08:00' },
]);

const answer = (id: number, roundId: number, itemId: string, division: string, on: string, fields: Partial<ReportFields>): ReportEntry => ({
  kind: 'answer',
  id,
  roundId,
  itemId,
  division,
  actor: 'U0OWNER',
  via: 'slack',
  createdAt: jst(on),
  achievement: '',
  evaluation: '',
  issues: '',
  nextSteps: '',
  ...fields,
});

export const ROUNDS: ReportRound[] = [
  { id: 2, planId: 'fy2020', asOf: '2020-09-30', deadline: '2020-10-09', scale: DEFAULT_EVALUATION_SCALE, openedBy: 'U0COORD', openedAt: jst('2020-09-30'), closedAt: null },
  { id: 1, planId: 'fy2020', asOf: '2020-06-30', deadline: '2020-07-10', scale: DEFAULT_EVALUATION_SCALE, openedBy: 'U0COORD', openedAt: jst('2020-06-30'), closedAt: jst('2020-07-13') },
];

export const ENTRIES: ReportEntry[] = [
  answer(1, 1, '1-1', '総務部人事課', '2020-07-01', { achievement: '6月の研修を準備', evaluation: '○' }),
  answer(2, 2, '1-1', '総務部人事課', '2020-10-01', { achievement: '研修を実施', evaluation: '◎', issues: FORMULA_LIKE[2], nextSteps: FORMULA_LIKE[3] }),
  answer(3, 2, '2-1', '総務部行財政改革推進課', '2020-10-02', { achievement: '検討中', evaluation: '△', issues: '人手不足' }),
  answer(4, 2, '1-2', '総務部人事課', '2020-10-02', { achievement: '途中', evaluation: '○' }),
  { kind: 'returned', id: 5, roundId: 2, itemId: '1-2', division: '総務部人事課', actor: 'U0COORD', via: 'slack', createdAt: jst('2020-10-05'), comment: '実績を具体的に' },
];

/** In-memory sources over the bundled plan, HISTORY, ROUNDS and ENTRIES. */
export async function reportSources(plan?: Plan): Promise<ReportSources & { plan: Plan }> {
  const loaded = plan ?? (await bundledPlan());
  return {
    plan: loaded,
    loadPlan: async (key) => (key === 'fy2020' ? loaded : null),
    statusesOf: async () => HISTORY,
    rounds: { byId: async (id) => ROUNDS.find((r) => r.id === id) ?? null, list: async (planId) => ROUNDS.filter((r) => r.planId === planId) },
    entries: { all: async (roundId) => ENTRIES.filter((e) => e.roundId === roundId) },
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: TIME_ZONE,
  };
}
