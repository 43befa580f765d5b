/**
 * Report rounds and their entries (db/migrations/20261202000000_report_rounds.ts)
 * behind the ports of src/app/report-ports.ts. The partial unique index on
 * open rounds is what refuses a second open round of a plan; entries are
 * only ever inserted.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ReportEntries, ReportRounds } from '../../app/report-ports.ts';
import type { EvaluationScale, ReportAnswerVia, ReportEntry, ReportRound } from '../../domain/report-round.ts';
import type { Database, ReportEntryTable, ReportRoundTable } from './schema.ts';
import { queueWrite } from './write-queue.ts';

/** The rounds of every plan over an open database. */
export function createReportRoundStore(db: Kysely<Database>): ReportRounds {
  const current = async (planId: string) => {
    const row = await db.selectFrom('report_round').selectAll().where('plan_id', '=', planId).where('closed_at', 'is', null).executeTakeFirst();
    return row ? roundOf(row) : null;
  };
  return {
    open: (round) =>
      queueWrite(async () => {
        // Checked first for the common case; the unique index settles a race.
        const open = await current(round.planId);
        if (open) return { ok: false as const, open };
        try {
          const row = await db
            .insertInto('report_round')
            .values({
              plan_id: round.planId,
              as_of: round.asOf,
              deadline: round.deadline,
              scale_json: JSON.stringify(round.scale),
              opened_by: round.openedBy,
              opened_at: round.openedAt,
              closed_at: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          return { ok: true as const, round: roundOf(row) };
        } catch (error) {
          const winner = await current(round.planId);
          if (winner) return { ok: false as const, open: winner };
          throw error;
        }
      }),

    current,

    async byId(id) {
      const row = await db.selectFrom('report_round').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? roundOf(row) : null;
    },

    async list(planId) {
      const rows = await db.selectFrom('report_round').selectAll().where('plan_id', '=', planId).orderBy('opened_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map(roundOf);
    },

    close: (id, at) =>
      queueWrite(async () => {
        const result = await db.updateTable('report_round').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      }),
  };
}

/** The entries of every round over an open database. */
export function createReportEntryStore(db: Kysely<Database>): ReportEntries {
  const all = async (roundId: number, itemId?: string) => {
    let query = db.selectFrom('report_entry').selectAll().where('round_id', '=', roundId);
    if (itemId !== undefined) query = query.where('item_id', '=', itemId);
    return (await query.orderBy('created_at').orderBy('id').execute()).map(entryOf);
  };
  return {
    append: (entry) =>
      queueWrite(async () => {
        const answer = entry.kind === 'answer';
        const row = await db
          .insertInto('report_entry')
          .values({
            round_id: entry.roundId,
            item_id: entry.itemId,
            division: entry.division,
            kind: entry.kind,
            achievement: answer ? entry.achievement : null,
            evaluation: answer ? entry.evaluation : null,
            issues: answer ? entry.issues : null,
            next_steps: answer ? entry.nextSteps : null,
            comment: answer ? null : entry.comment,
            actor: entry.actor,
            via: entry.via,
            created_at: entry.createdAt,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return entryOf(row);
      }),

    historyOf: (roundId, itemId) => all(roundId, itemId),
    all: (roundId) => all(roundId),

    async latestByItem(roundId) {
      const latest = new Map<string, ReportEntry>();
      for (const entry of await all(roundId)) latest.set(entry.itemId, entry);
      return latest;
    },

    async latestAnswerByItem(roundId) {
      const latest = new Map<string, Extract<ReportEntry, { kind: 'answer' }>>();
      for (const entry of await all(roundId)) if (entry.kind === 'answer') latest.set(entry.itemId, entry);
      return latest;
    },
  };
}

function roundOf(row: Selectable<ReportRoundTable>): ReportRound {
  return {
    id: Number(row.id),
    planId: row.plan_id,
    asOf: row.as_of,
    deadline: row.deadline,
    scale: JSON.parse(row.scale_json) as EvaluationScale,
    openedBy: row.opened_by,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

function entryOf(row: Selectable<ReportEntryTable>): ReportEntry {
  const common = { id: Number(row.id), roundId: Number(row.round_id), itemId: row.item_id, division: row.division, actor: row.actor, via: row.via as ReportAnswerVia, createdAt: row.created_at };
  if (row.kind === 'returned') return { kind: 'returned', ...common, comment: row.comment ?? '' };
  return { kind: 'answer', ...common, achievement: row.achievement ?? '', evaluation: row.evaluation ?? '', issues: row.issues ?? '', nextSteps: row.next_steps ?? '' };
}
