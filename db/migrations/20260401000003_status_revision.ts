/**
 * A counter raised by every status append, in the same transaction. Readers
 * keep what they built from the statuses (the commands' view of the plan)
 * until it changes. The newest update id would not do on PostgreSQL: ids
 * are handed out when rows are inserted, not when they commit, so an update
 * committing after a later-numbered one would leave the newest id as it was
 * and a reader's view stale; increments of one row commit in turn.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates change_counter with the `statuses` counter, started at the number of updates stored. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('change_counter')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('n', 'integer', (col) => col.notNull())
    .execute();
  const { count } = (await db
    .selectFrom('status_update')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()) as { count: number | string | bigint };
  await db.insertInto('change_counter').values({ name: 'statuses', n: Number(count) }).execute();
}

/** Drops change_counter. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('change_counter').execute();
}
