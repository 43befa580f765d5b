/**
 * Brings a database up to the newest schema in db/migrations. The migration
 * files are TypeScript: tsx loads them when the bot runs, vitest in tests.
 */
import { readdir } from 'node:fs/promises';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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

/** Applies every pending migration; throws naming the migration that failed. */
export async function migrateToLatest<DB>(db: Kysely<DB>, folder: URL = MIGRATION_FOLDER): Promise<void> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(folder) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed ?? '(loading)'} failed: ${reason}`, { cause: error });
  }
}
