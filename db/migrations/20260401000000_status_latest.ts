/**
 * The latest status per milestone and checkpoint, kept next to the
 * append-only history (src/domain/status-summary.ts says why): the reminder
 * tick, the commands and the digest read about 12,000 of these rows on a
 * 10,000-milestone plan instead of its 100,000 updates. The status store
 * writes a row in the same transaction as the update it sums up; this
 * migration fills it from the history already stored.
 *
 * `checkpoint_key` is the checkpoint, or '' for updates on the milestone as a
 * whole: a primary key column cannot be null on PostgreSQL.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates status_latest, fills it, and indexes the history by time for "what changed since". */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('status_latest')
    .addColumn('milestone_id', 'text', (col) => col.notNull())
    .addColumn('checkpoint_key', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    // created_at and id of the group's latest update: "latest" is by both.
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('update_id', 'integer', (col) => col.notNull())
    // The group's latest due-month revision, if any.
    .addColumn('revised_due', 'text')
    .addColumn('revised_at', 'text')
    .addColumn('revised_id', 'integer')
    .addPrimaryKeyConstraint('status_latest_pk', ['milestone_id', 'checkpoint_key'])
    .execute();

  // Filled by folding the history in time order (a database that ran
  // before this migration holds a few thousand updates at most). Written out
  // here rather than imported: a migration must not change with the code.
  const latest = new Map<string, Record<string, unknown>>();
  const updates = await db.selectFrom('status_update').selectAll().orderBy('created_at').orderBy('id').execute();
  for (const u of updates) {
    const key = `${u.milestone_id}|${u.checkpoint ?? ''}`;
    const row = latest.get(key) ?? {};
    latest.set(key, {
      ...row,
      milestone_id: u.milestone_id,
      checkpoint_key: u.checkpoint ?? '',
      status: u.status,
      created_at: u.created_at,
      update_id: u.id,
      ...(u.revised_due !== null && { revised_due: u.revised_due, revised_at: u.created_at, revised_id: u.id }),
    });
  }
  const rows = [...latest.values()];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((row) => ({ revised_due: null, revised_at: null, revised_id: null, ...row }));
    await db.insertInto('status_latest').values(chunk).execute();
  }

  await db.schema.createIndex('status_update_created').on('status_update').column('created_at').execute();
}

/** Drops what `up` created. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('status_update_created').execute();
  await db.schema.dropTable('status_latest').execute();
}
