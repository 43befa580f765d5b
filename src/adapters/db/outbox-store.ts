/**
 * The outbox tables of db/migrations/20260201000000_outbox.ts behind the
 * ports of src/app/outbox-port.ts. Every write is one statement or one
 * transaction, and every dispatcher write is conditional on the lease, so two
 * dispatchers (two processes, two instances) never act on the same message.
 */
import { SqliteAdapter, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { OutboxMessageBody } from '../../app/ports.ts';
import type { OutboxAdmin, OutboxEntry, OutboxQueue, OutboxStatus, ReminderOutbox, TickTransaction } from '../../app/outbox-port.ts';
import type { Database, OutboxTable } from './schema.ts';
import { insertOutboxMessage } from './insert-outbox-message.ts';
import { createLeaseWrites, type LeaseWrites } from './lease-writes.ts';
import { queueWrite } from './write-queue.ts';

export type OutboxStore = ReminderOutbox & OutboxQueue & OutboxAdmin;

/**
 * Rows per multi-row statement: 3 parameters a row stays far below SQLite's
 * (32,766) and PostgreSQL's (65,535) bound-parameter limits, and a busy
 * day's 15,000 reminder keys take 8 statements instead of 50.
 */
const CHUNK = 2000;

/** Creates the outbox store over an open database. */
export function createOutboxStore(db: Kysely<Database>): OutboxStore {
  // The dispatcher's writes, merged per turn of the event loop (lease-writes.ts); on SQLite they also share a commit.
  const leaseWrites = createLeaseWrites(db, { shareCommit: db.getExecutor().adapter instanceof SqliteAdapter });
  return {
    tickTransaction: (name, now, work) => queueWrite(() => db.transaction().execute((trx) => runTick(trx, name, now.toISOString(), work))),

    async listDue(now, limit) {
      const at = now.toISOString();
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', 'in', ['pending', 'sending'])
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toEntry);
    },

    async nextDueAt() {
      const pending = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min<string | null>('next_attempt_at').as('at'))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      // A message in `sending` becomes due again when its lease runs out (its dispatcher died).
      const sending = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.min<string | null>('lease_until').as('at'))
        .where('status', '=', 'sending')
        .executeTakeFirst();
      const times = [pending?.at, sending?.at].filter((at): at is string => typeof at === 'string').sort();
      return times[0] === undefined ? null : new Date(times[0]);
    },

    claim: async (id, { owner, now, leaseUntil, fresh }) => {
      const row = await leaseWrites.claim({ id, owner, now, leaseUntil, fresh });
      return row ? toEntry(row) : null;
    },

    markSent: (id, owner, sentTs, now) => leaseWrites.markSent({ id, owner, sentTs, now }),

    reschedule: (id, owner, next, now) =>
      whileLeased(leaseWrites, id, owner, {
        status: 'pending',
        attempts: next.attempts,
        next_attempt_at: next.at.toISOString(),
        last_error: next.error,
        lease_owner: null,
        lease_until: null,
        updated_at: now.toISOString(),
      }),

    markFailed: (id, owner, failure, now) =>
      whileLeased(leaseWrites, id, owner, {
        status: 'failed',
        attempts: failure.attempts,
        last_error: failure.error,
        lease_owner: null,
        lease_until: null,
        updated_at: now.toISOString(),
      }),

    async list(filter = {}) {
      let query = db.selectFrom('outbox').selectAll().orderBy('id');
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.execute()).map(toEntry);
    },

    async get(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    async byKey(key) {
      const row = await db.selectFrom('outbox').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    retry: (id, update, now) =>
      queueWrite(async () => {
        // last_error stays: it tells the next claimer that the message was
        // tried before, so it checks the channel before sending again.
        const result = await db
          .updateTable('outbox')
          .set({
            status: 'pending',
            attempts: 0,
            next_attempt_at: now.toISOString(),
            channel: update.channel,
            body_json: JSON.stringify(update.body),
            lease_owner: null,
            lease_until: null,
            updated_at: now.toISOString(),
          })
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .executeTakeFirst();
        return Number(result.numUpdatedRows) === 1;
      }),
  };
}

async function runTick<T>(trx: Transaction<Database>, name: string, now: string, work: (tx: TickTransaction) => Promise<T>): Promise<T> {
  // An upsert that always writes comes first: on SQLite it takes the write
  // lock at once, on PostgreSQL it locks the row, so a concurrent tick waits
  // here and then reads what this one committed (instead of failing on a lock
  // upgrade halfway through).
  await trx
    .insertInto('tick_state')
    .values({ name, last_day: null })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_day: (eb) => eb.ref('tick_state.last_day') }))
    .execute();
  const state = await trx.selectFrom('tick_state').select('last_day').where('name', '=', name).executeTakeFirstOrThrow();

  const tx: TickTransaction = {
    lastDay: state.last_day,

    async unrecorded(keys) {
      const fresh = new Set(keys);
      for (const chunk of chunks([...fresh])) {
        const known = await trx.selectFrom('reminder_sent').select('key').where('key', 'in', chunk).execute();
        for (const row of known) fresh.delete(row.key);
      }
      return fresh;
    },

    async enqueue(message, reminderKeys) {
      const { id, key } = await insertOutboxMessage(trx, message, now);
      // A plain insert: a key already recorded breaks the primary key and
      // rolls the tick back, instead of sending that reminder a second time.
      for (const chunk of chunks([...new Set(reminderKeys)])) {
        await trx
          .insertInto('reminder_sent')
          .values(chunk.map((reminder) => ({ key: reminder, outbox_id: id, created_at: now })))
          .execute();
      }
      return { id, key };
    },

    async setLastDay(day) {
      // Only forward: a tick with a clock set back must not make later days look missed again.
      await trx
        .updateTable('tick_state')
        .set({ last_day: day })
        .where('name', '=', name)
        .where((eb) => eb.or([eb('last_day', 'is', null), eb('last_day', '<', day)]))
        .execute();
    },
  };
  return work(tx);
}

type LeasedUpdate = Partial<Omit<Selectable<OutboxTable>, 'id' | 'key'>>;

/** Applies `changes` only while `owner` still holds the lease on message `id`. */
function whileLeased(leaseWrites: LeaseWrites, id: number, owner: string, changes: LeasedUpdate): Promise<boolean> {
  return leaseWrites.write(async (conn) => {
    const result = await conn
      .updateTable('outbox')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

function toEntry(row: Selectable<OutboxTable>): OutboxEntry {
  return {
    id: Number(row.id),
    key: row.key,
    day: row.day,
    division: row.division,
    channel: row.channel,
    // Only the tick, the digest and retry write this column, from a typed message body.
    body: JSON.parse(row.body_json) as OutboxMessageBody,
    status: row.status as OutboxStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until === null ? null : new Date(row.lease_until),
    sentTs: row.sent_ts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
