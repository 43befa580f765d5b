/**
 * What a report round asks of whom on a day (issue 15 §1: "reminders for the
 * round follow the business-day rules"), decided from the round, its items'
 * owners and the latest entries, like the milestone reminders are from the
 * plan and its statuses. Pure: the tick (run-round-tick.ts) and the preview
 * ask the same function, and only the keys no earlier run recorded count.
 *
 * Per owner division, at most one message a day, the first that applies:
 * - the request: once per round, listing the items it owes, on the day the
 *   round opens (or the first business day after, if it opened on a holiday);
 * - a reminder on the scheduled days: 3 and 1 business days before the
 *   deadline and on the deadline (its last business day), then the first
 *   business day after it and every 5th business day after that, to a
 *   division that still owes answers (items not answered or sent back);
 *   a scheduled day the bot missed is sent on the next run, once;
 * - a send-back: an item sent back since the last message re-asks its
 *   division, with the coordinator's comment.
 * After the deadline the coordinator is told once which divisions owe answers.
 */
import type { BusinessCalendar } from '../../domain/calendar.ts';
import { addDays, compareLocalDates } from '../../domain/local-date.ts';
import type { LocalDate } from '../../domain/plan.ts';
import type { ReportEntry, ReportRound } from '../../domain/report-round.ts';
import type { RoundItem } from './report-scope.ts';

/** Business days before the deadline (its last business day) that a division owing answers is reminded. */
export const ROUND_REMINDER_DAYS_BEFORE = [3, 1, 0] as const;
/** After the deadline: the first business day, then every this many business days. */
export const ROUND_OVERDUE_EVERY_BUSINESS_DAYS = 5;

export type RoundNoticeKind = 'request' | 'reminder' | 'overdue' | 'returned' | 'escalation';

/** An item a message asks for. */
export interface RoundNoticeItem {
  id: string;
  title: string;
  /** The coordinator's comment when the item was sent back; null when it was never answered. */
  returned: string | null;
}

/** One message of a round on a day: to an owner division, or (escalation) to the coordinator. */
export interface RoundNotice {
  kind: RoundNoticeKind;
  /** The owner division; the coordinator's division for an escalation. */
  division: string;
  /** The items the division owes (request, reminder, overdue) or had sent back (returned); empty for an escalation. */
  items: RoundNoticeItem[];
  /** Escalation: the divisions still owing answers and how many items each. */
  divisions: { division: string; owed: number }[];
  /** The keys this message records (round × division × kind × date), so no later run sends it again. */
  keys: string[];
}

export interface RoundNoticeInput {
  round: ReportRound;
  /** The plan's items with their owners, in plan order. */
  items: readonly RoundItem[];
  /** Per item, its latest entry in the round. */
  latest: ReadonlyMap<string, ReportEntry>;
  calendar: BusinessCalendar;
  /** The division the coordinator's messages are filed under. */
  coordinatorDivision: string;
  /** Put before every key (the plan's key prefix). */
  prefix: string;
}

/** The scheduled reminder day on or before `today` that is latest, or null before the first. */
export function scheduledDayOf(today: LocalDate, round: Pick<ReportRound, 'deadline'>, calendar: BusinessCalendar): LocalDate | null {
  const last = calendar.onOrBefore(round.deadline);
  if (compareLocalDates(today, round.deadline) > 0) {
    const after = calendar.countBusinessDaysBetween(round.deadline, today);
    if (after >= 1) {
      const step = 1 + ROUND_OVERDUE_EVERY_BUSINESS_DAYS * Math.floor((after - 1) / ROUND_OVERDUE_EVERY_BUSINESS_DAYS);
      return calendar.businessDaysAfter(round.deadline, step);
    }
  }
  let found: LocalDate | null = null;
  for (const n of ROUND_REMINDER_DAYS_BEFORE) {
    const day = calendar.businessDaysBefore(last, n);
    if (compareLocalDates(day, today) <= 0) found = day;
  }
  return found;
}

/** Business days from `today` to the deadline: positive before it, 0 on its last business day, negative after. */
export function businessDaysLeft(today: LocalDate, round: Pick<ReportRound, 'deadline'>, calendar: BusinessCalendar): number {
  return calendar.countBusinessDaysBetween(today, round.deadline);
}

interface DivisionOwes {
  division: string;
  owed: RoundNoticeItem[];
  /** Send-back entries among `owed`, by entry id. */
  returnedIds: number[];
}

function owedByDivision(input: RoundNoticeInput): DivisionOwes[] {
  const byDivision = new Map<string, DivisionOwes>();
  for (const item of input.items) {
    const latest = input.latest.get(item.id);
    for (const division of item.owners) {
      let owes = byDivision.get(division);
      if (!owes) byDivision.set(division, (owes = { division, owed: [], returnedIds: [] }));
      if (latest?.kind === 'answer') continue;
      owes.owed.push({ id: item.id, title: item.title, returned: latest?.kind === 'returned' ? latest.comment : null });
      if (latest?.kind === 'returned') owes.returnedIds.push(latest.id);
    }
  }
  return [...byDivision.values()];
}

function keysOf(input: RoundNoticeInput, today: LocalDate) {
  const base = `${input.prefix}round|${input.round.id}`;
  const scheduled = scheduledDayOf(today, input.round, input.calendar);
  return {
    request: (division: string) => `${base}|${division}|request`,
    scheduled: (division: string) => (scheduled === null ? null : `${base}|${division}|${compareLocalDates(scheduled, input.round.deadline) > 0 ? 'overdue' : 'reminder'}|${scheduled}`),
    // A send-back is its own entry: each one re-asks once.
    returned: (division: string, entryId: number) => `${base}|${division}|returned|${entryId}`,
    escalation: `${base}|${input.coordinatorDivision}|escalation`,
  };
}

/** Every key the messages of `today` could record: ask the outbox which of them are still unrecorded. */
export function roundNoticeKeys(today: LocalDate, input: RoundNoticeInput): string[] {
  const keys = keysOf(input, today);
  const all: string[] = [];
  for (const owes of owedByDivision(input)) {
    all.push(keys.request(owes.division));
    const scheduled = keys.scheduled(owes.division);
    if (scheduled !== null) all.push(scheduled);
    for (const id of owes.returnedIds) all.push(keys.returned(owes.division, id));
  }
  if (compareLocalDates(today, input.round.deadline) > 0) all.push(keys.escalation);
  return all;
}

/**
 * The messages of `today`, given which keys are still unrecorded (`fresh`).
 * A division that owes nothing gets nothing, and its keys stay unrecorded.
 */
export function roundNoticesOn(today: LocalDate, input: RoundNoticeInput, fresh: ReadonlySet<string>): RoundNotice[] {
  const keys = keysOf(input, today);
  const notices: RoundNotice[] = [];
  const owing = owedByDivision(input).filter((owes) => owes.owed.length > 0);
  for (const owes of owing) {
    const { division } = owes;
    const request = keys.request(division);
    const scheduled = keys.scheduled(division);
    const returned = owes.returnedIds.map((id) => keys.returned(division, id)).filter((key) => fresh.has(key));
    // Whatever goes out today covers the scheduled day and the send-backs it lists.
    const covered = [...(scheduled !== null && fresh.has(scheduled) ? [scheduled] : []), ...returned];
    if (fresh.has(request)) {
      notices.push({ kind: 'request', division, items: owes.owed, divisions: [], keys: [request, ...covered] });
    } else if (scheduled !== null && fresh.has(scheduled)) {
      notices.push({ kind: compareLocalDates(today, input.round.deadline) > 0 ? 'overdue' : 'reminder', division, items: owes.owed, divisions: [], keys: covered });
    } else if (returned.length > 0) {
      notices.push({ kind: 'returned', division, items: owes.owed.filter((item) => item.returned !== null), divisions: [], keys: returned });
    }
  }
  if (compareLocalDates(today, input.round.deadline) > 0 && fresh.has(keys.escalation) && owing.length > 0) {
    notices.push({
      kind: 'escalation',
      division: input.coordinatorDivision,
      items: [],
      divisions: owing.map((owes) => ({ division: owes.division, owed: owes.owed.length })),
      keys: [keys.escalation],
    });
  }
  return notices;
}

/**
 * The messages of every business day from `from` to `to`, as the tick would
 * send them at the reminder time if no answer came in meanwhile (the
 * preview). `recorded`: the keys sent already.
 */
export function roundNoticesBetween(from: LocalDate, to: LocalDate, input: RoundNoticeInput, recorded: ReadonlySet<string>): { day: LocalDate; notice: RoundNotice }[] {
  const sent = new Set(recorded);
  const out: { day: LocalDate; notice: RoundNotice }[] = [];
  for (let day = from; compareLocalDates(day, to) <= 0; day = addDays(day, 1)) {
    if (!input.calendar.isBusinessDay(day)) continue;
    const fresh = new Set(roundNoticeKeys(day, input).filter((key) => !sent.has(key)));
    for (const notice of roundNoticesOn(day, input, fresh)) {
      out.push({ day, notice });
      for (const key of notice.keys) sent.add(key);
    }
  }
  return out;
}
