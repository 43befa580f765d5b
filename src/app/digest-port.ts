/**
 * The record of weekly digests as the use cases see it (SPEC §6: posted once
 * per week, stored with its message ts). The digest goes out through the
 * outbox like any reminder, so leases, pacing and the after-crash check are
 * the outbox's; this port adds the one-per-week ledger written in the same
 * transaction as the message.
 */
import type { LocalDate } from '../domain/plan.ts';
import type { NewOutboxMessage } from './outbox-port.ts';

/** One week's digest as recorded. */
export interface DigestRecord {
  /** The ISO week, `2020-W38`. */
  week: string;
  /** The digest's date: the day it went out. */
  day: LocalDate;
  /** Where its "since the previous digest" started. */
  previousDay: LocalDate;
  late: boolean;
  /** True when a coordinator's `/plan digest post --replace` made it the week's digest. */
  manual: boolean;
  outboxId: number | null;
  outboxKey: string | null;
  /** The platform's id of the posted message, once the outbox delivered it. */
  sentTs: string | null;
  createdAt: Date;
}

/** What a week's record says before its message exists. */
export interface DigestClaim {
  week: string;
  day: LocalDate;
  previousDay: LocalDate;
  late: boolean;
  manual: boolean;
}

/** Reading the record. */
export interface DigestLedger {
  /** The week's digest, or null when it has none yet. */
  get(week: string): Promise<DigestRecord | null>;
  /** The latest digest of an ISO week before `week`, or null when there is none. */
  latestBefore(week: string): Promise<DigestRecord | null>;
  /** Every week's digest, oldest first. */
  list(): Promise<DigestRecord[]>;
}

/** The writes of one digest post; see DigestOutbox.digestTransaction. */
export interface DigestTransaction {
  latestBefore(week: string): Promise<DigestRecord | null>;
  /**
   * Records `claim` as its week's digest. False when the week has a digest
   * already, unless `replace`: then the claim takes the week's place.
   */
  claimWeek(claim: DigestClaim, replace: boolean): Promise<boolean>;
  /** Inserts the message into the outbox and, with `week`, ties it to that week's record. */
  enqueue(message: NewOutboxMessage, week: string | null): Promise<{ id: number; key: string }>;
}

/** What posting a digest needs. */
export interface DigestOutbox extends DigestLedger {
  /**
   * Runs `work` in one transaction that holds the write lock from its first
   * statement, so that concurrent posts (two instances, a cron firing during
   * a start-up catch-up) take turns and each sees what the one before committed.
   */
  digestTransaction<T>(now: Date, work: (tx: DigestTransaction) => Promise<T>): Promise<T>;
}
