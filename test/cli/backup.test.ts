import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

async function planTitleIn(file: string): Promise<string | undefined> {
  const db = await openDatabase(file);
  try {
    return (await createPlanStore(db).load())?.title;
  } finally {
    await closeDatabase(db);
  }
}

describe('shinchoku backup', () => {
  it('copies the SQLite database with the online backup, and refuses to overwrite a file unless --force', async () => {
    const env = { DATABASE_URL: ws.database };
    await cli(['import', BUNDLED_YAML], env);
    const file = join(ws.dir, 'backup.db');

    const first = await cli(['backup', file], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`バックアップしました: ${ws.database} → ${file}\n`);
    expect(await planTitleIn(file)).toMatch(/第三次三重県行財政改革取組/);

    const again = await cli(['backup', file], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`エラー: ${file} はすでにあります。上書きするには --force を付けてください\n`);

    writeFileSync(file, 'not a database');
    const forced = await cli(['backup', file, '--force'], env);
    expect(forced.code).toBe(0);
    expect(await planTitleIn(file)).toMatch(/第三次三重県行財政改革取組/);
    // The copy was written under a temporary name and renamed: nothing is left beside it.
    expect(readdirSync(ws.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses the database itself and a database that does not exist', async () => {
    const missing = await cli(['backup', join(ws.dir, 'b.db')], { DATABASE_URL: join(ws.dir, 'nothing.db') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nothing\.db がありません/);
    expect(existsSync(join(ws.dir, 'nothing.db'))).toBe(false);

    await cli(['import', BUNDLED_YAML], { DATABASE_URL: ws.database });
    const same = await cli(['backup', ws.database, '--force'], { DATABASE_URL: ws.database });
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/データベースそのものです/);
  });

  it('for PostgreSQL prints the pg_dump command to use instead, without the password, and exits 1', async () => {
    const run = await cli(['backup', 'shinchoku.dump'], { DATABASE_URL: 'postgres://bot:secret@db-host:5432/shinchoku', SHINCHOKU_LANG: 'en' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pg_dump -Fc -f shinchoku.dump postgres://bot@db-host:5432/shinchoku');
    expect(run.stderr).toContain('pg_restore -d postgres://bot@db-host:5432/shinchoku shinchoku.dump');
    expect(run.stderr).not.toContain('secret');
  });
});
