/**
 * Stores the plan tree. Milestone rows are never deleted: a milestone dropped
 * by a re-import is marked inactive, so its status history keeps pointing at
 * a row and comes back if the milestone does.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { chooseDefaultPlan, defaultPlanKey } from '../../domain/plan-period.ts';
import type { ImportWarning, Item, LocalDate, Milestone, Plan, Schedule } from '../../domain/plan.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { Database, MilestoneTable, PlanTable } from './schema.ts';

/** A stored plan's header: what lists and choices need without loading its tree. */
export interface StoredPlan {
  /** The key it is addressed by (`fy2020`, `gyokaku-2021`). */
  key: string;
  /** Put before every stored id of its tree: '' for the plan stored first (db/migrations/20261201000001_plan_keys.ts). */
  prefix: string;
  title: string;
  fiscalYear: number;
  sourceName: string;
  importedAt: string;
}

export interface PlanStore {
  /**
   * The default plan (chooseDefaultPlan: the current fiscal year's) with its
   * active milestones, or null before the first import. The same (frozen)
   * object while no save has replaced it, here or in another process.
   */
  load(): Promise<Plan | null>;
  /** The plan stored under `key`, like load(); null when there is none. */
  loadKey(key: string): Promise<Plan | null>;
  /** Every stored plan, by fiscal year then key. */
  list(): Promise<StoredPlan[]>;
  /** The header of the plan load() returns. */
  defaultPlan(): Promise<StoredPlan | null>;
  /**
   * Stores `plan` under `key` in one transaction (`now` is an ISO-8601
   * instant): replaces the plan of that key, or adds a new plan. Without a
   * key, the default plan (the one-plan database's way).
   */
  save(plan: Plan, sourceName: string, now: string, key?: string): Promise<StoredPlan>;
  /** Ids of milestones that an earlier version of the plan had and the current one dropped. */
  listInactiveMilestoneIds(key?: string): Promise<string[]>;
  /** The key and stored-id prefix of the plan of `key`, or of the default plan; what a plan's status store is scoped by. */
  scopeOf(key?: string): Promise<{ key: string; prefix: string } | null>;
}

export interface PlanStoreOptions {
  /** Today's local date, for the default plan; the real date in Asia/Tokyo unless given. */
  today?: () => LocalDate;
}

/** A PlanStore over the tables of db/migrations/20260101000000_plan.ts and 20261201000001_plan_keys.ts. */
export function createPlanStore(db: Kysely<Database>, options: PlanStoreOptions = {}): PlanStore {
  const today = options.today ?? (() => wallClock(new Date(), 'Asia/Tokyo').date);
  // Every command and tick reads a plan; it changes only on import.
  const cached = new Map<string, { revision: number; plan: Plan }>();
  const headers = async () => (await db.selectFrom('plan').select(['id', 'fiscal_year', 'id_prefix', 'revision']).execute()).map(toHeader);
  const loadHeader = async (header: Header | null | undefined): Promise<Plan | null> => {
    // One small query when nothing changed; the whole tree, in one transaction, when something did.
    if (!header) return null;
    if (cached.get(header.key)?.revision === header.revision) return cached.get(header.key)!.plan;
    return db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('plan').select(['id', 'fiscal_year', 'id_prefix', 'revision']).where('id', '=', header.key).executeTakeFirst();
      if (!row) return null;
      const fresh = toHeader(row);
      const hit = cached.get(fresh.key);
      if (hit?.revision === fresh.revision) return hit.plan;
      const plan = deepFreeze(await loadPlan(trx, fresh));
      cached.set(fresh.key, { revision: fresh.revision, plan });
      return plan;
    });
  };
  const defaultHeader = async () => chooseDefaultPlan(await headers(), today());
  const list = async () => (await db.selectFrom('plan').selectAll().orderBy('fiscal_year').orderBy('id').execute()).map(toStoredPlan);
  return {
    load: async () => loadHeader(await defaultHeader()),
    loadKey: async (key) => loadHeader((await headers()).find((h) => h.key === key)),
    list,
    async defaultPlan() {
      const header = await defaultHeader();
      return header ? ((await list()).find((p) => p.key === header.key) ?? null) : null;
    },
    async save(plan, sourceName, now, key) {
      const target = key ?? (await defaultHeader())?.key ?? defaultPlanKey(plan.fiscalYear);
      return db.transaction().execute((trx) => savePlan(trx, plan, target, sourceName, now));
    },
    async scopeOf(key) {
      const header = key ? (await headers()).find((h) => h.key === key) : await defaultHeader();
      return header ? { key: header.key, prefix: header.prefix } : null;
    },
    async listInactiveMilestoneIds(key) {
      const header = key ? (await headers()).find((h) => h.key === key) : await defaultHeader();
      if (!header) return [];
      const rows = await db.selectFrom('milestone').select('id').where('plan_id', '=', header.key).where('active', '=', 0).orderBy('id').execute();
      return rows.map((row) => row.id.slice(header.prefix.length));
    },
  };
}

interface Header {
  key: string;
  fiscalYear: number;
  prefix: string;
  revision: number;
}

function toHeader(row: { id: string; fiscal_year: number; id_prefix: string; revision: number }): Header {
  return { key: row.id, fiscalYear: Number(row.fiscal_year), prefix: row.id_prefix, revision: Number(row.revision) };
}

function toStoredPlan(row: Selectable<PlanTable>): StoredPlan {
  return {
    key: row.id,
    prefix: row.id_prefix,
    title: row.title,
    fiscalYear: Number(row.fiscal_year),
    sourceName: row.source_name,
    importedAt: row.imported_at,
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

async function loadPlan(trx: Transaction<Database>, header: Header): Promise<Plan> {
  const { key, prefix } = header;
  const planRow = await trx.selectFrom('plan').selectAll().where('id', '=', key).executeTakeFirstOrThrow();
  const pillarRows = await trx.selectFrom('pillar').selectAll().where('plan_id', '=', key).orderBy('position').execute();
  const initiativeRows = await trx.selectFrom('initiative').selectAll().where('plan_id', '=', key).orderBy('position').execute();
  const itemRows = await trx.selectFrom('item').selectAll().where('plan_id', '=', key).orderBy('position').execute();
  const ownerRows = await trx
    .selectFrom('item_owner')
    .selectAll('item_owner')
    .innerJoin('item', 'item.id', 'item_owner.item_id')
    .where('item.plan_id', '=', key)
    .orderBy('item_owner.position')
    .execute();
  const milestoneRows = await trx.selectFrom('milestone').selectAll().where('plan_id', '=', key).where('active', '=', 1).orderBy('position').execute();
  // Stored ids carry the plan's prefix; the plan speaks its own ids.
  const own = (id: string) => id.slice(prefix.length);

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
      id: own(pillar.id),
      title: pillar.title,
      initiatives: (initiatives.get(pillar.id) ?? []).map((initiative) => ({
        id: own(initiative.id),
        title: initiative.title,
        items: (items.get(initiative.id) ?? []).map(
          (item): Item => ({
            id: own(item.id),
            title: item.title,
            owners: (owners.get(item.id) ?? []).map((owner) => owner.division),
            milestones: (milestones.get(item.id) ?? []).map((row) => toMilestone(row, own)),
          }),
        ),
      })),
    })),
    warnings: JSON.parse(planRow.warnings_json) as ImportWarning[],
  };
}

function toMilestone(row: Selectable<MilestoneTable>, own: (id: string) => string): Milestone {
  return {
    id: own(row.id),
    title: row.title,
    ...(row.schedule_text !== null && { scheduleText: row.schedule_text }),
    // Only savePlan writes this column, from a validated Plan.
    schedule: JSON.parse(row.schedule_json) as Schedule,
    ...(row.group_label !== null && { group: row.group_label }),
    ...(row.owners_json !== null && { owners: JSON.parse(row.owners_json) as string[] }),
  };
}

async function savePlan(trx: Transaction<Database>, plan: Plan, key: string, sourceName: string, now: string): Promise<StoredPlan> {
  // Written first: on SQLite this takes the write lock at once, so a
  // concurrent writer waits (busy_timeout) instead of failing on lock upgrade.
  const planRow = {
    title: plan.title,
    fiscal_year: plan.fiscalYear,
    published_on: plan.publishedOn ?? null,
    coordinator: plan.coordinator ?? null,
    source_name: sourceName,
    imported_at: now,
    warnings_json: JSON.stringify(plan.warnings),
  };
  const updated = await trx
    .updateTable('plan')
    .set({ ...planRow, revision: (eb) => eb('plan.revision', '+', 1) })
    .where('id', '=', key)
    .returning('id_prefix')
    .executeTakeFirst();
  let prefix = updated?.id_prefix;
  if (prefix === undefined) {
    // The first plan of a database keeps bare ids, as every plan did before
    // there could be several; later ones are set apart by their key.
    const others = await trx.selectFrom('plan').select('id').limit(1).execute();
    prefix = others.length === 0 ? '' : `${key}/`;
    await trx.insertInto('plan').values({ id: key, id_prefix: prefix, ...planRow }).execute();
  }
  const stored = (id: string) => `${prefix}${id}`;

  const keep = { pillar: new Set<string>(), initiative: new Set<string>(), item: new Set<string>() };
  const owners: { item_id: string; division: string; position: number }[] = [];
  const milestones: MilestoneRow[] = [];
  for (const [pillarPosition, pillar] of plan.pillars.entries()) {
    const pillarId = stored(pillar.id);
    keep.pillar.add(pillarId);
    const pillarRow = { plan_id: key, position: pillarPosition, title: pillar.title };
    await trx.insertInto('pillar').values({ id: pillarId, ...pillarRow }).onConflict((oc) => oc.column('id').doUpdateSet(pillarRow)).execute();
    for (const [initiativePosition, initiative] of pillar.initiatives.entries()) {
      const initiativeId = stored(initiative.id);
      keep.initiative.add(initiativeId);
      const initiativeRow = { plan_id: key, pillar_id: pillarId, position: initiativePosition, title: initiative.title };
      await trx
        .insertInto('initiative')
        .values({ id: initiativeId, ...initiativeRow })
        .onConflict((oc) => oc.column('id').doUpdateSet(initiativeRow))
        .execute();
      for (const [itemPosition, item] of initiative.items.entries()) {
        const itemId = stored(item.id);
        keep.item.add(itemId);
        const itemRow = { plan_id: key, initiative_id: initiativeId, position: itemPosition, title: item.title };
        await trx.insertInto('item').values({ id: itemId, ...itemRow }).onConflict((oc) => oc.column('id').doUpdateSet(itemRow)).execute();
        item.owners.forEach((division, position) => owners.push({ item_id: itemId, division, position }));
        item.milestones.forEach((milestone, position) => milestones.push(toMilestoneRow(milestone, stored(milestone.id), key, itemId, position)));
      }
    }
  }

  await saveMilestones(trx, key, milestones, now);

  // The plan's item_owner rows are rewritten whole before stale items go, which its foreign key requires.
  const planItems = trx.selectFrom('item').select('id').where('plan_id', '=', key);
  await trx.deleteFrom('item_owner').where('item_id', 'in', planItems).execute();
  for (const row of owners) await trx.insertInto('item_owner').values(row).execute();

  await deleteStale(trx, 'item', key, keep.item);
  await deleteStale(trx, 'initiative', key, keep.initiative);
  await deleteStale(trx, 'pillar', key, keep.pillar);
  const row = await trx.selectFrom('plan').selectAll().where('id', '=', key).executeTakeFirstOrThrow();
  return toStoredPlan(row);
}

type MilestoneRow = Omit<MilestoneTable, 'active' | 'created_at' | 'updated_at'>;

function toMilestoneRow(milestone: Milestone, id: string, planId: string, itemId: string, position: number): MilestoneRow {
  return {
    id,
    plan_id: planId,
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
async function saveMilestones(trx: Transaction<Database>, planId: string, rows: MilestoneRow[], now: string): Promise<void> {
  const existing = new Map((await trx.selectFrom('milestone').selectAll().where('plan_id', '=', planId).execute()).map((row) => [row.id, row]));
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

async function deleteStale(trx: Transaction<Database>, table: 'item' | 'initiative' | 'pillar', planId: string, keep: Set<string>): Promise<void> {
  const stale = (await trx.selectFrom(table).select('id').where('plan_id', '=', planId).execute()).map((row) => row.id).filter((id) => !keep.has(id));
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
