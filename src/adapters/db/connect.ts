/**
 * Opens the database named by DATABASE_URL and brings its schema up to date.
 * Only SQLite for now; PostgreSQL (`postgres://…`) arrives with its own dialect.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
// Kysely's SQLite dialect drives better-sqlite3's synchronous API. The
// callback-based `sqlite3` package looks compatible but silently returns no rows.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

/**
 * Opens a SQLite file (creating it and its folder if needed) or `:memory:`,
 * and runs pending migrations before returning.
 */
export async function openDatabase(url: string): Promise<Kysely<Database>> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('DATABASE_URL: PostgreSQL is not supported yet; set DATABASE_URL to a SQLite file path such as ./data/shinchoku.db');
  }
  const sqlite = openSqlite(url);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    if (sqlite.open) sqlite.close();
    throw error;
  }
  return db;
}

function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  // Set first so that switching to WAL waits for another process instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  // WAL lets the bot read while a CLI import writes; ':memory:' ignores it.
  sqlite.pragma('journal_mode = WAL');
  // Off by default in SQLite; the schema relies on them as PostgreSQL would.
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** Closes the database and its file handles. */
export async function closeDatabase(db: Kysely<Database>): Promise<void> {
  await db.destroy();
}
