/**
 * The scripted owners of the year scenario, and what the year should look
 * like given them, worked out from the reminder policy, the plan and the
 * script alone: never from what the bot stored or sent.
 */
import type { BusinessCalendar } from '../../src/domain/calendar.ts';
import { addDays } from '../../src/domain/local-date.ts';
import { listMilestones, type LocalDate, type Plan, type YearMonth } from '../../src/domain/plan.ts';
import { remindersOn, type MilestoneState, type ReminderPolicy, type StateLookup } from '../../src/domain/reminder-policy.ts';
import type { Reminder, ReminderKind } from '../../src/domain/reminder.ts';
import { checkpointsOf } from '../../src/domain/schedule.ts';
import { STATUS_CODES, type StatusCode } from '../../src/domain/status.ts';

/** One owner's answer: at a time of a day, for one milestone (and checkpoint), by button or by `/plan`. */
export interface Answer {
  on: LocalDate;
  /** HH:MM Tokyo, always after the day's reminders went out (09:30). */
  at: string;
  user: string;
  milestoneId: string;
  checkpoint: YearMonth | null;
  status: StatusCode;
  how:
    | {
        via: 'button';
        /** The division whose reminder message of that day carries the line (the channel follows from it). */
        message: string;
        /** The kind of the line clicked, so the script says what it means to do. */
        line: ReminderKind;
      }
    | { via: 'slash'; text: string; channel: string };
  /** Why this answer is in the script. */
  note: string;
}

/** In time order. Divisions not named here (総務課, 法務・文書課, 出納総務課) never answer. */
export const ANSWERS: readonly Answer[] = [
  {
    on: '2020-04-01', at: '10:00', user: 'U0JINJI01', milestoneId: '1-3-1', checkpoint: null, status: 'on_track',
    how: { via: 'button', message: '総務部人事課', line: 'kickoff' },
    note: 'a kick-off answered with 順調 on the first day; its check-ins go on',
  },
  {
    on: '2020-05-01', at: '10:00', user: 'U0SMART01', milestoneId: '2-1-1', checkpoint: null, status: 'on_track',
    how: { via: 'slash', text: 'update 2-1-1 順調 在宅勤務の試行を開始しました', channel: 'C0SMART001' },
    note: 'an ongoing milestone reported on by command; monthly check-ins go on',
  },
  {
    on: '2020-05-12', at: '10:00', user: 'U0ZEISHU1', milestoneId: '6-2-1', checkpoint: '2020-04', status: 'done',
    how: { via: 'slash', text: 'update 6-2-1 4月 完了 市町との調整に時間がかかりました', channel: 'C0ZEISHU01' },
    note: 'late (due 4/30, escalated that morning), from the division whose channel refuses the bot',
  },
  {
    on: '2020-06-01', at: '10:00', user: 'U0JINJI02', milestoneId: '1-1-2', checkpoint: null, status: 'on_track',
    how: { via: 'button', message: '総務部人事課', line: 'kickoff' },
    note: 'a kick-off answered with 順調',
  },
  {
    on: '2020-06-30', at: '14:00', user: 'U0ZAISEI1', milestoneId: '6-2-8', checkpoint: '2020-06', status: 'done',
    how: { via: 'button', message: '総務部財政課', line: 'due' },
    note: 'one checkpoint of three done on its due day; September and December go on',
  },
  {
    on: '2020-07-14', at: '16:00', user: 'U0ZAISEI2', milestoneId: '7-2-2', checkpoint: '2020-06', status: 'done',
    how: { via: 'slash', text: '更新 7-2-2 6月 完了', channel: 'C0ZAISEI01' },
    note: 'late (due 6/30, escalated 7/7), by a deputy, with the Japanese sub-command',
  },
  {
    on: '2020-08-03', at: '10:00', user: 'U0ZEIMU01', milestoneId: '2-3-6', checkpoint: null, status: 'cancelled',
    how: { via: 'slash', text: 'update 2-3-6 中止 事業の見直しのため', channel: 'C0ZEIMU001' },
    note: 'cancelled: no reminder for any of its three owners after that',
  },
  {
    on: '2020-09-25', at: '15:00', user: 'U0SMART02', milestoneId: '2-1-2', checkpoint: null, status: 'done',
    how: { via: 'slash', text: '完了 2-1-2 実施済み', channel: 'C0SMART001' },
    note: 'early (due 9/30): the last lead and the due-day reminder are not sent',
  },
  {
    on: '2020-10-16', at: '10:00', user: 'U0COORD01', milestoneId: '1-2-2', checkpoint: null, status: 'done',
    how: { via: 'button', message: '総務部行財政改革推進課', line: 'lead' },
    note: "the coordinator division's own milestone, done at its first lead reminder",
  },
  {
    on: '2021-01-04', at: '11:00', user: 'U0COORD02', milestoneId: '6-2-8', checkpoint: '2020-12', status: 'done',
    how: { via: 'button', message: '総務部管財課', line: 'overdue' },
    note: "late, by a coordinator, on the unmapped division's message in the coordinator channel",
  },
  {
    on: '2021-01-15', at: '10:30', user: 'U0JINJI03', milestoneId: '1-1-3', checkpoint: null, status: 'at_risk',
    how: { via: 'button', message: '総務部人事課', line: 'lead' },
    note: 'a deputy flags 注意 at the first lead reminder',
  },
  {
    on: '2021-01-20', at: '10:00', user: 'U0JINJI01', milestoneId: '1-1-3', checkpoint: null, status: 'at_risk',
    how: { via: 'slash', text: 'update 1-1-3 注意 講師の日程を調整中です', channel: 'C0JINJI001' },
    note: 'a report two days before a lead reminder: that lead is not sent (quiet days), the next one is',
  },
  {
    on: '2021-01-29', at: '11:00', user: 'U0JINJI01', milestoneId: '1-1-2', checkpoint: null, status: 'done',
    how: { via: 'button', message: '総務部人事課', line: 'due' },
    note: 'done on its due day: no overdue reminder, no escalation',
  },
  {
    on: '2021-02-05', at: '15:00', user: 'U0COORD01', milestoneId: '1-1-4', checkpoint: null, status: 'delayed',
    how: { via: 'button', message: '総務部行財政改革推進課', line: 'escalation' },
    note: 'the coordinator marks an escalated milestone 遅延; the overdue reminders go on',
  },
  {
    on: '2021-02-08', at: '11:00', user: 'U0JINJI01', milestoneId: '1-1-3', checkpoint: null, status: 'done',
    how: { via: 'button', message: '総務部人事課', line: 'overdue' },
    note: 'late: done at the second overdue reminder, after the escalation',
  },
  {
    on: '2021-02-26', at: '13:00', user: 'U0COORD02', milestoneId: '6-2-5', checkpoint: '2021-02', status: 'done',
    how: { via: 'button', message: '総務部管財課', line: 'due' },
    note: "on time, by a coordinator, on the unmapped division's due-day message",
  },
];

/**
 * The states the policy sees at a tick on `day`: every answer given before
 * that day (answers come after the day's tick, so an answer counts from the
 * next day on). A whole-milestone answer speaks for its checkpoints too; the
 * latest relevant answer wins; the last report day is the milestone's latest
 * answer on any checkpoint.
 */
export function scriptedState(answers: readonly Answer[], day: LocalDate): StateLookup {
  const before = answers.filter((a) => a.on < day);
  return (milestoneId, checkpoint): MilestoneState | undefined => {
    const mine = before.filter((a) => a.milestoneId === milestoneId);
    const last = mine[mine.length - 1];
    if (!last) return undefined;
    const relevant = mine.filter((a) => a.checkpoint === null || a.checkpoint === checkpoint);
    return { status: relevant[relevant.length - 1]?.status ?? 'not_started', lastReportOn: last.on };
  };
}

export function* daysFrom(first: LocalDate, last: LocalDate): Generator<LocalDate> {
  for (let day = first; day <= last; day = addDays(day, 1)) yield day;
}

/** Every reminder of the walk, day by day, under the scripted states of each day. */
export function expectedReminders(
  plan: Plan,
  calendar: BusinessCalendar,
  policy: ReminderPolicy,
  first: LocalDate,
  last: LocalDate,
  answers: readonly Answer[] = ANSWERS,
): Reminder[] {
  const out: Reminder[] = [];
  for (const day of daysFrom(first, last)) out.push(...remindersOn(day, { plan, calendar, policy, state: scriptedState(answers, day) }));
  return out;
}

/** What the digest counts: a milestone, or each checkpoint of a `months`/`monthly` one. */
export function units(plan: Plan): { milestoneId: string; checkpoint: YearMonth | null }[] {
  return listMilestones(plan).flatMap((placed) => {
    const checkpoints = checkpointsOf(placed.milestone.schedule, plan.fiscalYear);
    if (checkpoints.length === 0) return [{ milestoneId: placed.milestone.id, checkpoint: null }];
    return checkpoints.map((cp) => ({ milestoneId: placed.milestone.id, checkpoint: cp.key }));
  });
}

export interface DigestFigures {
  counts: Record<StatusCode, number>;
  /** Units 完了 at the start of `date` that were not at the start of `since`. */
  completed: number;
  /** Of the units not cancelled, those done, and all of them. */
  done: number;
  total: number;
}

/** The figures of a digest dated `date` whose period starts at `since`, by the script. */
export function expectedFigures(plan: Plan, date: LocalDate, since: LocalDate, answers: readonly Answer[] = ANSWERS): DigestFigures {
  const now = scriptedState(answers, date);
  const then = scriptedState(answers, since);
  const counts = Object.fromEntries(STATUS_CODES.map((code) => [code, 0])) as Record<StatusCode, number>;
  let completed = 0;
  for (const unit of units(plan)) {
    const status = now(unit.milestoneId, unit.checkpoint)?.status ?? 'not_started';
    counts[status]++;
    if (status === 'done' && then(unit.milestoneId, unit.checkpoint)?.status !== 'done') completed++;
  }
  return { counts, completed, done: counts.done, total: units(plan).length - counts.cancelled };
}

/** The ISO 8601 week of a date, `2020-W39`. */
export function isoWeekOf(day: LocalDate): string {
  const date = new Date(`${day}T00:00:00Z`);
  const mondayBased = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - mondayBased) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `kind|milestone|checkpoint`, sorted: a message's lines as a comparable multiset. */
export const lineKeys = (lines: readonly { kind: string; milestoneId: string; checkpoint: string | null }[]): string[] =>
  lines.map((l) => `${l.kind}|${l.milestoneId}|${l.checkpoint ?? ''}`).sort();

/** The outbox key of a division's reminder message of a day. */
export const messageKey = (day: LocalDate, division: string): string => `reminders|${day}|${division}`;

/** The reminder messages a platform should have delivered: every one but those of the division that refuses the bot. */
export function wantedDeliveries(expectedByMessage: ReadonlyMap<string, readonly Reminder[]>, refusing: string): string[] {
  return [...expectedByMessage.keys()].filter((key) => !key.endsWith(`|${refusing}`)).sort();
}

/** Expected reminders by message key (one message per division per day). */
export function byMessage(reminders: readonly Reminder[]): Map<string, Reminder[]> {
  const out = new Map<string, Reminder[]>();
  for (const reminder of reminders) {
    const key = messageKey(reminder.date, reminder.division);
    out.set(key, [...(out.get(key) ?? []), reminder]);
  }
  return out;
}

/**
 * The digest weeks from the first Monday after `first` to `last`: each the
 * ISO week and its first business day from Monday (a first start never
 * posts late, so the week the bot starts in has none).
 */
export function digestWeeks(calendar: BusinessCalendar, firstMonday: LocalDate, last: LocalDate): { week: string; day: LocalDate }[] {
  const weeks: { week: string; day: LocalDate }[] = [];
  for (let monday = firstMonday; monday <= last; monday = addDays(monday, 7)) {
    let day = monday;
    while (!calendar.isBusinessDay(day)) day = addDays(day, 1);
    weeks.push({ week: isoWeekOf(monday), day });
  }
  return weeks;
}
