/**
 * The databases a benchmark runs on: always a fresh SQLite file, and a fresh
 * PostgreSQL schema when BENCH_DATABASE_URL (or TEST_DATABASE_URL, as CI
 * sets it) names a server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';

export interface BenchDatabase {
  dialect: 'sqlite' | 'postgres';
  /** DATABASE_URL of this database (the schema is in the URL for PostgreSQL). */
  url: string;
  db: Kysely<Database>;
  dispose(): Promise<void>;
}

/** The PostgreSQL server to use, or undefined. */
export function postgresServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BENCH_DATABASE_URL?.trim() || env.TEST_DATABASE_URL?.trim() || undefined;
}

/** A new SQLite file in a temporary folder, migrated. */
export async function openBenchSqlite(): Promise<BenchDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-bench-'));
  const url = join(folder, 'bench.db');
  const db = await openDatabase(url);
  return {
    dialect: 'sqlite',
    url,
    db,
    async dispose() {
      await closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A new schema on the PostgreSQL server at `serverUrl`, migrated; dropped by dispose(). */
export async function openBenchPostgres(serverUrl: string): Promise<BenchDatabase> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const u = new URL(serverUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const url = u.toString();
  const db = await openDatabase(url);
  return {
    dialect: 'postgres',
    url,
    db,
    async dispose() {
      await closeDatabase(db);
      await withClient(serverUrl, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
