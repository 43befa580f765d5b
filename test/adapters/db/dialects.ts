// Every store test runs once per dialect (STYLE: "every store test runs on
// every dialect"). PostgreSQL joins this list when its dialect lands.
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

export const DIALECTS: readonly TestDialect[] = [sqlite];
