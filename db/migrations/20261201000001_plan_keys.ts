/**
 * Several plans in one database (issue 13): the plan row's id becomes the
 * short key a coordinator addresses it by (`fy2020`, `gyokaku-2021`), and
 * every row of the plan tree says which plan it belongs to.
 *
 * Rows keep their ids: the plan that was there before gets an empty id
 * prefix, so its milestones, status history, reminder keys and outbox keys
 * stay exactly as they were. Plans stored later get the prefix `KEY/` on
 * every stored id (the plan store adds and strips it), which keeps ids
 * unique across plans without changing any primary key.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

const TREE_TABLES = ['pillar', 'initiative', 'item', 'milestone'] as const;

/** Adds plan.id_prefix and plan_id on the tree tables; names the existing plan `fyYYYY`. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('plan').addColumn('id_prefix', 'text', (col) => col.notNull().defaultTo('')).execute();
  for (const table of TREE_TABLES) {
    await db.schema.alterTable(table).addColumn('plan_id', 'text', (col) => col.notNull().defaultTo('')).execute();
  }
  // Before this migration a database held at most one plan, with the id 'current'.
  const plans = (await db.selectFrom('plan').select(['id', 'fiscal_year']).execute()) as { id: string; fiscal_year: number }[];
  for (const plan of plans) {
    const key = `fy${Number(plan.fiscal_year)}`;
    await db.updateTable('plan').set({ id: key }).where('id', '=', plan.id).execute();
    for (const table of TREE_TABLES) await db.updateTable(table).set({ plan_id: key }).execute();
  }
  await db.schema.createIndex('milestone_plan').on('milestone').columns(['plan_id', 'id']).execute();
}

/** Only for a database that holds one plan: puts it back as 'current'. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('milestone_plan').execute();
  for (const table of TREE_TABLES) await db.schema.alterTable(table).dropColumn('plan_id').execute();
  await db.schema.alterTable('plan').dropColumn('id_prefix').execute();
  await db.updateTable('plan').set({ id: 'current' }).execute();
}
