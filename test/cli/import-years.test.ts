// Next year's plan is a new plan (issue 13): `shinchoku import` of another
// fiscal year stores a plan of its own, lists what last year left unfinished,
// and `shinchoku plan` still shows last year's plan.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { formatPlanYaml } from '../../src/import/plan-file.ts';
import { bundledPlan } from '../app/tick-world.ts';
import { nextFiscalYear } from '../fixtures/next-fiscal-year.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
let fy2021File: string;
beforeEach(async () => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database, SHINCHOKU_NOW: '2021-03-20T10:00' };
  fy2021File = join(ws.dir, 'fy2021.yaml');
  writeFileSync(fy2021File, formatPlanYaml(nextFiscalYear(await bundledPlan())));
});
afterEach(() => ws.cleanup());

async function withStore<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(ws.database);
  try {
    return await work(db);
  } finally {
    await closeDatabase(db);
  }
}

describe('shinchoku import of next fiscal year', () => {
  it('stores a new plan beside last year\'s, and lists what last year left unfinished', async () => {
    expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
    await withStore(async (db) => {
      const statuses = createStatusStore(db);
      await statuses.append({ milestoneId: '1-1-2', status: 'done', actor: 'U10', via: 'slash', createdAt: '2020-12-01T01:00:00.000Z' });
      await statuses.append({ milestoneId: '1-1-3', status: 'delayed', comment: '調整中', actor: 'U10', via: 'slash', createdAt: '2021-02-01T01:00:00.000Z' });
    });

    const dry = await cli(['import', fy2021File, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('新しい計画として保存します: キー fy2021(2021年度)');
    expect(dry.stdout).toMatch(/昨年度の未完了\(計画 fy2020、2020年度\): \d+ 件/);
    expect(dry.stdout).toMatch(/ {2}1-1-3 .* — 遅延 — 総務部人事課/);
    expect(dry.stdout).not.toMatch(/ {2}1-1-2 .* — /);
    // A new plan has no diff against last year's: nothing is called a revision.
    expect(dry.stdout).not.toContain('~ 1-1-');

    const stored = await cli(['import', fy2021File], env);
    expect(stored.code).toBe(0);
    await withStore(async (db) => {
      const plans = createPlanStore(db, { today: () => '2021-04-01' });
      expect((await plans.list()).map((p) => [p.key, p.fiscalYear])).toEqual([
        ['fy2020', 2020],
        ['fy2021', 2021],
      ]);
      expect((await plans.load())?.fiscalYear).toBe(2021);
      // Last year's 完了 does not speak for this year's milestone of the same id.
      const fy2021 = createStatusStore(db, () => plans.scopeOf('fy2021'));
      expect(await fy2021.history('1-1-2')).toEqual([]);
      const fy2020 = createStatusStore(db, () => plans.scopeOf('fy2020'));
      expect((await fy2020.history('1-1-2')).map((u) => u.status)).toEqual(['done']);
    });

    // Re-importing the same year's file is a revision of that plan, not a third plan.
    const again = await cli(['import', fy2021File], { ...env, SHINCHOKU_NOW: '2021-04-05T10:00' });
    expect(again.stdout).toContain('計画 fy2021(2021年度)の改訂として保存します');
    // Last year's plan is still there to read.
    const old = await cli(['plan', '--year', '2020'], { ...env, SHINCHOKU_NOW: '2021-04-05T10:00' });
    expect(old.code).toBe(0);
    expect(old.stdout).toContain('令和2年度');
    const list = await cli(['plan', '--list'], { ...env, SHINCHOKU_NOW: '2021-05-06T10:00' });
    expect(list.stdout).toMatch(/\* fy2021 — 2021年度/);
    expect(list.stdout).toMatch(/ {3}fy2020 — 2020年度 — .*期間終了・閲覧のみ/);
  }, 60_000);

  it('refuses to revise a plan of another fiscal year under its key, and writes nothing', async () => {
    expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
    const run = await cli(['import', fy2021File, '--key', 'fy2020'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--key fy2020: この計画は 2020 年度のものです。2021 年度の計画は改訂ではなく新しい計画です');
    const badKey = await cli(['import', fy2021File, '--key', 'Gyokaku 2021'], env);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr).toContain('キーは英小文字で始まり');
    await withStore(async (db) => expect((await createPlanStore(db).list()).map((p) => p.key)).toEqual(['fy2020']));
  });

  it('stores two plans of one year under the keys chosen', async () => {
    expect((await cli(['import', BUNDLED_YAML, '--key', 'gyokaku-2020'], env)).code).toBe(0);
    const other = join(ws.dir, 'dx.yaml');
    writeFileSync(other, formatPlanYaml({ ...(await bundledPlan()), title: 'DX推進計画' }));
    // Another title of the same year is another plan, never a revision.
    const dx = await cli(['import', other, '--key', 'dx-2020'], env);
    expect(dx.stdout).toContain('新しい計画として保存します: キー dx-2020(2020年度)');
    const third = join(ws.dir, 'sogo.yaml');
    writeFileSync(third, formatPlanYaml({ ...(await bundledPlan()), title: '総合計画' }));
    expect((await cli(['import', third], env)).stdout).toContain('新しい計画として保存します: キー fy2020(2020年度)');
    const shown = await cli(['plan', '--key', 'nope'], env);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toContain('計画 nope はありません。保存されている計画: dx-2020, fy2020, gyokaku-2020');
    const dxShown = await cli(['plan', '--key', 'dx-2020'], env);
    expect(dxShown.stdout).toContain('DX推進計画');
  }, 60_000);
});
