/**
 * The reminder tick (SPEC §4): computes what is due at `now` and not yet
 * enqueued, and writes it to the outbox as one message per division per day.
 * Everything is decided inside one outbox transaction, keyed by reminderKey,
 * so a tick run twice, on two processes at once, or after a crash, enqueues
 * nothing twice.
 */
import type { BusinessCalendar } from '../domain/calendar.ts';
import { channelFor, type Directory } from '../domain/directory.ts';
import { addDays, compareLocalDates } from '../domain/local-date.ts';
import { stateLookupOf } from '../domain/milestone-state.ts';
import type { LocalDate, Plan } from '../domain/plan.ts';
import { remindersBetween, remindersOn, type PolicyContext, type ReminderPolicy } from '../domain/reminder-policy.ts';
import { reminderKey, type Reminder } from '../domain/reminder.ts';
import type { GroupLatest } from '../domain/status-summary.ts';
import { wallClock } from '../domain/zoned-time.ts';
import type { Lang } from '../i18n/catalog.ts';
import type { NewOutboxMessage, ReminderOutbox, TickTransaction } from './outbox-port.ts';
import { reminderLineBuilder, type LineBuilder } from './build-reminder-line.ts';
import { foldMissedReminders, type Folded } from './fold-missed-reminders.ts';
import type { NoticeMessage, ReminderMessage } from './ports.ts';
import { planPeriodOf } from '../domain/plan-period.ts';

/** The tick_state row of this tick. */
export const REMINDER_TICK = 'reminders';

/**
 * Lines per outbox message. The renderer summarises beyond its own block
 * limit; this bound only keeps one row and one API call reasonably small.
 */
export const MAX_LINES_PER_MESSAGE = 200;

export interface ReminderTickDeps {
  plans: { load(): Promise<Plan | null> };
  /** The latest status per milestone and checkpoint (StatusStore.latest). */
  statuses: { latest(): Promise<GroupLatest[]> };
  outbox: ReminderOutbox;
  directory: Directory;
  calendar: BusinessCalendar;
  policy: ReminderPolicy;
  /** IANA zone of every schedule, e.g. `Asia/Tokyo`. */
  timeZone: string;
  /** `HH:MM`: today's reminders are enqueued from this local time on. */
  reminderTime: string;
  lang: Lang;
  /**
   * REMINDER_CATCHUP_BUSINESS_DAYS: after downtime, the reminders of at most
   * this many business days before today are caught up; older ones are
   * counted and said once to the coordinator, never sent. Default 3.
   */
  catchUpBusinessDays?: number;
  /**
   * Put before the plan's reminder keys, outbox keys and tick name: '' for
   * the plan stored first (its keys stay as they always were), `KEY/` for
   * the others (db/migrations/20261201000001_plan_keys.ts).
   */
  keyPrefix?: string;
  /**
   * The plan's key (`fy2020`), put into every reminder so that its buttons
   * record on this plan whichever plan is the default when they are clicked.
   */
  planKey?: string;
}

/** The catch-up window when none is configured. */
export const DEFAULT_CATCHUP_BUSINESS_DAYS = 3;

export type TickOutcome = 'enqueued' | 'not_business_day' | 'before_reminder_time' | 'no_plan' | 'before_period' | 'period_over';

/** Missed reminders older than the catch-up window: counted, said once, never sent. */
export interface DroppedReminders {
  from: LocalDate;
  to: LocalDate;
  /** Business days from `from` to `to`. */
  days: number;
  reminders: number;
}

export interface TickSummary {
  /** The local date of `now`. */
  today: LocalDate;
  outcome: TickOutcome;
  /** Outbox messages created. */
  messages: number;
  /** Reminders newly enqueued, today's and missed ones together. */
  reminders: number;
  /** Of those, reminders of earlier days the bot missed, folded into "missed while offline" messages. */
  missed: number;
  /** Reminders due but enqueued by an earlier tick, so left alone. */
  skipped: number;
  /** Present when downtime outlasted the catch-up window. */
  dropped?: DroppedReminders;
}

/**
 * Runs one tick at `now`. Nothing happens outside the plan's reminder
 * period (planPeriodOf: its fiscal year and the April after, for March's
 * overdue notices): a plan whose period is over never reminds again. Today's
 * reminders are enqueued only on a business day at or after the reminder
 * time. Business days between the last tick and today that no tick handled
 * (the bot was down) are caught up in one "missed while offline" message
 * per division, for the last `catchUpBusinessDays` business days only; the
 * reminders of days before that are counted and said once, in one notice to
 * the coordinator channel. The very first tick does not look back.
 */
export async function runReminderTick(now: Date, deps: ReminderTickDeps): Promise<TickSummary> {
  const { date: today, time } = wallClock(now, deps.timeZone);
  const yesterday = addDays(today, -1);
  const idle = (outcome: TickOutcome): TickSummary => ({ today, outcome, messages: 0, reminders: 0, missed: 0, skipped: 0 });
  const prefix = deps.keyPrefix ?? '';
  const tickName = `${prefix}${REMINDER_TICK}`;

  const plan = await deps.plans.load();
  if (!plan) return idle('no_plan');
  const period = planPeriodOf(plan.fiscalYear);
  if (compareLocalDates(today, period.end) > 0) return idle('period_over');
  const waiting =
    compareLocalDates(today, period.start) < 0
      ? 'before_period'
      : !deps.calendar.isBusinessDay(today)
        ? 'not_business_day'
        : time < deps.reminderTime
          ? 'before_reminder_time'
          : null;
  if (waiting) {
    // Only marks the first start, so that the days before it never count as missed.
    await deps.outbox.tickTransaction(tickName, now, async (tx) => {
      if (tx.lastDay === null) await tx.setLastDay(yesterday);
    });
    return idle(waiting);
  }

  const ctx: PolicyContext = {
    plan,
    calendar: deps.calendar,
    policy: deps.policy,
    state: stateLookupOf(await deps.statuses.latest(), deps.timeZone),
  };
  const windowDays = deps.catchUpBusinessDays ?? DEFAULT_CATCHUP_BUSINESS_DAYS;
  // The earliest day caught up: the windowDays-th business day before today.
  const windowStart = deps.calendar.businessDaysBefore(today, windowDays);
  return deps.outbox.tickTransaction(tickName, now, async (tx) => {
    // The first tick ever counts as having handled yesterday: nothing before it is "missed".
    const since = latest(addDays(tx.lastDay ?? yesterday, 1), period.start);
    const catchFrom = latest(since, windowStart);
    const dropTo = earliest(addDays(windowStart, -1), yesterday);
    const keys = new Map<Reminder, string>();
    // A key goes into one message only: a second reminder with the same key
    // would break the outbox's primary key and stop every tick after it.
    const once = (reminders: Reminder[]) => {
      const taken = new Set(keys.values());
      return reminders.filter((r) => {
        const key = `${prefix}${reminderKey(r)}`;
        if (taken.has(key)) return false;
        taken.add(key);
        keys.set(r, key);
        return true;
      });
    };
    const missed = once(compareLocalDates(catchFrom, yesterday) <= 0 ? remindersBetween(catchFrom, yesterday, ctx) : []);
    const due = once(remindersOn(today, ctx));
    const keyOf = (r: Reminder) => keys.get(r)!;
    // The keys decide: only reminders no earlier tick recorded go into a message.
    const fresh = await tx.unrecorded([...keys.values()]);
    const freshMissed = missed.filter((r) => fresh.has(keyOf(r)));
    const entries = foldMissedReminders(
      due.filter((r) => fresh.has(keyOf(r))),
      freshMissed,
      keyOf,
    );

    const frame = { today, lang: deps.lang, directory: deps.directory, line: reminderLineBuilder(today, ctx), prefix, planKey: deps.planKey ?? null };
    let messages =
      (await enqueueMessages(tx, entries.today, { ...frame, missed: false })) +
      (await enqueueMessages(tx, entries.missed, { ...frame, missed: true }));
    const dropped = compareLocalDates(since, dropTo) <= 0 ? await countDropped(tx, since, dropTo, ctx, prefix) : null;
    if (dropped) {
      await enqueueDroppedNotice(tx, dropped, { today, lang: deps.lang, directory: deps.directory, plan, prefix, windowDays });
      messages++;
    }
    await tx.setLastDay(today);
    return {
      today,
      outcome: 'enqueued',
      messages,
      reminders: fresh.size,
      missed: freshMissed.length,
      skipped: missed.length + due.length - fresh.size,
      ...(dropped && { dropped }),
    };
  });
}

function latest(a: LocalDate, b: LocalDate): LocalDate {
  return compareLocalDates(a, b) >= 0 ? a : b;
}

function earliest(a: LocalDate, b: LocalDate): LocalDate {
  return compareLocalDates(a, b) <= 0 ? a : b;
}

/** The reminders of `from`..`to` no tick recorded, and the business days they span. */
async function countDropped(tx: TickTransaction, from: LocalDate, to: LocalDate, ctx: PolicyContext, prefix: string): Promise<DroppedReminders> {
  const keys = new Set(remindersBetween(from, to, ctx).map((r) => `${prefix}${reminderKey(r)}`));
  const reminders = (await tx.unrecorded([...keys])).size;
  let days = 0;
  for (let d = from; compareLocalDates(d, to) <= 0; d = addDays(d, 1)) if (ctx.calendar.isBusinessDay(d)) days++;
  return { from, to, days, reminders };
}

/** The one notice, to the coordinator channel, of what the catch-up left out. */
async function enqueueDroppedNotice(
  tx: TickTransaction,
  dropped: DroppedReminders,
  frame: { today: LocalDate; lang: Lang; directory: Directory; plan: Plan; prefix: string; windowDays: number },
): Promise<void> {
  const division = frame.directory.coordinator?.division ?? frame.plan.coordinator ?? '';
  const body: NoticeMessage = {
    type: 'notice',
    lang: frame.lang,
    day: frame.today,
    notice: 'catchup_dropped',
    params: { from: dropped.from, to: dropped.to, days: dropped.days, count: dropped.reminders, window: frame.windowDays },
  };
  const channel = frame.directory.coordinator?.channel ?? '';
  await tx.enqueue({ baseKey: `${frame.prefix}catchup|${frame.today}`, day: frame.today, division, channel, body }, []);
}

/** Entries per recipient division, divisions in order of first appearance. */
function groupByDivision(entries: Folded[]): Map<string, Folded[]> {
  const groups = new Map<string, Folded[]>();
  for (const entry of entries) {
    const group = groups.get(entry.reminder.division);
    if (group) group.push(entry);
    else groups.set(entry.reminder.division, [entry]);
  }
  return groups;
}

interface MessageFrame {
  today: LocalDate;
  /** The plan's key prefix for outbox keys. */
  prefix: string;
  /** The plan's key, for the buttons; null when the tick was not told it. */
  planKey: string | null;
  /** True for the "missed while offline" messages. */
  missed: boolean;
  lang: Lang;
  directory: Directory;
  line: LineBuilder;
}

/**
 * Enqueues one message per division (keys `reminders|DAY|DIVISION`, or
 * `missed|…` for the catch-up), split into messages of at most
 * MAX_LINES_PER_MESSAGE lines (`…|2`, `…|3`), each tied to the reminder keys
 * of its own lines. Returns how many messages it created.
 */
async function enqueueMessages(tx: TickTransaction, entries: Folded[], frame: MessageFrame): Promise<number> {
  let count = 0;
  for (const [division, folded] of groupByDivision(entries)) {
    const recipient = channelFor(frame.directory, division);
    const baseKey = `${frame.prefix}${frame.missed ? 'missed' : 'reminders'}|${frame.today}|${division}`;
    for (let start = 0; start < folded.length; start += MAX_LINES_PER_MESSAGE) {
      const batch = folded.slice(start, start + MAX_LINES_PER_MESSAGE);
      const body: ReminderMessage = {
        type: 'reminders',
        lang: frame.lang,
        day: frame.today,
        division,
        unmapped: recipient.unmapped,
        missed: frame.missed,
        ...(frame.planKey !== null && { planKey: frame.planKey }),
        lines: batch.map((entry) => frame.line(entry.reminder, frame.missed)),
      };
      const message: NewOutboxMessage = { baseKey, day: frame.today, division, channel: recipient.channel, body };
      await tx.enqueue(message, batch.flatMap((entry) => entry.keys));
      count++;
    }
  }
  return count;
}
