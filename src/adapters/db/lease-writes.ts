/**
 * The dispatcher's two writes per message (take its lease, record it sent),
 * merged across the channels it serves at once. One statement each made them
 * the bottleneck of a fan-out (scripts/bench/teams-fan-out.ts, 50 channels):
 * on SQLite every commit waits for the disk on the bot's only thread (half a
 * millisecond here, two per card), on PostgreSQL every statement is a round
 * trip and a commit queued for one of the pool's connections (35–80 ms per
 * write in the fan-out's first second).
 *
 * The claims asked for in one turn of the event loop now go out as one
 * UPDATE … RETURNING, the records of delivery as another, and on SQLite a
 * turn's writes share one commit. Every statement keeps its per-message
 * conditions (due, lease free; lease still ours), so what each message gets
 * is what its own statement would have given it. Each caller hears its own
 * result once it is committed, never before; if a merged statement fails,
 * its messages are written one by one, so only a message's own error
 * reaches its caller.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, OutboxTable } from './schema.ts';
import { queueWrite } from './write-queue.ts';

type Connection = Kysely<Database> | Transaction<Database>;
type OutboxRow = Selectable<OutboxTable>;

export interface ClaimRequest {
  id: number;
  owner: string;
  now: Date;
  leaseUntil: Date;
  fresh: boolean;
}

export interface SentRequest {
  id: number;
  owner: string;
  sentTs: string;
  now: Date;
}

export interface LeaseWrites {
  /** The row as claimed, or null when it is not due, leased by another, or (fresh) tried before. */
  claim(request: ClaimRequest): Promise<OutboxRow | null>;
  /** False when the lease was lost. */
  markSent(request: SentRequest): Promise<boolean>;
  /** Any other lease write (reschedule, give up): its own statement, in turn with the rest. */
  write<T>(write: (conn: Connection) => Promise<T>): Promise<T>;
}

type Op =
  | { kind: 'claim'; request: ClaimRequest; settle: Settle<OutboxRow | null> }
  | { kind: 'sent'; request: SentRequest; settle: Settle<boolean> }
  | { kind: 'write'; write: (conn: Connection) => Promise<unknown>; settle: Settle<unknown> };

interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** Ids per statement: far below both databases' bound-parameter limits. */
const MAX_IDS = 500;

/** Merged lease writes over `db`; `shareCommit` (SQLite) runs each turn's writes in one transaction. */
export function createLeaseWrites(db: Kysely<Database>, options: { shareCommit: boolean }): LeaseWrites {
  let waiting: Op[] = [];
  let scheduled = false;
  // One batch waits at a time: it takes every write asked for until it starts,
  // so while a batch is in the database the next one gathers what arrives.
  const flush = () =>
    void queueWrite(() => {
      scheduled = false;
      const batch = waiting;
      waiting = [];
      return writeBatch(db, batch, options.shareCommit);
    });
  const enqueue = <T>(make: (settle: Settle<T>) => Op) =>
    new Promise<T>((resolve, reject) => {
      waiting.push(make({ resolve, reject }));
      if (scheduled) return;
      scheduled = true;
      // After the turn's I/O callbacks have run, so that one turn's writes go together.
      setImmediate(flush);
    });
  return {
    claim: (request) => enqueue((settle) => ({ kind: 'claim', request, settle })),
    markSent: (request) => enqueue((settle) => ({ kind: 'sent', request, settle })),
    write: <T>(write: (conn: Connection) => Promise<T>) => enqueue<T>((settle) => ({ kind: 'write', write, settle: settle as Settle<unknown> })),
  };
}

/** Writes a batch and settles every op; results reach callers only after the commit. */
async function writeBatch(db: Kysely<Database>, batch: readonly Op[], shareCommit: boolean): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = shareCommit ? await db.transaction().execute((trx) => runOps(trx, batch, false)) : await runOps(db, batch, true);
  } catch (error) {
    // The shared commit failed: nothing of the batch is on disk.
    for (const op of batch) op.settle.reject(error);
    return;
  }
  batch.forEach((op, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) (op.settle as Settle<unknown>).resolve(outcome.value);
    else op.settle.reject(outcome.error);
  });
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs a batch's ops on `conn`, merged where they can be; one outcome per op,
 * in order. The statements touch different messages, so without a shared
 * transaction (PostgreSQL) they go out at once, each on a connection of the pool.
 */
async function runOps(conn: Connection, batch: readonly Op[], parallel: boolean): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(batch.length);
  const groups = new Map<string, number[]>();
  const units: Array<() => Promise<void>> = [];
  const writes: Array<() => Promise<void>> = [];
  for (const [i, op] of batch.entries()) {
    if (op.kind === 'write') {
      writes.push(async () => {
        outcomes[i] = await outcomeOf(() => op.write(conn));
      });
      continue;
    }
    const group = op.kind === 'claim' ? `claim|${op.request.owner}|${op.request.fresh}` : `sent|${op.request.owner}`;
    const members = groups.get(group);
    if (members) members.push(i);
    else groups.set(group, [i]);
  }
  for (const members of groups.values()) {
    for (let start = 0; start < members.length; start += MAX_IDS) {
      const part = members.slice(start, start + MAX_IDS);
      units.push(async () => {
        try {
          const results = await runMerged(conn, part.map((i) => batch[i]!));
          part.forEach((i, k) => (outcomes[i] = { ok: true, value: results[k] }));
        } catch {
          // One message's trouble must not become the others': each on its own.
          for (const i of part) outcomes[i] = await outcomeOf(async () => (await runMerged(conn, [batch[i]!]))[0]);
        }
      });
    }
  }
  units.push(...writes);
  if (parallel) await Promise.all(units.map((unit) => unit()));
  else for (const unit of units) await unit();
  return outcomes;
}

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** One statement for ops of one kind, owner (and freshness); their results in order. */
async function runMerged(conn: Connection, ops: readonly Op[]): Promise<unknown[]> {
  const ids = ops.map((op) => (op.kind === 'write' ? -1 : op.request.id));
  const first = ops[0]!;
  if (first.kind === 'claim') {
    const requests = ops.map((op) => (op as Extract<Op, { kind: 'claim' }>).request);
    // The latest moment of the turn: a message due at its caller's moment is due at it, and a lease run out then is out now.
    const at = latest(requests.map((r) => r.now)).toISOString();
    const leaseUntil = latest(requests.map((r) => r.leaseUntil)).toISOString();
    let query = conn
      .updateTable('outbox')
      .set({ status: 'sending', lease_owner: first.request.owner, lease_until: leaseUntil, updated_at: at })
      .where('id', 'in', ids)
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]));
    // Only insertion produces this state (every later transition changes
    // status, attempts or last_error), so a message claimed in it was never tried.
    if (first.request.fresh) query = query.where('status', '=', 'pending').where('attempts', '=', 0).where('last_error', 'is', null);
    const rows = new Map((await query.returningAll().execute()).map((row) => [Number(row.id), row]));
    return ids.map((id) => once(rows, id) ?? null);
  }
  if (first.kind === 'sent') {
    const requests = ops.map((op) => (op as Extract<Op, { kind: 'sent' }>).request);
    const at = latest(requests.map((r) => r.now)).toISOString();
    const sentTs = sql<string>`case ${sql.ref('id')} ${sql.join(
      requests.map((r) => sql`when ${r.id} then ${r.sentTs}`),
      sql` `,
    )} end`;
    const rows = await conn
      .updateTable('outbox')
      .set({ status: 'sent', sent_ts: sentTs, sent_at: at, last_error: null, lease_owner: null, lease_until: null, updated_at: at })
      .where('id', 'in', ids)
      .where('status', '=', 'sending')
      .where('lease_owner', '=', first.request.owner)
      .returning('id')
      .execute();
    const recorded = new Map(rows.map((row) => [Number(row.id), true]));
    return ids.map((id) => once(recorded, id) ?? false);
  }
  throw new Error('a plain write is not merged');
}

/** A result goes to one caller only, should one message be asked for twice in a turn. */
function once<T>(results: Map<number, T>, id: number): T | undefined {
  const result = results.get(id);
  results.delete(id);
  return result;
}

function latest(dates: readonly Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}
