import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { summarizeUpdates, type GroupLatest } from '../../../src/domain/status-summary.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

/**
 * The tables of the database's own schema. On PostgreSQL, Kysely's
 * introspection lists every schema, and other test files run in schemas of
 * their own on the same server at the same time.
 */
async function ownTables(db: Kysely<Database>) {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.schema)) return tables;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return tables.filter((t) => t.schema === rows[0]?.schema);
}

const TABLES = ['change_counter', 'dashboard_link', 'digest', 'initiative', 'item', 'item_owner', 'milestone', 'outbox', 'pillar', 'plan', 'reminder_sent', 'report_entry', 'report_round', 'status_latest', 'status_update', 'teams_conversation', 'tick_state', 'user_pref'];
const MIGRATIONS = ['20260101000000_plan', '20260201000000_outbox', '20260301000000_user_prefs', '20260302000000_digest', '20260401000000_status_latest', '20260401000001_plan_revision', '20260401000002_reminder_key_date_first', '20260401000003_status_revision', '20261201000000_teams_conversations', '20261201000001_plan_keys', '20261202000000_report_rounds', '20261202000001_dashboard_links'];

for (const dialect of DIALECTS) {
  describe(`openDatabase (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('runs the migrations on open', async () => {
      const tables = (await ownTables(test.db)).map((table) => table.name).sort();
      expect(tables).toEqual(TABLES);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(test.db);
      expect(applied.rows.map((row) => row.name)).toEqual(MIGRATIONS);
    });

    it('opens an up-to-date database again without migrating twice', async () => {
      await closeDatabase(test.db);
      test.db = await openDatabase(test.url);
      const applied = await sql<{ count: number }>`select count(*) as count from kysely_migration`.execute(test.db);
      expect(Number(applied.rows[0]?.count)).toBe(MIGRATIONS.length);
      expect((await ownTables(test.db)).length).toBe(TABLES.length);
    });

    it('enforces foreign keys', async () => {
      const orphan = test.db.insertInto('initiative').values({ id: '1', plan_id: 'fy2020', pillar_id: 'nowhere', position: 0, title: 'x' }).execute();
      await expect(orphan).rejects.toThrow(/FOREIGN KEY/i);
    });
  });
}

describe('openDatabase (sqlite specifics)', () => {
  it('uses WAL and waits for locks', async () => {
    const test = await DIALECTS[0]!.open();
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(test.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(test.db);
      expect(busy.rows[0]?.timeout).toBe(5000);
    } finally {
      await test.dispose();
    }
  });

  it('opens an in-memory database', async () => {
    const db = await openDatabase(':memory:');
    expect((await db.introspection.getTables()).length).toBe(TABLES.length);
    await closeDatabase(db);
  });

  it('reports an unreachable PostgreSQL server without its password', async () => {
    const error = await openDatabase('postgres://bot:s3cret@127.0.0.1:1/shinchoku').catch((e: unknown) => e);
    expect(String(error)).toMatch(/cannot reach the database postgres:\/\/bot:\*\*\*@127\.0\.0\.1:1\/shinchoku/);
    expect(String(error)).not.toContain('s3cret');
  });
});

describe('the migrations of 2026-04 on a database that was in use', () => {
  it('fill the status summary from the history, and put the date first in recorded reminder keys', async () => {
    const sqlite = new SQLite(':memory:');
    // Off on this bare connection, so the history needs no plan.
    sqlite.pragma('foreign_keys = OFF');
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      // The schema as it was before the migration.
      const earlier: Record<string, Migration> = {};
      for (const name of MIGRATIONS.slice(0, 4)) earlier[name] = (await import(`../../../db/migrations/${name}.ts`)) as Migration;
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => earlier } }).migrateToLatest();
      expect(error).toBeUndefined();
      const updates = [
        ['1-1-1', null, 'on_track', null, '2023-07-01T00:00:00.000Z'],
        ['1-1-1', null, 'delayed', '2023-12', '2023-07-05T00:00:00.000Z'],
        ['1-1-1', null, 'at_risk', null, '2023-07-09T00:00:00.000Z'],
        ['1-1-2', '2023-08', 'done', null, '2023-08-30T00:00:00.000Z'],
        // Stored later, made earlier: not the latest.
        ['1-1-2', '2023-08', 'delayed', null, '2023-08-01T00:00:00.000Z'],
      ] as const;
      for (const [milestone_id, checkpoint, status, revised_due, created_at] of updates) {
        await db.insertInto('status_update').values({ milestone_id, checkpoint, status, comment: null, revised_due, actor: 'U10', via: 'slash', created_at }).execute();
      }

      await db
        .insertInto('reminder_sent')
        .values([
          { key: '1-1-2||lead|2020-07-22|総務部人事課', outbox_id: 1, created_at: '2020-07-22T00:30:00.000Z' },
          { key: '6-2-10|2020-07|overdue|2020-08-07|総務部税収確保課', outbox_id: 2, created_at: '2020-08-07T00:30:00.000Z' },
        ])
        .execute();

      await migrateToLatest(db);
      expect((await db.selectFrom('reminder_sent').select(['key', 'outbox_id']).orderBy('key').execute()).map((row) => [row.key, row.outbox_id])).toEqual([
        ['2020-07-22|1-1-2||lead|総務部人事課', 1],
        ['2020-08-07|6-2-10|2020-07|overdue|総務部税収確保課', 2],
      ]);
      const store = createStatusStore(db as Kysely<Database>);
      // The counter starts at the updates already stored, and every append raises it.
      expect(await store.revision()).toBe(updates.length);
      const byKey = (groups: Iterable<GroupLatest>) => new Map([...groups].map((g) => [`${g.milestoneId}|${g.checkpoint ?? ''}`, g]));
      expect(byKey(await store.latest())).toEqual(byKey(summarizeUpdates(await store.all()).values()));
      expect(byKey(await store.latest()).get('1-1-1|')).toMatchObject({ status: 'at_risk', revised: { due: '2023-12' } });
      expect(byKey(await store.latest()).get('1-1-2|2023-08')).toMatchObject({ status: 'done' });
    } finally {
      await db.destroy();
    }
  });
});
