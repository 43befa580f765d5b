/**
 * The append-only status history (SPEC §1.4). Rows are never updated or
 * deleted; "the status" of a milestone is derived from its latest row.
 */
import type { Kysely, Selectable } from 'kysely';
import { statusKey, type NewStatusUpdate, type StatusCode, type StatusUpdate, type UpdateVia } from '../../domain/status-update.ts';
import type { Database, StatusUpdateTable } from './schema.ts';

export interface StatusStore {
  /** Records an update and returns it with its id. */
  append(update: NewStatusUpdate): Promise<StatusUpdate>;
  /** Every update of one milestone, oldest first. */
  history(milestoneId: string): Promise<StatusUpdate[]>;
  /**
   * The latest update per milestone and checkpoint, keyed by
   * `statusKey(milestoneId, checkpoint)`: `1-1-2|` for the milestone as a
   * whole, `1-1-2|2020-08` for a checkpoint.
   */
  latestByMilestone(): Promise<Map<string, StatusUpdate>>;
  /** Every update, oldest first: what the reminder policy folds into milestone states. */
  all(): Promise<StatusUpdate[]>;
}

/** A StatusStore over the `status_update` table. */
export function createStatusStore(db: Kysely<Database>): StatusStore {
  return {
    async append(update) {
      const row = await db
        .insertInto('status_update')
        .values({
          milestone_id: update.milestoneId,
          checkpoint: update.checkpoint ?? null,
          status: update.status,
          comment: update.comment ?? null,
          revised_due: update.revisedDue ?? null,
          actor: update.actor,
          via: update.via,
          created_at: update.createdAt,
        })
        // RETURNING works on SQLite ≥ 3.35 and PostgreSQL alike.
        .returningAll()
        .executeTakeFirstOrThrow();
      return toStatusUpdate(row);
    },

    async history(milestoneId) {
      const rows = await db
        .selectFrom('status_update')
        .selectAll()
        .where('milestone_id', '=', milestoneId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toStatusUpdate);
    },

    async all() {
      const rows = await db.selectFrom('status_update').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toStatusUpdate);
    },
    async latestByMilestone() {
      // "Latest" is by created_at, then id: callers supply created_at (a
      // virtual clock, an imported history), so it need not follow id order.
      // The whole history is a few thousand rows, so folding it here is
      // simpler than a per-dialect "latest row per group" query.
      const rows = await db.selectFrom('status_update').selectAll().orderBy('created_at').orderBy('id').execute();
      const latest = new Map<string, StatusUpdate>();
      for (const row of rows) {
        const update = toStatusUpdate(row);
        latest.set(statusKey(update.milestoneId, update.checkpoint), update);
      }
      return latest;
    },
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
