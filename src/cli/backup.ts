// `shinchoku backup FILE [--force]`: a consistent copy of the SQLite database
// while the bot runs (SQLite's online backup). PostgreSQL has its own tool:
// the command prints the pg_dump line to use and ends with exit code 1.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { backupSqlite } from '../adapters/db/backup-sqlite.ts';
import { isPostgresUrl } from '../adapters/db/connect.ts';
import { translator } from '../i18n/catalog.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface BackupOptions {
  force?: boolean;
}

export async function backupCommand(file: string, options: BackupOptions, config: Config, io: CliIo): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const failWith = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  const database = config.DATABASE_URL;
  if (isPostgresUrl(database)) {
    const url = withoutPassword(database);
    failWith(t('backup.postgres', { command: `pg_dump -Fc -f ${quote(file)} ${quote(url)}`, restore: `pg_restore -d ${quote(url)} ${quote(file)}` }));
  }
  if (database === ':memory:') failWith(t('backup.memory'));
  if (!existsSync(database)) failWith(t('backup.noDatabase', { file: database }));
  if (resolve(file) === resolve(database)) failWith(t('backup.same', { file }));
  if (existsSync(file) && !options.force) failWith(t('backup.exists', { file }));
  try {
    await backupSqlite(database, file);
  } catch (error) {
    failWith(t('backup.failed', { reason: error instanceof Error ? error.message : String(error) }));
  }
  io.out(t('backup.done', { from: database, to: file }));
}

/** The URL without its password: pg_dump reads that from PGPASSWORD or ~/.pgpass, not from a command line in a shell history. */
function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/u.test(text) ? text : `'${text.replace(/'/gu, `'\\''`)}'`;
}
