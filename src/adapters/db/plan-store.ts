/**
 * Stores the plan tree. Milestone rows are never deleted: a milestone dropped
 * by a re-import is marked inactive, so its status history keeps pointing at
 * a row and comes back if the milestone does.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ImportWarning, Item, Milestone, Plan, Schedule } from '../../domain/plan.ts';
import type { Database, MilestoneTable } from './schema.ts';

/** The only plan row for now; the column leaves room for more than one plan. */
const PLAN_ID = 'current';

export interface PlanStore {
  /**
   * The stored plan with its active milestones, or null before the first
   * import. The same (frozen) object while no save has replaced it, here or
   * in another process.
   */
  load(): Promise<Plan | null>;
  /** Replaces the stored plan in one transaction; `now` is an ISO-8601 instant. */
  save(plan: Plan, sourceName: string, now: string): Promise<void>;
  /** Ids of milestones that an earlier plan had and the current one dropped. */
  listInactiveMilestoneIds(): Promise<string[]>;
}

/** A PlanStore over the tables of db/migrations/20260101000000_plan.ts. */
export function createPlanStore(db: Kysely<Database>): PlanStore {
  // Every command and tick reads the plan; it changes only on import.
  let cached: { revision: number; plan: Plan } | null = null;
  return {
    async load() {
      // One small query when nothing changed; the whole tree, in one transaction, when something did.
      const current = await db.selectFrom('plan').select('revision').where('id', '=', PLAN_ID).executeTakeFirst();
      if (current && cached?.revision === Number(current.revision)) return cached.plan;
      return db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('plan').select('revision').where('id', '=', PLAN_ID).executeTakeFirst();
        if (!row) return null;
        const revision = Number(row.revision);
        if (cached?.revision !== revision) cached = { revision, plan: deepFreeze(await loadPlan(trx)) };
        return cached.plan;
      });
    },
    save: (plan, sourceName, now) => db.transaction().execute((trx) => savePlan(trx, plan, sourceName, now)),
    async listInactiveMilestoneIds() {
      const rows = await db.selectFrom('milestone').select('id').where('active', '=', 0).orderBy('id').execute();
      return rows.map((row) => row.id);
    },
  };
}

/** Freezes `value` and everything in it: a cached plan is shared by every reader. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

async function loadPlan(trx: Transaction<Database>): Promise<Plan> {
  const planRow = await trx.selectFrom('plan').selectAll().where('id', '=', PLAN_ID).executeTakeFirstOrThrow();
  const pillarRows = await trx.selectFrom('pillar').selectAll().orderBy('position').execute();
  const initiativeRows = await trx.selectFrom('initiative').selectAll().orderBy('position').execute();
  const itemRows = await trx.selectFrom('item').selectAll().orderBy('position').execute();
  const ownerRows = await trx.selectFrom('item_owner').selectAll().orderBy('position').execute();
  const milestoneRows = await trx.selectFrom('milestone').selectAll().where('active', '=', 1).orderBy('position').execute();

  const owners = groupBy(ownerRows, (row) => row.item_id);
  const milestones = groupBy(milestoneRows, (row) => row.item_id);
  const items = groupBy(itemRows, (row) => row.initiative_id);
  const initiatives = groupBy(initiativeRows, (row) => row.pillar_id);

  return {
    version: 1,
    title: planRow.title,
    fiscalYear: planRow.fiscal_year,
    ...(planRow.published_on !== null && { publishedOn: planRow.published_on }),
    ...(planRow.coordinator !== null && { coordinator: planRow.coordinator }),
    pillars: pillarRows.map((pillar) => ({
      id: pillar.id,
      title: pillar.title,
      initiatives: (initiatives.get(pillar.id) ?? []).map((initiative) => ({
        id: initiative.id,
        title: initiative.title,
        items: (items.get(initiative.id) ?? []).map(
          (item): Item => ({
            id: item.id,
            title: item.title,
            owners: (owners.get(item.id) ?? []).map((owner) => owner.division),
            milestones: (milestones.get(item.id) ?? []).map(toMilestone),
          }),
        ),
      })),
    })),
    warnings: JSON.parse(planRow.warnings_json) as ImportWarning[],
  };
}

function toMilestone(row: Selectable<MilestoneTable>): Milestone {
  return {
    id: row.id,
    title: row.title,
    ...(row.schedule_text !== null && { scheduleText: row.schedule_text }),
    // Only savePlan writes this column, from a validated Plan.
    schedule: JSON.parse(row.schedule_json) as Schedule,
    ...(row.group_label !== null && { group: row.group_label }),
    ...(row.owners_json !== null && { owners: JSON.parse(row.owners_json) as string[] }),
  };
}

async function savePlan(trx: Transaction<Database>, plan: Plan, sourceName: string, now: string): Promise<void> {
  // Written first: on SQLite this takes the write lock at once, so a
  // concurrent writer waits (busy_timeout) instead of failing on lock upgrade.
  const planRow = {
    id: PLAN_ID,
    title: plan.title,
    fiscal_year: plan.fiscalYear,
    published_on: plan.publishedOn ?? null,
    coordinator: plan.coordinator ?? null,
    source_name: sourceName,
    imported_at: now,
    warnings_json: JSON.stringify(plan.warnings),
  };
  const { id: _planId, ...planUpdate } = planRow;
  await trx
    .insertInto('plan')
    .values(planRow)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...planUpdate, revision: (eb) => eb('plan.revision', '+', 1) }))
    .execute();

  const keep = { pillar: new Set<string>(), initiative: new Set<string>(), item: new Set<string>() };
  const owners: { item_id: string; division: string; position: number }[] = [];
  const milestones: MilestoneRow[] = [];
  for (const [pillarPosition, pillar] of plan.pillars.entries()) {
    keep.pillar.add(pillar.id);
    const pillarRow = { position: pillarPosition, title: pillar.title };
    await trx.insertInto('pillar').values({ id: pillar.id, ...pillarRow }).onConflict((oc) => oc.column('id').doUpdateSet(pillarRow)).execute();
    for (const [initiativePosition, initiative] of pillar.initiatives.entries()) {
      keep.initiative.add(initiative.id);
      const initiativeRow = { pillar_id: pillar.id, position: initiativePosition, title: initiative.title };
      await trx
        .insertInto('initiative')
        .values({ id: initiative.id, ...initiativeRow })
        .onConflict((oc) => oc.column('id').doUpdateSet(initiativeRow))
        .execute();
      for (const [itemPosition, item] of initiative.items.entries()) {
        keep.item.add(item.id);
        const itemRow = { initiative_id: initiative.id, position: itemPosition, title: item.title };
        await trx.insertInto('item').values({ id: item.id, ...itemRow }).onConflict((oc) => oc.column('id').doUpdateSet(itemRow)).execute();
        item.owners.forEach((division, position) => owners.push({ item_id: item.id, division, position }));
        item.milestones.forEach((milestone, position) => milestones.push(toMilestoneRow(milestone, item.id, position)));
      }
    }
  }

  await saveMilestones(trx, milestones, now);

  // item_owner is rewritten whole before stale items go, which its foreign key requires.
  await trx.deleteFrom('item_owner').execute();
  for (const row of owners) await trx.insertInto('item_owner').values(row).execute();

  await deleteStale(trx, 'item', keep.item);
  await deleteStale(trx, 'initiative', keep.initiative);
  await deleteStale(trx, 'pillar', keep.pillar);
}

type MilestoneRow = Omit<MilestoneTable, 'active' | 'created_at' | 'updated_at'>;

function toMilestoneRow(milestone: Milestone, itemId: string, position: number): MilestoneRow {
  return {
    id: milestone.id,
    item_id: itemId,
    position,
    title: milestone.title,
    schedule_text: milestone.scheduleText ?? null,
    schedule_json: JSON.stringify(milestone.schedule),
    group_label: milestone.group ?? null,
    owners_json: milestone.owners ? JSON.stringify(milestone.owners) : null,
  };
}

/**
 * Inserts new milestones, updates changed ones (and only those, so
 * `updated_at` means "last changed"), reactivates returning ones and
 * deactivates the ones the plan no longer has.
 */
async function saveMilestones(trx: Transaction<Database>, rows: MilestoneRow[], now: string): Promise<void> {
  const existing = new Map((await trx.selectFrom('milestone').selectAll().execute()).map((row) => [row.id, row]));
  const present = new Set<string>();
  for (const row of rows) {
    present.add(row.id);
    const old = existing.get(row.id);
    if (!old) {
      await trx.insertInto('milestone').values({ ...row, active: 1, created_at: now, updated_at: now }).execute();
    } else if (old.active !== 1 || (Object.keys(row) as (keyof MilestoneRow)[]).some((key) => old[key] !== row[key])) {
      const { id, ...changes } = row;
      await trx.updateTable('milestone').set({ ...changes, active: 1, updated_at: now }).where('id', '=', id).execute();
    }
  }
  const removed = [...existing.values()].filter((row) => row.active === 1 && !present.has(row.id)).map((row) => row.id);
  if (removed.length > 0) {
    await trx.updateTable('milestone').set({ active: 0, updated_at: now }).where('id', 'in', removed).execute();
  }
}

async function deleteStale(trx: Transaction<Database>, table: 'item' | 'initiative' | 'pillar', keep: Set<string>): Promise<void> {
  const stale = (await trx.selectFrom(table).select('id').execute()).map((row) => row.id).filter((id) => !keep.has(id));
  if (stale.length > 0) await trx.deleteFrom(table).where('id', 'in', stale).execute();
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
