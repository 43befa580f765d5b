/**
 * The plan tree and the status history. Written to run unchanged on SQLite
 * and PostgreSQL: text ids, ISO-8601 text timestamps, integer booleans, JSON
 * as text. The one construct that differs, the auto-numbered id, lives in
 * `addAutoIncrementId`.
 */
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type, hence
// `any`, as Kysely's migration docs recommend.
type AnyDb = Kysely<any>;

/** Creates the plan tables and the status history. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('fiscal_year', 'integer', (col) => col.notNull())
    .addColumn('published_on', 'text')
    .addColumn('coordinator', 'text')
    .addColumn('source_name', 'text', (col) => col.notNull())
    .addColumn('imported_at', 'text', (col) => col.notNull())
    .addColumn('warnings_json', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('pillar')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('initiative')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('pillar_id', 'text', (col) => col.notNull().references('pillar.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('item')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('initiative_id', 'text', (col) => col.notNull().references('initiative.id'))
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('item_owner')
    .addColumn('item_id', 'text', (col) => col.notNull().references('item.id').onDelete('cascade'))
    .addColumn('division', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('item_owner_pk', ['item_id', 'division'])
    .execute();

  // item_id has no foreign key on purpose: an item dropped from the plan is
  // deleted, but its milestones stay (inactive) so their history survives.
  await db.schema
    .createTable('milestone')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('item_id', 'text', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('schedule_text', 'text')
    .addColumn('schedule_json', 'text', (col) => col.notNull())
    .addColumn('group_label', 'text')
    .addColumn('owners_json', 'text')
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  await addAutoIncrementId(db, db.schema.createTable('status_update'))
    .addColumn('milestone_id', 'text', (col) => col.notNull().references('milestone.id'))
    .addColumn('checkpoint', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .addColumn('revised_due', 'text')
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('via', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createIndex('status_update_milestone_created')
    .on('status_update')
    .columns(['milestone_id', 'created_at'])
    .execute();
}

/** Drops everything `up` created, dependents first. */
export async function down(db: AnyDb): Promise<void> {
  for (const table of ['status_update', 'milestone', 'item_owner', 'item', 'initiative', 'pillar', 'plan']) {
    await db.schema.dropTable(table).execute();
  }
}

/**
 * The only dialect switch in the migrations: SQLite numbers rows with
 * `integer primary key autoincrement` (never reusing an id, so history ids
 * stay monotonic); PostgreSQL uses an identity column. The PostgreSQL branch
 * is untested until that dialect lands. Later migrations import it from here,
 * so every table numbers its rows the same way.
 */
export function addAutoIncrementId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    return table.addColumn('id', 'integer', (col) => col.generatedByDefaultAsIdentity().primaryKey());
  }
  return table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());
}
