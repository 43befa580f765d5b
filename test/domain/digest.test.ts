// The weekly digest of the bundled FY2020 plan on Monday 2020-09-07, with a
// scripted history, against figures worked out by hand below from the plan
// file (config/plans/fy2020-mie.yaml) and the 2020 calendar.
import { beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { buildDigest, type Digest, type DigestInput } from '../../src/domain/digest.ts';
import { capDigest } from '../../src/domain/digest-cap.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../src/domain/status-update.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { bundledPlan, exampleDirectory } from '../app/tick-world.ts';

const calendar = createJapaneseCalendar();
const TZ = 'Asia/Tokyo';

/** The instant of `date` `time` in Tokyo, as the stores write it. */
const jst = (date: string, time = '10:00') => instantAt(date, time, TZ).toISOString();

type Scripted = Omit<NewStatusUpdate, 'actor' | 'via' | 'createdAt'> & { on: string; time?: string };

function history(scripted: Scripted[]): StatusUpdate[] {
  return scripted.map(({ on, time, ...update }, index) => ({ id: index + 1, actor: 'U0TEST', via: 'slash', createdAt: jst(on, time), ...update }));
}

// What the owners and the coordinator reported, oldest first. Letters are
// referred to in the arithmetic below.
const HISTORY = history([
  // (a) 6-2-1 (months [04], due 4/30) done long before the previous digest.
  { milestoneId: '6-2-1', checkpoint: '2020-04', status: 'done', on: '2020-05-08' },
  // (b) 2-3-1 (months [05], due 5/29) done on 6/1.
  { milestoneId: '2-3-1', checkpoint: '2020-05', status: 'done', on: '2020-06-01' },
  // (g) 6-2-2 (months [05], due 5/29) delayed, and still is.
  { milestoneId: '6-2-2', status: 'delayed', comment: '会議日程の再調整中', on: '2020-06-10' },
  // (i) 6-2-6 (months [05], due 5/29) done on 6/15 …
  { milestoneId: '6-2-6', status: 'done', on: '2020-06-15' },
  // (k) 2-3-5 (range to 06, due 6/30) cancelled.
  { milestoneId: '2-3-5', status: 'cancelled', on: '2020-08-20' },
  // (j) 2-3-3 (months [06], due 6/30) moved by the coordinator to September (due 9/30).
  { milestoneId: '2-3-3', status: 'on_track', revisedDue: '2020-09', on: '2020-08-25' },
  // --- the previous digest: Monday 2020-08-31 ---
  // (h) 2-1-2 (range to 09, due 9/30) at risk.
  { milestoneId: '2-1-2', status: 'at_risk', on: '2020-09-01', time: '16:00' },
  // (c) 7-2-2 (months [06], due 6/30) finally done.
  { milestoneId: '7-2-2', checkpoint: '2020-06', status: 'done', on: '2020-09-02' },
  // (i) … and reopened as delayed.
  { milestoneId: '6-2-6', status: 'delayed', on: '2020-09-02', time: '11:00' },
  // (d) 4-1-2 (months [08, 01]) done for August (due 8/31), a few days late.
  { milestoneId: '4-1-2', checkpoint: '2020-08', status: 'done', on: '2020-09-03' },
  // (e) 1-1-2 (range to 01, due 2021-01-29) done early.
  { milestoneId: '1-1-2', status: 'done', on: '2020-09-04' },
  // (f) 6-2-10 (months [07], due 7/31) done on the digest's own morning: counts from the next digest.
  { milestoneId: '6-2-10', status: 'done', on: '2020-09-07', time: '08:00' },
]);

let plan: Plan;
let input: DigestInput;
let digest: Digest;
beforeAll(async () => {
  plan = await bundledPlan();
  input = {
    plan,
    updates: HISTORY,
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: TZ,
    date: '2020-09-07',
    previousDate: '2020-08-31',
    directory: await exampleDirectory(),
  };
  digest = buildDigest(input);
});

const ids = (entries: { milestoneId: string; checkpoint: string | null }[]) => entries.map((e) => (e.checkpoint ? `${e.milestoneId}@${e.checkpoint}` : e.milestoneId));

describe('the digest of 2020-09-07 (by hand)', () => {
  it('counts 78 units by status', () => {
    // Units: one per milestone, one per checkpoint for months/monthly.
    //   I:   initiative 1 = 4 (1-1) + 4 (1-2) + 2 (1-3) = 10; initiative 2 = 5 (2-1) + 9 (2-3) = 14; initiative 3 = 2   → 26
    //   II:  initiative 4 = 1 + 2 (4-1-2: Aug, Jan) + 1 + 1 + 12 (4-2-3 monthly) = 17; initiative 5 = 5          → 22
    //   III: initiative 6 = 4 (6-1) + 20 + 2 (6-2-8 has Jun, Sep, Dec) = 26; initiative 7 = 4                   → 30
    // Before 9/7: done (a)(b)(c)(d)(e) = 5 ((f) is on 9/7 itself); cancelled (k) = 1;
    // delayed (g)(i) = 2; at risk (h) = 1; on track (j) = 1; the other 78 − 10 = 68 never reported.
    expect(digest.counts).toEqual({ not_started: 68, on_track: 1, at_risk: 1, delayed: 2, done: 5, cancelled: 1 });
  });

  it('measures progress: done of due so far, and done of all', () => {
    // Due before 9/7 in the plan: 2-3-1, 2-3-3, 2-3-5 (I); 4-1-2@08, 4-2-3@04…08 (II);
    // 6-2-1, 6-2-2, 6-2-6, 6-2-8@06, 6-2-10, 7-2-2 (III) = 15. Less 2-3-5 (cancelled)
    // and 2-3-3 (revised to 9/30) = 13, of which done: (a) (b) (c) (d) = 4.
    // All: 78 − 1 cancelled = 77, of which done 5 ((e) is done early).
    // Overdue = 13 − 4 = 9.
    expect(digest.progress).toEqual({ done: 5, total: 77, doneDue: 4, dueSoFar: 13, overdue: 9 });
  });

  it('lists what was completed since the previous digest, in plan order', () => {
    // Done now and not done at the start of 8/31: (c), (d), (e); (a) and (b) were done before, (f) is too late.
    expect(ids(digest.completed.items)).toEqual(['1-1-2', '4-1-2@2020-08', '7-2-2@2020-06']);
    expect(digest.completed.items.map((e) => e.completedOn)).toEqual(['2020-09-04', '2020-09-03', '2020-09-02']);
    expect(digest.completed.total).toBe(3);
  });

  it('splits the overdue into newly overdue and still overdue, with business days overdue', () => {
    // Newly: due 8/31, not overdue at the start of 8/31 (due that day): 4-2-3@08 (4-1-2@08 is done);
    // and 6-2-6, done at 8/31 but reopened as delayed (i). Earliest due first.
    // Days: (5/29, 9/7] = June 22 + July 21 (23 weekdays − 7/23, 7/24) + August 20 (21 − 8/10) + 9/1–9/4, 9/7 = 68;
    //       (8/31, 9/7] = 9/1, 9/2, 9/3, 9/4, 9/7 = 5.
    expect(ids(digest.newlyOverdue.items)).toEqual(['6-2-6@2020-05', '4-2-3@2020-08']);
    expect(digest.newlyOverdue.items.map((e) => [e.status, e.daysOverdue])).toEqual([['delayed', 68], ['not_started', 5]]);

    // Still: overdue at the start of 8/31 and now. Due 4/30: 4-2-3@04 (6-2-1 done). Due 5/29: 4-2-3@05, 6-2-2
    // (2-3-1 done). Due 6/30: 4-2-3@06, 6-2-8@06 (2-3-3 moved, 2-3-5 cancelled, 7-2-2 done now). Due 7/31:
    // 4-2-3@07, 6-2-10 ((f) counts from the next digest). By due date, then plan order.
    // Days: from 4/30 add May's 18 (21 weekdays − 5/4, 5/5, 5/6) to 68 = 86; from 6/30: 21 + 20 + 5 = 46; from 7/31: 20 + 5 = 25.
    expect(ids(digest.stillOverdue.items)).toEqual([
      '4-2-3@2020-04',
      '4-2-3@2020-05',
      '6-2-2@2020-05',
      '4-2-3@2020-06',
      '6-2-8@2020-06',
      '4-2-3@2020-07',
      '6-2-10@2020-07',
    ]);
    expect(digest.stillOverdue.items.map((e) => e.daysOverdue)).toEqual([86, 68, 68, 46, 46, 25, 25]);
    expect(digest.newlyOverdue.total + digest.stillOverdue.total).toBe(digest.progress.overdue);
  });

  it('has nothing due in the next 14 days: every due date is a month end, and 9/30 is 23 days away', () => {
    expect(digest.dueSoon).toEqual({ total: 0, items: [] });
  });

  it('names the divisions that have not answered a reminder in the last 7 days', () => {
    // Window 8/31 … 9/6; business days 8/31, 9/1, 9/2, 9/3, 9/4.
    // 8/31: due reminders (4-1-2@08, 4-2-3@08) and Monday overdue reminders for dues 5/29 and 7/31
    //   (4-2-3@05, 6-2-2, 4-2-3@07, 6-2-10; not 2-3-1 (done) nor 6-2-6 (done then)): the coordinator's
    //   division 行財政改革推進課 and 6-2's owners 税収確保課, 財政課, 管財課.
    // 9/1: check-ins of every ongoing milestone reach every division; kick-off of 2-3-4 (September).
    // Answers on or after the first reminder: 2-1-2 (9/1) スマート改革推進課; 7-2-2 and 6-2-6 (9/2)
    //   財政課, 税収確保課, 管財課; 4-1-2 (9/3) 行財政改革推進課; 1-1-2 (9/4) 人事課.
    // Silent: 2-3's owners 税務企画課, 出納総務課, 総務課 (last report 8/25, (j)) and 法務・文書課 (never).
    // Their reminders, all on 9/1: 2-3 → kick-off 2-3-4, check-ins 2-3-2, 2-3-9 = 3 (2-3-8 starts in 2021);
    //   総務課 also 5-1-1…3 (3) and 6-1-1…4 (4) = 10; 法務・文書課 5-1-1…3 = 3.
    // Order: first reminder, then most reminders, then name by code point (出 < 総; 法 < 税).
    expect(digest.silentDivisions.items).toEqual([
      { division: '総務部総務課', reminders: 10, firstRemindedOn: '2020-09-01', lastReportOn: '2020-08-25' },
      { division: '出納局出納総務課', reminders: 3, firstRemindedOn: '2020-09-01', lastReportOn: '2020-08-25' },
      { division: '総務部法務・文書課', reminders: 3, firstRemindedOn: '2020-09-01', lastReportOn: null },
      { division: '総務部税務企画課', reminders: 3, firstRemindedOn: '2020-09-01', lastReportOn: '2020-08-25' },
    ]);
  });

  it('lists the divisions the directory gives no channel', () => {
    expect(digest.unmappedDivisions).toEqual({ total: 1, items: ['総務部管財課'] });
  });

  it('rolls up per pillar and initiative', () => {
    const figures = digest.pillars.items.map((p) => [p.id, p.progress, p.initiatives.items.map((i) => [i.id, i.progress])]);
    const f = (done: number, total: number, doneDue: number, dueSoFar: number) => ({ done, total, doneDue, dueSoFar, overdue: dueSoFar - doneDue });
    expect(figures).toEqual([
      // I: done (e) in 1, (b) in 2; 2-3-5 cancelled; due so far only 2-3-1 (2-3-3 moved).
      ['I', f(2, 25, 1, 1), [['1', f(1, 10, 0, 0)], ['2', f(1, 13, 1, 1)], ['3', f(0, 2, 0, 0)]]],
      // II: due so far 4-1-2@08 (done) and 4-2-3@04…08.
      ['II', f(1, 22, 1, 6), [['4', f(1, 17, 1, 6)], ['5', f(0, 5, 0, 0)]]],
      // III: due so far 6-2-1 (done), 6-2-2, 6-2-6, 6-2-8@06, 6-2-10 in 6; 7-2-2 (done) in 7.
      ['III', f(2, 30, 2, 6), [['6', f(1, 26, 1, 5)], ['7', f(1, 4, 1, 1)]]],
    ]);
    expect(digest.pillars.items[0]?.counts).toEqual({ not_started: 21, on_track: 1, at_risk: 1, delayed: 0, done: 2, cancelled: 1 });
  });

  it('reads the plan as it stood at the start of the day, so any time of day gives the same digest', () => {
    const later = buildDigest({ ...input, updates: [...HISTORY, ...history([{ milestoneId: '6-2-2', status: 'done', on: '2020-09-07', time: '23:59' }]).map((u) => ({ ...u, id: 100 }))] });
    expect(later).toEqual(digest);
  });
});

describe('the digest on other days', () => {
  it('lists what is due in the next 14 days (9/23, after the 9/21–22 holidays)', () => {
    const d = buildDigest({ ...input, date: '2020-09-23', previousDate: '2020-09-14' });
    // Due 9/30, open: 2-1-2 (at risk), 2-3-3 (moved to September, on track), 2-3-4@09, 4-2-3@09, 6-2-8@09.
    expect(ids(d.dueSoon.items)).toEqual(['2-1-2', '2-3-3@2020-06', '2-3-4@2020-09', '4-2-3@2020-09', '6-2-8@2020-09']);
    expect(d.dueSoon.items.map((e) => e.due)).toEqual(Array(5).fill('2020-09-30'));
    // (f) was reported done on 9/7: from this digest on, 6-2-10 is neither overdue nor "completed since 9/14".
    expect(ids(d.stillOverdue.items)).not.toContain('6-2-10@2020-07');
    expect(ids(d.completed.items)).toEqual([]);
  });

  it('starts "since the previous digest" a week back when there was none', () => {
    const d = buildDigest({ ...input, previousDate: null });
    expect(d.previousDate).toBe('2020-08-31');
    // No digest to name: the renderers say "the last 7 days" instead.
    expect(d.afterDigest).toBe(false);
    expect(buildDigest(input).afterDigest).toBe(true);
    expect(d.completed.total).toBe(3);
  });

  it('cuts lists for a message and keeps their lengths', () => {
    const cut = capDigest(digest, 2);
    expect(cut.stillOverdue).toEqual({ total: 7, items: digest.stillOverdue.items.slice(0, 2) });
    expect(cut.pillars.items.map((p) => p.initiatives.items.length)).toEqual([2, 2]);
    expect(cut.pillars.items[0]?.initiatives.total).toBe(3);
    expect(cut.counts).toEqual(digest.counts);
  });
});
