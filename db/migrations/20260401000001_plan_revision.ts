/**
 * A revision number on the stored plan, raised by every save, so that a
 * process can keep the plan it loaded (10,000 milestones take tens of ms to
 * read) and know with one small query whether another process replaced it.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Adds plan.revision. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan').addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1)).execute();
}

/** Drops plan.revision. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan').dropColumn('revision').execute();
}
