/**
 * The weekly digest (SPEC §6): one row per ISO week whose digest was posted,
 * keyed by the week, so that two instances, or a restart, post each week's
 * digest once. Written in the same transaction as the digest's outbox
 * message. Portable like the migrations before it: text keys, ISO-8601 text
 * times, integer booleans.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates the digest table. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('digest')
    // `2020-W38`: the primary key is what makes a second post of a week impossible.
    .addColumn('week', 'text', (col) => col.primaryKey())
    // `YYYY-MM-DD`: the digest's date, the day it went out.
    .addColumn('day', 'text', (col) => col.notNull())
    // `YYYY-MM-DD`: where its "since the previous digest" started.
    .addColumn('previous_day', 'text', (col) => col.notNull())
    .addColumn('late', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('manual', 'integer', (col) => col.notNull().defaultTo(0))
    // No foreign key, like reminder_sent: pruning old outbox rows must not touch the record.
    .addColumn('outbox_id', 'integer')
    .addColumn('outbox_key', 'text')
    // The platform's id of the posted message, copied from the outbox once delivered.
    .addColumn('sent_ts', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

/** Drops the digest table. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('digest').execute();
}
