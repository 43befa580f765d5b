// Every store test runs once per dialect (STYLE: "every store test runs on
// every dialect", as Kysely's own suite loops over DIALECTS). PostgreSQL runs
// when TEST_DATABASE_URL is set (.ci/run sets it); each test gets a schema of
// its own, so parallel test files and repeated runs never collide.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';

export interface TestDatabase {
  /** The DATABASE_URL the database was opened with; openDatabase(url) opens it again. */
  url: string;
  db: Kysely<Database>;
  /** Closes the database and removes everything it left behind. */
  dispose(): Promise<void>;
}

export interface TestDialect {
  name: string;
  open(): Promise<TestDatabase>;
}

const sqlite: TestDialect = {
  name: 'sqlite',
  async open() {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-db-'));
    // A nested path, so every test also proves openDatabase creates the folder.
    const url = join(folder, 'data', 'test.db');
    const db = await openDatabase(url);
    return {
      url,
      db,
      async dispose() {
        await closeDatabase(db);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  },
};

/** The PostgreSQL server for tests, or undefined: then its half of the suite is skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

/** `url` with `search_path` set to `schema`, so every connection of the pool lands there. */
export function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** Creates an empty schema on the test server; returns it with a function that drops it. */
export async function createTestSchema(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  return {
    url: withSchema(serverUrl, schema),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

const postgres: TestDialect = {
  name: 'postgres',
  async open() {
    const schema = await createTestSchema(TEST_DATABASE_URL!);
    const db = await openDatabase(schema.url);
    return {
      url: schema.url,
      db,
      async dispose() {
        await closeDatabase(db);
        await schema.drop();
      },
    };
  },
};

if (!TEST_DATABASE_URL && !process.env.SHINCHOKU_PG_NOTICE_SHOWN) {
  process.env.SHINCHOKU_PG_NOTICE_SHOWN = '1';
  console.warn('PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://… to run them (.ci/run does).');
}

export const DIALECTS: readonly TestDialect[] = TEST_DATABASE_URL ? [sqlite, postgres] : [sqlite];
