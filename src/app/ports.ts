/**
 * The small interfaces the use cases need from the outside world, defined by
 * what the use cases use (STYLE: "narrow interfaces defined by the user").
 */
import type { Lang } from '../i18n/catalog.ts';
import type { BurnUpPoint } from '../domain/burn-up.ts';
import type { Digest } from '../domain/digest.ts';
import type { LocalDate, YearMonth } from '../domain/plan.ts';
import type { ReminderKind } from '../domain/reminder.ts';
import type { StatusCode } from '../domain/status.ts';
import type { RoundNoticeItem, RoundNoticeKind } from './report/round-notices.ts';

/** The current time; the shell, previews and tests pass a virtual one. */
export interface Clock {
  now(): Date;
}

/** One milestone line of a reminder message, with what the renderer shows. */
export interface ReminderLine {
  kind: ReminderKind;
  milestoneId: string;
  title: string;
  checkpoint: YearMonth | null;
  due: LocalDate | null;
  /** Latest status, so the message can show it next to the buttons. */
  status: StatusCode;
  /** Business days past due (overdue and escalation lines). */
  daysOverdue?: number;
  /** For escalations: the overdue owner division. */
  owner?: string;
  /** The day the reminder was due, when it is delivered late (missed while offline). */
  originalDate?: LocalDate;
}

/** What one outbox message says: the reminders of one division on one day. */
export interface ReminderMessage {
  type: 'reminders';
  lang: Lang;
  day: LocalDate;
  /** The division the reminders are for. */
  division: string;
  /** True when the division has no channel and this goes to the coordinator channel instead. */
  unmapped: boolean;
  /** True for the one "missed while offline" message that folds earlier days. */
  missed: boolean;
  /**
   * The key of the plan the reminders are of (issue 13): its buttons record
   * on that plan. Absent in messages enqueued before plans had keys in their
   * reminders, whose buttons speak for the default plan.
   */
  planKey?: string;
  lines: ReminderLine[];
}

/** What a digest outbox message says: the weekly digest, for the coordinator channel (SPEC §6). */
export interface DigestMessage {
  type: 'digest';
  lang: Lang;
  /** The ISO week it is the digest of, e.g. `2020-W38`. */
  week: string;
  /** True when it goes out after its scheduled day and time because the bot was down then. */
  late: boolean;
  /** True when a coordinator posted it (`/plan digest post`) rather than the schedule. */
  manual: boolean;
  /** The model, its lists cut to what a message shows (capDigest); each list's `total` is its real length. */
  digest: Digest;
  /**
   * The fiscal year's burn-up as of the digest's date (domain/burn-up.ts), the
   * figures of the chart the digest carries (issue 15 §4). Absent in a preview
   * and in messages queued before the chart existed: those go without it.
   */
  burnUp?: BurnUpPoint[];
}

/**
 * A one-off notice for the coordinator channel, worded by the catalogue
 * (src/i18n/messages/plans.ts): `catchup_dropped` says which missed
 * reminders the catch-up after downtime did not send.
 */
export interface NoticeMessage {
  type: 'notice';
  lang: Lang;
  day: LocalDate;
  notice: 'catchup_dropped';
  params: { from: LocalDate; to: LocalDate; days: number; count: number; window: number };
}

/**
 * A report round's message to one division on one day (issue 15 §1): the
 * request when the round opens, a reminder before or after the deadline, or
 * items sent back; or (escalation) the divisions still owing answers after
 * the deadline, to the coordinator channel. See src/app/report/round-notices.ts.
 */
export interface RoundMessage {
  type: 'round';
  lang: Lang;
  day: LocalDate;
  kind: RoundNoticeKind;
  /** The division asked; the coordinator's for an escalation. */
  division: string;
  /** True when the division has no channel and this goes to the coordinator channel instead. */
  unmapped: boolean;
  round: { asOf: LocalDate; deadline: LocalDate };
  /** The plan the round is of, so that its 回答 buttons open that plan's form whichever plan is the default (absent in messages queued before it was kept). */
  planKey?: string;
  /** Business days from `day` to the deadline: positive before it, 0 on its last business day, negative after. */
  daysLeft: number;
  items: RoundNoticeItem[];
  divisions: { division: string; owed: number }[];
}

/** Everything the outbox delivers. */
export type OutboxMessageBody = ReminderMessage | DigestMessage | NoticeMessage | RoundMessage;

/** A message ready to be delivered. */
export interface OutgoingMessage {
  /** The outbox key: unique, and stamped into the Slack message metadata. */
  key: string;
  channel: string;
  body: OutboxMessageBody;
}

export type SendResult =
  | { ok: true; ts: string }
  /** HTTP 429: try again after this many milliseconds (Retry-After). */
  | { ok: false; kind: 'rate_limited'; retryAfterMs: number; error: string }
  /** 5xx, timeouts, network errors: retry with backoff. */
  | { ok: false; kind: 'transient'; error: string }
  /** channel_not_found, not_in_channel, invalid_auth …: retrying cannot help. */
  | { ok: false; kind: 'permanent'; error: string };

/** Delivers messages to a chat platform (Slack, Teams, the terminal). */
export interface Notifier {
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * The ts of a message with this outbox key already in the channel, or null.
   * A dispatcher that crashed between "the platform accepted it" and "we
   * recorded it" asks this before sending the same message again.
   */
  findDelivered(channel: string, key: string, since: Date): Promise<string | null>;
}
