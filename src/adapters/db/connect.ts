/**
 * Opens the database named by DATABASE_URL and brings its schema up to date:
 * `postgres://…` is PostgreSQL (several instances may share it), anything
 * else a SQLite file (one instance).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
// Kysely's SQLite dialect drives better-sqlite3's synchronous API. The
// callback-based `sqlite3` package looks compatible but silently returns no rows.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

/** True when DATABASE_URL names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * Opens PostgreSQL (`postgres://user@host:5432/db`, any libpq parameter such
 * as `?options=-c search_path=shinchoku` allowed) or a SQLite file (creating
 * it and its folder if needed) or `:memory:`, and runs pending migrations.
 */
export async function openDatabase(url: string): Promise<Kysely<Database>> {
  let opened: { db: Kysely<Database>; close: () => void };
  try {
    opened = isPostgresUrl(url) ? openPostgres(url) : openSqlite(url);
  } catch (error) {
    // A SQLite folder that cannot be created, a file that cannot be opened.
    throw new DatabaseUnavailableError(url, codeOf(error) ?? (error instanceof Error ? error.message : String(error)), { cause: error });
  }
  const { db, close } = opened;
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    close();
    const code = codeOf(error) ?? codeOf((error as { cause?: unknown }).cause);
    if (code && UNAVAILABLE_CODES.test(code)) throw new DatabaseUnavailableError(url, code, { cause: error });
    throw error;
  }
  return db;
}

/**
 * Connection refused, unknown host, timeout, wrong password (28P01), no such
 * database (3D000), role (28000) or schema (3F000); SQLite: cannot open, read-only, no permission.
 */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|28P01|28000|3D000|3F000|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM|EACCES|EROFS)$/;

/**
 * The database named by DATABASE_URL cannot be used at all (down, wrong
 * address or credentials, unwritable file): one line for a person, with
 * the address redacted, rather than a driver's stack trace.
 */
export class DatabaseUnavailableError extends Error {
  readonly where: string;
  readonly kind: 'PostgreSQL' | 'SQLite';
  readonly reason: string;
  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    const where = redactUrl(url);
    super(`cannot reach the database ${where} (${reason}): check DATABASE_URL and that the server is running`, options);
    this.name = 'DatabaseUnavailableError';
    this.where = where;
    this.kind = isPostgresUrl(url) ? 'PostgreSQL' : 'SQLite';
    this.reason = reason;
  }
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** DATABASE_URL as it may appear in messages and logs: without its password. */
export function redactUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function openPostgres(url: string): { db: Kysely<Database>; close: () => void } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the bot; the next
  // query gets a fresh connection and reports its own error.
  pool.on('error', () => {});
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), close: () => {} };
}

function openSqlite(path: string): { db: Kysely<Database>; close: () => void } {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  // Set first so that switching to WAL waits for another process instead of failing.
  sqlite.pragma('busy_timeout = 5000');
  // WAL lets the bot read while a CLI import writes; ':memory:' ignores it.
  sqlite.pragma('journal_mode = WAL');
  // Off by default in SQLite; the schema relies on them as PostgreSQL would.
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Closes the database and its file handles or connections. */
export async function closeDatabase(db: Kysely<Database>): Promise<void> {
  await db.destroy();
}
