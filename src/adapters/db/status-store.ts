/**
 * The append-only status history (SPEC §1.4) and its summary. Rows of
 * status_update are never updated or deleted; "the status" of a milestone is
 * derived from its latest row, which status_latest keeps at hand: each append
 * writes both in one transaction.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { summarizeUpdates, type GroupLatest } from '../../domain/status-summary.ts';
import type { NewStatusUpdate, StatusCode, StatusUpdate, UpdateVia } from '../../domain/status-update.ts';
import type { Database, StatusLatestTable, StatusUpdateTable } from './schema.ts';
import { queueWrite } from './write-queue.ts';

/** Rows per multi-row insert: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

export interface StatusStore {
  /** Records an update and returns it with its id. */
  append(update: NewStatusUpdate): Promise<StatusUpdate>;
  /** Records many updates in one transaction (a history brought in whole); returns how many. */
  appendAll(updates: readonly NewStatusUpdate[]): Promise<number>;
  /** Every update of one milestone, oldest first. */
  history(milestoneId: string): Promise<StatusUpdate[]>;
  /** The latest update per milestone and checkpoint, with its latest due-month revision. */
  latest(): Promise<GroupLatest[]>;
  /**
   * Every update of the milestones that have one made at or after `since`
   * (an ISO instant), oldest first: with latest(), what a reader needs to
   * see the statuses as they stood at any moment from `since` on.
   */
  touchedSince(since: string): Promise<StatusUpdate[]>;
  /**
   * Changes with every append, here or in another process, once it commits
   * (a counter raised in the append's transaction): readers cache on it.
   */
  revision(): Promise<number>;
  /** Every update, oldest first. */
  all(): Promise<StatusUpdate[]>;
}

/** The plan a status store speaks for: its key, and the prefix of its stored milestone ids. */
export interface PlanScope {
  key: string;
  prefix: string;
}

/**
 * A StatusStore over the `status_update` and `status_latest` tables. With a
 * scope, it reads and writes one plan's statuses, in the plan's own
 * milestone ids (the stored ids carry the plan's prefix, see
 * db/migrations/20261201000001_plan_keys.ts); the scope is asked on every
 * call, so a store for "the default plan" follows an import. Without one, it
 * sees every row as stored.
 */
export function createStatusStore(db: Kysely<Database>, scope?: () => Promise<PlanScope | null>): StatusStore {
  const byTime = () => db.selectFrom('status_update').selectAll().orderBy('created_at').orderBy('id');
  const current = async () => (scope ? await scope() : null);
  const planMilestones = (key: string) => db.selectFrom('milestone').select('milestone.id').where('milestone.plan_id', '=', key);
  const toOwn = (plan: PlanScope | null) => (update: StatusUpdate): StatusUpdate =>
    plan && plan.prefix !== '' ? { ...update, milestoneId: update.milestoneId.slice(plan.prefix.length) } : update;
  const toStored = (plan: PlanScope | null) => (update: NewStatusUpdate): NewStatusUpdate =>
    plan && plan.prefix !== '' ? { ...update, milestoneId: `${plan.prefix}${update.milestoneId}` } : update;
  return {
    append: async (update) => {
      const plan = await current();
      return queueWrite(() =>
        db.transaction().execute(async (trx) => {
          const stored = toStatusUpdate(await trx.insertInto('status_update').values(toRow(toStored(plan)(update))).returningAll().executeTakeFirstOrThrow());
          await keepLatest(trx, summarizeUpdates([stored]).values());
          await raiseRevision(trx);
          return toOwn(plan)(stored);
        }),
      );
    },

    appendAll: async (updates) => {
      const plan = await current();
      const rowsOf = updates.map(toStored(plan));
      return queueWrite(() =>
        db.transaction().execute(async (trx) => {
          const stored: StatusUpdate[] = [];
          for (let i = 0; i < rowsOf.length; i += CHUNK) {
            const rows = await trx.insertInto('status_update').values(rowsOf.slice(i, i + CHUNK).map(toRow)).returningAll().execute();
            stored.push(...rows.map(toStatusUpdate));
          }
          await keepLatest(trx, summarizeUpdates(stored).values());
          await raiseRevision(trx);
          return stored.length;
        }),
      );
    },

    async history(milestoneId) {
      const plan = await current();
      const rows = await byTime().where('milestone_id', '=', `${plan?.prefix ?? ''}${milestoneId}`).execute();
      return rows.map(toStatusUpdate).map(toOwn(plan));
    },

    async latest() {
      const plan = await current();
      let query = db.selectFrom('status_latest').selectAll();
      if (plan) query = query.where('milestone_id', 'in', planMilestones(plan.key));
      const rows = await query.execute();
      const groups = rows.map(toGroupLatest);
      return plan && plan.prefix !== '' ? groups.map((g) => ({ ...g, milestoneId: g.milestoneId.slice(plan.prefix.length) })) : groups;
    },

    async touchedSince(since) {
      const plan = await current();
      let touched = db.selectFrom('status_update').select('milestone_id').where('created_at', '>=', since);
      if (plan) touched = touched.where('milestone_id', 'in', planMilestones(plan.key));
      const rows = await byTime().where('milestone_id', 'in', touched).execute();
      return rows.map(toStatusUpdate).map(toOwn(plan));
    },

    async revision() {
      const row = await db.selectFrom('change_counter').select('n').where('name', '=', STATUSES).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async all() {
      const plan = await current();
      let query = byTime();
      if (plan) query = query.where('milestone_id', 'in', planMilestones(plan.key));
      return (await query.execute()).map(toStatusUpdate).map(toOwn(plan));
    },
  };
}

/** The change_counter row raised by every append. */
const STATUSES = 'statuses';

/**
 * Raises the statuses counter. On PostgreSQL the row stays locked until the
 * append commits, so concurrent appends raise it in the order they commit.
 */
async function raiseRevision(trx: Transaction<Database>): Promise<void> {
  await trx
    .updateTable('change_counter')
    .set((eb) => ({ n: eb('n', '+', 1) }))
    .where('name', '=', STATUSES)
    .execute();
}

/**
 * Folds groups (each the latest of some new updates) into status_latest: a
 * row is replaced only by a later update, and its revision only by a later
 * revision, so appends that commit out of time order (an imported history,
 * two instances) leave the same rows as appends in order.
 */
async function keepLatest(trx: Transaction<Database>, groups: Iterable<GroupLatest>): Promise<void> {
  for (const group of groups) {
    const key = { milestone_id: group.milestoneId, checkpoint_key: group.checkpoint ?? '' };
    const latest = { status: group.status, created_at: group.at, update_id: group.updateId };
    await trx
      .insertInto('status_latest')
      .values({ ...key, ...latest, revised_due: null, revised_at: null, revised_id: null })
      .onConflict((oc) =>
        oc
          .columns(['milestone_id', 'checkpoint_key'])
          .doUpdateSet(latest)
          .where((eb) =>
            eb.or([
              eb('status_latest.created_at', '<', group.at),
              eb.and([eb('status_latest.created_at', '=', group.at), eb('status_latest.update_id', '<', group.updateId)]),
            ]),
          ),
      )
      .execute();
    const revised = group.revised;
    if (!revised) continue;
    await trx
      .updateTable('status_latest')
      .set({ revised_due: revised.due, revised_at: revised.at, revised_id: revised.updateId })
      .where('milestone_id', '=', key.milestone_id)
      .where('checkpoint_key', '=', key.checkpoint_key)
      .where((eb) =>
        eb.or([
          eb('revised_at', 'is', null),
          eb('revised_at', '<', revised.at),
          eb.and([eb('revised_at', '=', revised.at), eb('revised_id', '<', revised.updateId)]),
        ]),
      )
      .execute();
  }
}

function toRow(update: NewStatusUpdate) {
  return {
    milestone_id: update.milestoneId,
    checkpoint: update.checkpoint ?? null,
    status: update.status,
    comment: update.comment ?? null,
    revised_due: update.revisedDue ?? null,
    actor: update.actor,
    via: update.via,
    created_at: update.createdAt,
  };
}

function toStatusUpdate(row: Selectable<StatusUpdateTable>): StatusUpdate {
  return {
    id: Number(row.id),
    milestoneId: row.milestone_id,
    ...(row.checkpoint !== null && { checkpoint: row.checkpoint }),
    // Only append() writes these columns, from typed values.
    status: row.status as StatusCode,
    ...(row.comment !== null && { comment: row.comment }),
    ...(row.revised_due !== null && { revisedDue: row.revised_due }),
    actor: row.actor,
    via: row.via as UpdateVia,
    createdAt: row.created_at,
  };
}

function toGroupLatest(row: Selectable<StatusLatestTable>): GroupLatest {
  const group: GroupLatest = {
    milestoneId: row.milestone_id,
    checkpoint: row.checkpoint_key === '' ? null : row.checkpoint_key,
    // Only keepLatest writes these columns, from stored updates.
    status: row.status as StatusCode,
    at: row.created_at,
    updateId: Number(row.update_id),
  };
  if (row.revised_due !== null && row.revised_at !== null && row.revised_id !== null) {
    group.revised = { due: row.revised_due, at: row.revised_at, updateId: Number(row.revised_id) };
  }
  return group;
}
