/**
 * The reminder outbox (SPEC §4): what the tick has enqueued, what the
 * dispatcher has delivered, and how far the tick got. Portable like the first
 * migration: text keys, ISO-8601 text times (which sort as text), integers.
 */
import type { Kysely } from 'kysely';
import { addAutoIncrementId } from './20260101000000_plan.ts';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates outbox, reminder_sent and tick_state. */
export async function up(db: AnyDb): Promise<void> {
  // One row per chat message to deliver. `key` is the idempotency key the
  // tick derives (`reminders|2020-07-22|総務部税収確保課`), also stamped into the
  // platform message so a restarted dispatcher can find what already went out.
  await addAutoIncrementId(db, db.schema.createTable('outbox'))
    .addColumn('key', 'text', (col) => col.notNull().unique())
    .addColumn('day', 'text', (col) => col.notNull())
    .addColumn('division', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('body_json', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('sent_ts', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  // The dispatcher's one query: what is due, by status and time.
  await db.schema.createIndex('outbox_status_next_attempt').on('outbox').columns(['status', 'next_attempt_at']).execute();

  // One row per reminder ever enqueued, keyed by reminderKey(): the primary key
  // is what makes a second tick, or a tick on another instance, enqueue nothing twice.
  // outbox_id is filled in the same transaction, once the message row exists;
  // no foreign key, so pruning old outbox rows never touches this record.
  await db.schema
    .createTable('reminder_sent')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('outbox_id', 'integer')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  // The last day a tick has handled, per tick name, to find the days a
  // stopped bot missed.
  await db.schema
    .createTable('tick_state')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('last_day', 'text')
    .execute();
}

/** Drops everything `up` created. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of ['tick_state', 'reminder_sent', 'outbox']) await db.schema.dropTable(table).execute();
}

