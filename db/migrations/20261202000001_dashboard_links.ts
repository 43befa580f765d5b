/**
 * Read-only dashboard links a coordinator gave out (issue 15 §3), so that
 * each can be revoked: the link's token names its row, and a revoked (or
 * unknown) row opens nothing. Personal links (`/plan dashboard`) are not
 * stored; they expire within a day. Portable like the earlier migrations.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates dashboard_link. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('dashboard_link')
    // Short and random: typed in `/plan dashboard revoke ID`.
    .addColumn('id', 'text', (col) => col.primaryKey())
    // Who it was given to, as the coordinator wrote it.
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
}

/** Drops dashboard_link. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('dashboard_link').execute();
}
