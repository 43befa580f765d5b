/**
 * The report round's requests and reminders (issue 15 §1), enqueued like the
 * milestone reminders (SPEC §4): computed from the database at `now`
 * (round-notices.ts), written to the outbox inside one tick transaction with
 * every message's keys recorded, so two instances, a second run or a restart
 * never send one twice, and a day the bot missed is sent on its next run.
 *
 * They go out as messages of their own rather than inside the day's
 * milestone reminder message: the request leaves the moment the round opens
 * (that day's reminders may be out already), a round's message opens answer
 * forms where a reminder's lines take status clicks, and a division owing an
 * answer may have no milestone due that day. Still at most one round message
 * per division per day.
 */
import type { BusinessCalendar } from '../../domain/calendar.ts';
import { channelFor, type Directory } from '../../domain/directory.ts';
import type { Plan } from '../../domain/plan.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { ReminderOutbox } from '../outbox-port.ts';
import type { RoundMessage } from '../ports.ts';
import type { ReportEntries, ReportRounds } from '../report-ports.ts';
import { roundItemsOf } from './report-scope.ts';
import { businessDaysLeft, roundNoticeKeys, roundNoticesOn, type RoundNotice } from './round-notices.ts';

/** The tick_state row of this tick (after the plan's key prefix). */
export const ROUND_TICK = 'report-rounds';

export interface RoundTickDeps {
  plans: { load(): Promise<Plan | null> };
  /** The plan's key (report rounds are filed under it). */
  planKey: string;
  rounds: Pick<ReportRounds, 'current'>;
  entries: Pick<ReportEntries, 'latestByItem'>;
  outbox: ReminderOutbox;
  directory: Directory;
  calendar: BusinessCalendar;
  timeZone: string;
  /** `HH:MM`: the day's round messages go out from this local time on (the request of a round opened now: at once). */
  reminderTime: string;
  lang: Lang;
  /** The plan's key prefix for outbox keys ('' for the plan stored first). */
  keyPrefix?: string;
}

export interface RoundTickSummary {
  /** Outbox messages created. */
  messages: number;
  /** Of each kind. */
  kinds: Partial<Record<RoundNotice['kind'], number>>;
}

/**
 * Enqueues the open round's messages due at `now`: nothing without an open
 * round, on a day that is not a business day, or (unless `opening`: the
 * round was opened just now, and its request goes out at once) before the
 * reminder time.
 */
export async function runRoundTick(now: Date, deps: RoundTickDeps, options: { opening?: boolean } = {}): Promise<RoundTickSummary> {
  const none: RoundTickSummary = { messages: 0, kinds: {} };
  const { date: today, time } = wallClock(now, deps.timeZone);
  if (!deps.calendar.isBusinessDay(today)) return none;
  if (!options.opening && time < deps.reminderTime) return none;
  const round = await deps.rounds.current(deps.planKey);
  if (!round) return none;
  const plan = await deps.plans.load();
  if (!plan) return none;
  const prefix = deps.keyPrefix ?? '';
  const coordinatorDivision = deps.directory.coordinator?.division ?? plan.coordinator ?? '';
  // Read before the transaction, as the reminder tick reads statuses: SQLite has one connection, which the transaction holds.
  const input = {
    round,
    items: roundItemsOf(plan, new Map()),
    latest: await deps.entries.latestByItem(round.id),
    calendar: deps.calendar,
    coordinatorDivision,
    prefix,
  };
  return deps.outbox.tickTransaction(`${prefix}${ROUND_TICK}`, now, async (tx) => {
    const fresh = await tx.unrecorded(roundNoticeKeys(today, input));
    const notices = roundNoticesOn(today, input, fresh);
    const summary: RoundTickSummary = { messages: 0, kinds: {} };
    const daysLeft = businessDaysLeft(today, round, deps.calendar);
    for (const notice of notices) {
      const escalation = notice.kind === 'escalation';
      const recipient = escalation ? { channel: deps.directory.coordinator?.channel ?? '', unmapped: false } : channelFor(deps.directory, notice.division);
      const body: RoundMessage = {
        type: 'round',
        lang: deps.lang,
        day: today,
        kind: notice.kind,
        division: notice.division,
        unmapped: recipient.unmapped,
        round: { asOf: round.asOf, deadline: round.deadline },
        planKey: round.planId,
        daysLeft,
        items: notice.items,
        divisions: notice.divisions,
      };
      const baseKey = `${prefix}round|${round.id}|${today}|${escalation ? 'coordinator' : notice.division}`;
      await tx.enqueue({ baseKey, day: today, division: notice.division, channel: recipient.channel, body }, notice.keys);
      summary.messages++;
      summary.kinds[notice.kind] = (summary.kinds[notice.kind] ?? 0) + 1;
    }
    await tx.setLastDay(today);
    return summary;
  });
}
