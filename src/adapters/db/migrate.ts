/**
 * Brings a database up to the newest schema in db/migrations. The migration
 * files are TypeScript: tsx loads them when the bot runs, vitest in tests.
 */
import { readdir } from 'node:fs/promises';
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const MIGRATION_FOLDER = new URL('../../../db/migrations/', import.meta.url);

/**
 * Kysely's FileMigrationProvider imports bare paths (not portable to Windows)
 * and silently skips a file without `up`; this one uses file URLs and fails
 * loudly, since a skipped migration means a schema that is quietly wrong.
 */
class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: URL) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder)).filter((name) => /\.(ts|mts|js|mjs)$/.test(name) && !/\.d\.m?ts$/.test(name));
    const migrations: Record<string, Migration> = {};
    for (const file of files.sort()) {
      const module = (await import(new URL(file, this.folder).href)) as Partial<Migration>;
      if (typeof module.up !== 'function') throw new Error(`migration ${file} exports no up() function`);
      // Named without the extension, so running from compiled .js files later keeps the recorded names.
      migrations[file.replace(/\.[^.]+$/, '')] = module as Migration;
    }
    return migrations;
  }
}

/**
 * Applies every pending migration; throws naming the migration that failed.
 * On PostgreSQL, instances starting together take turns (an advisory lock per
 * schema), and Kysely's bookkeeping tables live in the connection's own
 * schema: left to itself, Kysely finds them in any schema of the database.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, folder: URL = MIGRATION_FOLDER): Promise<void> {
  return migrate(db, folder, null);
}

/**
 * Applies the migrations up to and including `name` (e.g.
 * `20260401000003_status_revision`), no further: a database as an earlier
 * release left it, for tests that bring such a database forward.
 */
export async function migrateUpTo<DB>(db: Kysely<DB>, name: string): Promise<void> {
  return migrate(db, MIGRATION_FOLDER, name);
}

async function migrate<DB>(db: Kysely<DB>, folder: URL, upTo: string | null): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return runMigrator(db, folder, upTo);
  await db.connection().execute(async (conn) => {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(conn);
    const schema = rows[0]?.schema ?? 'public';
    await sql`select pg_advisory_lock(hashtext(${`shinchoku.migrate.${schema}`}))`.execute(conn);
    try {
      await runMigrator(conn, folder, upTo, schema);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${`shinchoku.migrate.${schema}`}))`.execute(conn);
    }
  });
}

async function runMigrator<DB>(db: Kysely<DB>, folder: URL, upTo: string | null, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new FolderMigrationProvider(folder),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let outcome = upTo === null ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  // Kysely finds its bookkeeping tables by listing the tables of every schema
  // of the database; a schema another application (or test) drops during that
  // read fails it with 3F000 though nothing of ours is wrong. Read again.
  for (let attempt = 1; attempt <= 3 && outcome.error !== undefined && isOtherSchemaGone(outcome.error, schema); attempt++) {
    outcome = upTo === null ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  }
  const { error, results } = outcome;
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed ?? '(loading)'} failed: ${reason}`, { cause: error });
  }
}

/** True when `error` says a schema other than `own` does not exist (PostgreSQL 3F000). */
function isOtherSchemaGone(error: unknown, own: string | undefined): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const missing = typeof message === 'string' ? /schema "([^"]+)" does not exist/.exec(message)?.[1] : undefined;
  return code === '3F000' && missing !== undefined && missing !== own;
}
