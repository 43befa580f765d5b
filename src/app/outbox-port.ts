/**
 * The outbox as the use cases see it (SPEC §4): the tick writes messages in,
 * the dispatcher takes them out, the `outbox` command inspects and retries.
 * One store implements all three views; each use case asks for the one it needs.
 */
import type { LocalDate } from '../domain/plan.ts';
import type { OutboxMessageBody } from './ports.ts';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * `pending`: waiting for its next attempt. `sending`: claimed by a dispatcher
 * (its lease may have expired after a crash). `sent`: delivered, `sentTs`
 * recorded. `failed`: given up; stays visible until retried.
 */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A message the tick hands to the outbox. */
export interface NewOutboxMessage {
  /** The key to use, unless a message already has it: then `key|2`, `key|3`, … */
  baseKey: string;
  day: LocalDate;
  division: string;
  channel: string;
  body: OutboxMessageBody;
}

/** One outbox row. */
export interface OutboxEntry {
  id: number;
  key: string;
  day: LocalDate;
  division: string;
  channel: string;
  body: OutboxMessageBody;
  status: OutboxStatus;
  /** Failed delivery attempts so far (rate limiting does not count). */
  attempts: number;
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  sentTs: string | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

/** The writes of one tick; see ReminderOutbox.tickTransaction. */
export interface TickTransaction {
  /** The last day this tick handled before, or null if it never ran. */
  readonly lastDay: LocalDate | null;
  /**
   * The reminders (by reminderKey) no earlier tick recorded. Only those may
   * go into a message; they stay unrecorded until this transaction ends,
   * since concurrent ticks take turns (tickTransaction).
   */
  unrecorded(keys: readonly string[]): Promise<Set<string>>;
  /**
   * Inserts a message and records `reminderKeys` as sent in it; returns its
   * id and the key it got. A key recorded before fails the transaction
   * rather than let a reminder go out twice.
   */
  enqueue(message: NewOutboxMessage, reminderKeys: readonly string[]): Promise<{ id: number; key: string }>;
  /** Moves the tick's last handled day. */
  setLastDay(day: LocalDate): Promise<void>;
}

/** What the reminder tick needs. */
export interface ReminderOutbox {
  /**
   * Runs `work` in one transaction that holds the write lock from its first
   * statement, so concurrent ticks (threads, processes, instances) take turns
   * and each sees what the one before committed. `name` tells periodic jobs apart.
   */
  tickTransaction<T>(name: string, now: Date, work: (tx: TickTransaction) => Promise<T>): Promise<T>;
}

/** What the dispatcher needs. Every write is conditional and says whether it applied. */
export interface OutboxQueue {
  /** Pending or sending messages whose attempt is due and whose lease is free or expired, oldest first. */
  listDue(now: Date, limit: number): Promise<OutboxEntry[]>;
  /** The earliest moment a message will be due (a next attempt or a lease running out), or null when none waits. */
  nextDueAt(): Promise<Date | null>;
  /**
   * Takes a lease on a due message; null when another dispatcher has it (or it
   * is no longer due). With `fresh`, claims only a message never tried before,
   * so that a caller who saw it fresh may skip the already-delivered check.
   * Returns the row as claimed.
   */
  claim(id: number, claim: { owner: string; now: Date; leaseUntil: Date; fresh: boolean }): Promise<OutboxEntry | null>;
  /** Records delivery. False when the lease was lost (another dispatcher took over). */
  markSent(id: number, owner: string, sentTs: string, now: Date): Promise<boolean>;
  /** Returns the message to pending for a later attempt. False when the lease was lost. */
  reschedule(id: number, owner: string, next: { at: Date; attempts: number; error: string }, now: Date): Promise<boolean>;
  /** Gives up on a message; it stays listed as failed. False when the lease was lost. */
  markFailed(id: number, owner: string, failure: { attempts: number; error: string }, now: Date): Promise<boolean>;
}

/** What the `outbox` command needs. */
export interface OutboxAdmin {
  /** Messages oldest first, optionally only those with one status. */
  list(filter?: { status?: OutboxStatus }): Promise<OutboxEntry[]>;
  get(id: number): Promise<OutboxEntry | null>;
  /** The message with this outbox key (a card's buttons carry it), or null. */
  byKey(key: string): Promise<OutboxEntry | null>;
  /**
   * Makes a failed message pending again with a fresh attempt budget, sent to
   * `channel` with `body` (the recipient may have been fixed since). False
   * when the message is not (or no longer) failed.
   */
  retry(id: number, update: { channel: string; body: OutboxMessageBody }, now: Date): Promise<boolean>;
}
