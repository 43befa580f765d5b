/**
 * The digest table (db/migrations/20260302000000_digest.ts) behind the ports
 * of src/app/digest-port.ts. A week's row and its outbox message are written
 * in one transaction; the week's primary key makes a second digest of the
 * week impossible, whichever instance tries.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DigestOutbox, DigestRecord, DigestTransaction } from '../../app/digest-port.ts';
import { insertOutboxMessage } from './insert-outbox-message.ts';
import type { Database, DigestTable } from './schema.ts';
import { queueWrite } from './write-queue.ts';

/** The tick_state row the digest locks on; it carries no day. */
const LOCK_NAME = 'digest';

type DigestRow = Selectable<DigestTable> & { outbox_sent_ts: string | null };

/**
 * Creates the digest store over an open database, for the plan whose stored
 * ids carry `prefix` ('' for the plan stored first): its weeks are stored as
 * `PREFIX2020-W38`, so each plan has its own digest per week while the
 * first plan's rows stay as they were (db/migrations/20261201000001_plan_keys.ts).
 */
export function createDigestStore(db: Kysely<Database>, prefix = ''): DigestOutbox {
  const strip = (record: DigestRecord | null) => (record && prefix !== '' ? { ...record, week: record.week.slice(prefix.length) } : record);
  return {
    get: (week) => select(db).where('digest.week', '=', `${prefix}${week}`).executeTakeFirst().then(toRecordOrNull).then(strip),
    latestBefore: async (week) => strip(await latestBefore(db, prefix, week)),
    list: async () => {
      // Week keys start with a digit and plan keys with a letter, so
      // `PREFIX0000` up to `PREFIX:` (':' sorts after '9') holds this plan's weeks and no other's.
      const query = select(db).where('digest.week', '>=', `${prefix}0000`).where('digest.week', '<', `${prefix}:`);
      return (await query.orderBy('digest.week').execute()).map(toRecord).map((r) => strip(r)!);
    },
    digestTransaction: (now, work) => queueWrite(() => db.transaction().execute((trx) => runDigest(trx, prefix, now.toISOString(), work))),
  };
}

async function runDigest<T>(trx: Transaction<Database>, prefix: string, now: string, work: (tx: DigestTransaction) => Promise<T>): Promise<T> {
  // A write first, as in the reminder tick (outbox-store.ts): SQLite takes its
  // write lock at once and PostgreSQL locks the row, so a concurrent post
  // waits here and then reads what this one committed.
  await trx
    .insertInto('tick_state')
    .values({ name: LOCK_NAME, last_day: null })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_day: (eb) => eb.ref('tick_state.last_day') }))
    .execute();
  // The dispatcher records a delivery on the outbox row only; the digest keeps its own copy of the ts.
  await trx
    .updateTable('digest')
    .set((eb) => ({ sent_ts: eb.selectFrom('outbox').select('outbox.sent_ts').whereRef('outbox.id', '=', 'digest.outbox_id') }))
    .where('digest.sent_ts', 'is', null)
    .where('digest.outbox_id', 'is not', null)
    .execute();

  return work({
    latestBefore: async (week) => {
      const record = await latestBefore(trx, prefix, week);
      return record && prefix !== '' ? { ...record, week: record.week.slice(prefix.length) } : record;
    },

    async claimWeek(claim, replace) {
      // A replacing claim starts the week's record afresh; its message is enqueued next.
      const replacement = {
        day: claim.day,
        previous_day: claim.previousDay,
        late: claim.late ? 1 : 0,
        manual: claim.manual ? 1 : 0,
        outbox_id: null,
        outbox_key: null,
        sent_ts: null,
        updated_at: now,
      };
      const row = await trx
        .insertInto('digest')
        .values({ ...replacement, week: `${prefix}${claim.week}`, created_at: now })
        .onConflict((oc) => (replace ? oc.column('week').doUpdateSet(replacement) : oc.column('week').doNothing()))
        .returning('week')
        .executeTakeFirst();
      return row !== undefined;
    },

    async enqueue(message, week) {
      const inserted = await insertOutboxMessage(trx, message, now);
      if (week !== null) {
        await trx.updateTable('digest').set({ outbox_id: inserted.id, outbox_key: inserted.key, updated_at: now }).where('week', '=', `${prefix}${week}`).execute();
      }
      return inserted;
    },
  });
}

/** Digest rows with the ts of their outbox message, for a delivery the digest row has not copied yet. */
function select(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('digest')
    .leftJoin('outbox', 'outbox.id', 'digest.outbox_id')
    .selectAll('digest')
    .select('outbox.sent_ts as outbox_sent_ts');
}

async function latestBefore(db: Kysely<Database> | Transaction<Database>, prefix: string, week: string): Promise<DigestRecord | null> {
  // ISO week keys (`2020-W38`) sort as text in time order.
  const query = select(db).where('digest.week', '>=', `${prefix}0000`).where('digest.week', '<', `${prefix}${week}`);
  return toRecordOrNull(await query.orderBy('digest.week', 'desc').limit(1).executeTakeFirst());
}

function toRecordOrNull(row: DigestRow | undefined): DigestRecord | null {
  return row ? toRecord(row) : null;
}

function toRecord(row: DigestRow): DigestRecord {
  return {
    week: row.week,
    day: row.day,
    previousDay: row.previous_day,
    late: Number(row.late) === 1,
    manual: Number(row.manual) === 1,
    outboxId: row.outbox_id === null ? null : Number(row.outbox_id),
    outboxKey: row.outbox_key,
    sentTs: row.sent_ts ?? row.outbox_sent_ts,
    createdAt: new Date(row.created_at),
  };
}
