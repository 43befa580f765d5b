/**
 * Report rounds (issue 15 §1): the periodic progress report collected in
 * chat. A round is opened per plan with an "as of" date and a deadline and
 * keeps a copy of the evaluation scale it was opened with, so a round of
 * last year still reads with last year's grades after the plan's scale
 * changed. Answers and send-backs are appended, never edited: an item's
 * entries are its history (who, when, how). Portable like the earlier
 * migrations: text dates and instants, JSON as text.
 */
import { sql, type Kysely } from 'kysely';
import { addAutoIncrementId } from './20260101000000_plan.ts';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates report_round and report_entry. */
export async function up(db: AnyDb): Promise<void> {
  await addAutoIncrementId(db, db.schema.createTable('report_round'))
    // The plan's key (`fy2020`); no foreign key, so a round outlives a re-import.
    .addColumn('plan_id', 'text', (col) => col.notNull())
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('deadline', 'text', (col) => col.notNull())
    // `EvaluationScale` as JSON, as it was when the round opened.
    .addColumn('scale_json', 'text', (col) => col.notNull())
    .addColumn('opened_by', 'text', (col) => col.notNull())
    .addColumn('opened_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  // One open round per plan, whichever instance opens it: a partial unique
  // index, which SQLite and PostgreSQL both spell `… WHERE closed_at IS NULL`.
  await db.schema.createIndex('report_round_open').on('report_round').column('plan_id').unique().where(sql.ref('closed_at'), 'is', null).execute();

  await addAutoIncrementId(db, db.schema.createTable('report_entry'))
    .addColumn('round_id', 'integer', (col) => col.notNull().references('report_round.id'))
    // The item's id within the plan (`1-1`), without the plan's id prefix.
    .addColumn('item_id', 'text', (col) => col.notNull())
    // The division the entry is for: the answering division, or the one sent back to.
    .addColumn('division', 'text', (col) => col.notNull())
    // `answer` | `returned`.
    .addColumn('kind', 'text', (col) => col.notNull())
    // The four fields of an answer; null on a send-back.
    .addColumn('achievement', 'text')
    .addColumn('evaluation', 'text')
    .addColumn('issues', 'text')
    .addColumn('next_steps', 'text')
    // The coordinator's reason on a send-back; null on an answer.
    .addColumn('comment', 'text')
    .addColumn('actor', 'text', (col) => col.notNull())
    // `slack` | `teams` | `shell` | `cli` | `excel`.
    .addColumn('via', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('report_entry_round_item').on('report_entry').columns(['round_id', 'item_id', 'id']).execute();
}

/** Drops everything `up` created, entries first. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('report_entry').execute();
  await db.schema.dropTable('report_round').execute();
}
