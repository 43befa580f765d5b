import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { DEFAULT_REMINDER_POLICY, remindersBetween, remindersOn, type PolicyContext, type StateLookup } from '../../src/domain/reminder-policy.ts';
import { buildStateLookup } from '../../src/domain/milestone-state.ts';
import type { Plan, Schedule } from '../../src/domain/plan.ts';
import type { Reminder } from '../../src/domain/reminder.ts';
import type { StatusUpdate } from '../../src/domain/status-update.ts';
import { parsePlanDocument } from '../../src/import/plan-file.ts';

const calendar = createJapaneseCalendar();

function planWith(schedules: Record<string, Schedule>, owners = ['総務部税収確保課']): Plan {
  return {
    version: 1,
    title: 'test',
    fiscalYear: 2020,
    coordinator: '総務部行財政改革推進課',
    pillars: [{
      id: 'I', title: 'p', initiatives: [{
        id: '1', title: 'i', items: [{
          id: '1-1', title: 'item', owners,
          milestones: Object.entries(schedules).map(([id, schedule]) => ({ id, title: `m${id}`, schedule })),
        }],
      }],
    }],
    warnings: [],
  };
}

const ctx = (plan: Plan, state: StateLookup = () => undefined): PolicyContext => ({ plan, calendar, policy: { ...DEFAULT_REMINDER_POLICY }, state });
const dates = (reminders: Reminder[], kind: Reminder['kind']) => reminders.filter((r) => r.kind === kind).map((r) => r.date);
const FY = ['2020-04-01', '2021-06-30'] as const;

describe('due-date reminders around holidays (checked by hand against the 2020 calendar)', () => {
  it('July 2020: the 7-day lead moves back over the Olympic holidays 7/23–24 to 7/22', () => {
    const r = remindersBetween(...FY, ctx(planWith({ '1-1-1': { kind: 'months', months: ['2020-07'] } })));
    // Due: the last business day of July 2020 is Friday 7/31.
    expect(dates(r, 'lead')).toEqual(['2020-07-17', '2020-07-22', '2020-07-28', '2020-07-30']);
    expect(dates(r, 'due')).toEqual(['2020-07-31']);
    // Overdue: next business day, then weekly; 8/10 (Mountain Day, moved) falls back to Friday 8/7.
    expect(dates(r, 'overdue').slice(0, 3)).toEqual(['2020-08-03', '2020-08-07', '2020-08-17']);
    // Five business days after 7/31: 8/3, 8/4, 8/5, 8/6, 8/7.
    expect(r.filter((x) => x.kind === 'escalation')).toEqual([
      { date: '2020-08-07', kind: 'escalation', milestoneId: '1-1-1', checkpoint: '2020-07', due: '2020-07-31', division: '総務部行財政改革推進課', owner: '総務部税収確保課' },
    ]);
    expect(dates(r, 'kickoff')).toEqual(['2020-07-01']);
  });

  it('December 2020: due 12/28 before the closure; overdue resumes on 1/4 and skips Coming-of-Age Day', () => {
    const r = remindersBetween(...FY, ctx(planWith({ '1-1-1': { kind: 'range', start: '2020-10', end: '2020-12' } })));
    expect(dates(r, 'due')).toEqual(['2020-12-28']);
    expect(dates(r, 'lead')).toEqual(['2020-12-14', '2020-12-21', '2020-12-23', '2020-12-25']);
    // 1/11/2021 is 成人の日, so the weekly overdue moves back to Friday 1/8.
    expect(dates(r, 'overdue').slice(0, 3)).toEqual(['2021-01-04', '2021-01-08', '2021-01-18']);
    expect(dates(r, 'escalation')).toEqual(['2021-01-08']);
    expect(dates(r, 'kickoff')).toEqual(['2020-10-01']);
  });

  it('Golden Week 2020: an April due date is chased on 5/1 and 5/8, escalated on 5/12', () => {
    const r = remindersBetween(...FY, ctx(planWith({ '1-1-1': { kind: 'months', months: ['2020-04'] } })));
    expect(dates(r, 'due')).toEqual(['2020-04-30']);
    expect(dates(r, 'overdue').slice(0, 2)).toEqual(['2020-05-01', '2020-05-08']);
    expect(dates(r, 'escalation')).toEqual(['2020-05-12']);
  });

  it('February 2021: the 3-business-day lead skips the Emperor’s Birthday (2/23)', () => {
    const r = remindersBetween(...FY, ctx(planWith({ '1-1-1': { kind: 'months', months: ['2021-02'] } })));
    expect(dates(r, 'due')).toEqual(['2021-02-26']);
    expect(dates(r, 'lead')).toEqual(['2021-02-12', '2021-02-19', '2021-02-22', '2021-02-25']);
  });
});

describe('schedule kinds', () => {
  it('months: one set of reminders per checkpoint, keyed by the month', () => {
    const r = remindersBetween(...FY, ctx(planWith({ '1-1-1': { kind: 'months', months: ['2020-08', '2021-01'] } })));
    expect(r.filter((x) => x.kind === 'due').map((x) => [x.checkpoint, x.date])).toEqual([
      ['2020-08', '2020-08-31'],
      ['2021-01', '2021-01-29'],
    ]);
  });

  it('monthly: a due reminder at the end of every month of the fiscal year', () => {
    const r = remindersBetween('2020-04-01', '2021-03-31', ctx(planWith({ '1-1-1': { kind: 'monthly' } })));
    expect(dates(r, 'due')).toHaveLength(12);
    expect(dates(r, 'due')[8]).toBe('2020-12-28');
  });

  it('ongoing kinds get a check-in on the first business day of each month; from starts at its month', () => {
    const r = remindersBetween('2020-04-01', '2021-03-31', ctx(planWith({ '1-1-1': { kind: 'asNeeded' }, '1-1-2': { kind: 'from', start: '2020-10' } })));
    const asNeeded = r.filter((x) => x.milestoneId === '1-1-1');
    expect(asNeeded.map((x) => x.date)).toEqual([
      '2020-04-01', '2020-05-01', '2020-06-01', '2020-07-01', '2020-08-03', '2020-09-01',
      '2020-10-01', '2020-11-02', '2020-12-01', '2021-01-04', '2021-02-01', '2021-03-01',
    ]);
    const from = r.filter((x) => x.milestoneId === '1-1-2');
    // The kick-off on 10/1 stands in for that month's check-in.
    expect(from.map((x) => `${x.kind} ${x.date}`)).toEqual([
      'kickoff 2020-10-01', 'checkin 2020-11-02', 'checkin 2020-12-01', 'checkin 2021-01-04', 'checkin 2021-02-01', 'checkin 2021-03-01',
    ]);
  });

  it('yearRound and timesPerYear are due at the fiscal year end; unscheduled never reminds', () => {
    const r = remindersBetween('2020-04-01', '2021-03-31', ctx(planWith({ a: { kind: 'yearRound' }, b: { kind: 'timesPerYear', times: 3 }, c: { kind: 'unscheduled' } })));
    expect(r.filter((x) => x.kind === 'due').map((x) => `${x.milestoneId} ${x.date}`)).toEqual(['a 2021-03-31', 'b 2021-03-31']);
    expect(r.some((x) => x.milestoneId === 'c')).toBe(false);
  });

  it('every owner division gets its own reminder', () => {
    const r = remindersOn('2020-07-31', ctx(planWith({ '1-1-1': { kind: 'months', months: ['2020-07'] } }, ['総務部財政課', '総務部管財課'])));
    expect(r.map((x) => x.division).sort()).toEqual(['総務部管財課', '総務部財政課'].sort());
  });

  it('no reminders on a weekend or holiday', () => {
    const plan = planWith({ '1-1-1': { kind: 'monthly' }, '1-1-2': { kind: 'asNeeded' } });
    expect(remindersOn('2020-07-23', ctx(plan))).toEqual([]);
    expect(remindersOn('2020-08-01', ctx(plan))).toEqual([]);
  });
});

describe('statuses', () => {
  const update = (u: Partial<StatusUpdate> & Pick<StatusUpdate, 'milestoneId' | 'status' | 'createdAt'>, id: number): StatusUpdate => ({
    id, actor: 'U1', via: 'slash', ...u,
  });
  const plan = planWith({ '1-1-1': { kind: 'months', months: ['2020-07', '2020-08'] }, '1-1-2': { kind: 'asNeeded' } });

  it('done stops the reminders of that checkpoint only; a whole-milestone done stops all', () => {
    const cpDone = buildStateLookup([update({ milestoneId: '1-1-1', checkpoint: '2020-07', status: 'done', createdAt: '2020-07-10T01:00:00.000Z' }, 1)], 'Asia/Tokyo');
    const r = remindersBetween(...FY, ctx(plan, cpDone)).filter((x) => x.milestoneId === '1-1-1' && x.kind !== 'kickoff');
    expect(new Set(r.map((x) => x.checkpoint))).toEqual(new Set(['2020-08']));

    const allDone = buildStateLookup([update({ milestoneId: '1-1-1', status: 'done', createdAt: '2020-07-10T01:00:00.000Z' }, 1)], 'Asia/Tokyo');
    expect(remindersBetween(...FY, ctx(plan, allDone)).filter((x) => x.milestoneId === '1-1-1')).toEqual([]);
  });

  it('cancelled removes a milestone from check-ins and overdue', () => {
    const state = buildStateLookup([update({ milestoneId: '1-1-2', status: 'cancelled', createdAt: '2020-04-02T01:00:00.000Z' }, 1)], 'Asia/Tokyo');
    expect(remindersBetween(...FY, ctx(plan, state)).filter((x) => x.milestoneId === '1-1-2')).toEqual([]);
  });

  it('no lead reminder within 3 days of the owner’s last report, but the due-day one still goes', () => {
    // Reported on 7/20 (JST): the leads on 7/22 (2 days later) is skipped, 7/28 (8 days) is not.
    const state = buildStateLookup([update({ milestoneId: '1-1-1', checkpoint: '2020-07', status: 'on_track', createdAt: '2020-07-20T01:00:00.000Z' }, 1)], 'Asia/Tokyo');
    const r = remindersBetween(...FY, ctx(plan, state)).filter((x) => x.checkpoint === '2020-07');
    expect(dates(r, 'lead')).toEqual(['2020-07-17', '2020-07-28', '2020-07-30']);
    expect(dates(r, 'due')).toEqual(['2020-07-31']);
  });

  it('a revised due month moves every due-date reminder', () => {
    const state = buildStateLookup([update({ milestoneId: '1-1-1', checkpoint: '2020-07', status: 'delayed', revisedDue: '2020-09', createdAt: '2020-07-01T01:00:00.000Z' }, 1)], 'Asia/Tokyo');
    const r = remindersBetween(...FY, ctx(plan, state)).filter((x) => x.checkpoint === '2020-07' && x.kind === 'due');
    expect(r.map((x) => x.date)).toEqual(['2020-09-30']);
  });
});

describe('the bundled FY2020 plan', () => {
  const parsed = parsePlanDocument(readFileSync(new URL('../../config/plans/fy2020-mie.yaml', import.meta.url), 'utf8'), 'yaml', 'fy2020');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const all = remindersBetween('2020-04-01', '2021-03-31', ctx(parsed.value));

  it('sends every reminder of the year on a business day, each once', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all.every((r) => calendar.isBusinessDay(r.date))).toBe(true);
    const keys = all.map((r) => [r.milestoneId, r.checkpoint, r.kind, r.date, r.division].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reminds 総務部税収確保課 on 2020-07-22 of the 7/31 due date of 個人住民税に関する課題検討会', () => {
    const lead = all.filter((r) => r.date === '2020-07-22' && r.milestoneId === '6-2-10');
    expect(lead).toContainEqual({ date: '2020-07-22', kind: 'lead', milestoneId: '6-2-10', checkpoint: '2020-07', due: '2020-07-31', division: '総務部税収確保課' });
    // The item's three owner divisions each get it.
    expect(lead.map((r) => r.division).sort()).toEqual(['総務部管財課', '総務部税収確保課', '総務部財政課'].sort());
  });
});

describe('the plan’s year', () => {
  it('chases overdue milestones through April of the next year, then stops', () => {
    const r = remindersBetween('2020-04-01', '2022-12-31', ctx(planWith({ '1-1-1': { kind: 'months', months: ['2021-02'] } })));
    const last = r[r.length - 1]!;
    expect(last.kind).toBe('overdue');
    expect(last.date <= '2021-04-30' && last.date >= '2021-04-20').toBe(true);
    expect(remindersOn('2026-11-24', ctx(planWith({ '1-1-1': { kind: 'monthly' } })))).toEqual([]);
  });
});
