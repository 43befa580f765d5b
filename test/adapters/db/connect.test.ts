import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';
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

const TABLES = ['digest', 'initiative', 'item', 'item_owner', 'milestone', 'outbox', 'pillar', 'plan', 'reminder_sent', 'status_update', 'tick_state', 'user_pref'];
const MIGRATIONS = ['20260101000000_plan', '20260201000000_outbox', '20260301000000_user_prefs', '20260302000000_digest'];

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
      const orphan = test.db.insertInto('initiative').values({ id: '1', pillar_id: 'nowhere', position: 0, title: 'x' }).execute();
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
