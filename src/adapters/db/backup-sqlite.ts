/**
 * A copy of a SQLite database taken with SQLite's online backup API
 * (better-sqlite3's `backup()`): consistent even while the bot writes, and
 * without stopping it. The copy is written beside its destination under a
 * temporary name and renamed into place, so a failed backup never leaves half
 * a file, and an overwritten backup is replaced only by a complete one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';

/** Copies the database at `source` to `destination`; throws when it cannot (the caller says why). */
export async function backupSqlite(source: string, destination: string): Promise<void> {
  const temporary = join(dirname(destination), `.${basename(destination)}.${randomBytes(4).toString('hex')}.tmp`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    // Waits for a writer holding the lock rather than failing at once, as the bot's own connection does.
    db.pragma('busy_timeout = 5000');
    await db.backup(temporary);
    renameSync(temporary, destination);
  } finally {
    db.close();
    if (existsSync(temporary)) rmSync(temporary, { force: true });
  }
}
