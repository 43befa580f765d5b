import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import type { Digest } from '../../src/domain/digest.ts';
import { tokyo } from '../app/tick-world.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const DIRECTORY = new URL('../../config/directory.example.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
beforeEach(async () => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: DIRECTORY };
  expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
  const db = await openDatabase(ws.database);
  try {
    await createStatusStore(db).append({ milestoneId: '7-2-2', checkpoint: '2020-06', status: 'done', actor: 'cli', via: 'cli', createdAt: tokyo('2020-09-02').toISOString() });
  } finally {
    await closeDatabase(db);
  }
});
afterEach(() => ws.cleanup());

describe('shinchoku digest', () => {
  it('prints the digest of a day in the terminal and posts nothing', async () => {
    const run = await cli(['digest', '--date', '2020-09-07'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('== 週次ダイジェスト 令和2年9月7日(月) · 2020-09-07');
    expect(run.stdout).toContain('プレビューです(チャンネルには投稿していません)');
    expect(run.stdout).toContain('■ 前回以降に完了 1 件\n  7-2-2 事業改善に向けた有識者懇話会(ブラッシュアップ懇話会)において県民からの意見を募集');
    expect(run.stdout).toContain('■ チャンネル未設定の担当課 1\n  総務部管財課');
    expect(run.stdout).toMatch(/■ 期限超過が続いているもの 12 件\n[\s\S]*\n {2}他 2 件。\/plan status overdue で確認できます\n/);
    const db = await openDatabase(ws.database);
    try {
      expect(await createOutboxStore(db).list()).toEqual([]);
    } finally {
      await closeDatabase(db);
    }
  });

  it('--json prints the whole model', async () => {
    const run = await cli(['digest', '--date', '2020-09-07', '--json'], { ...env, SHINCHOKU_LANG: 'en' });
    expect(run.code).toBe(0);
    const digest = JSON.parse(run.stdout) as Digest;
    expect(digest).toMatchObject({ date: '2020-09-07', previousDate: '2020-08-31', progress: { done: 1, total: 78, doneDue: 1, dueSoFar: 15, overdue: 14 } });
    // Uncut: all 12 still overdue, not the 10 a message shows.
    expect(digest.stillOverdue).toMatchObject({ total: 12 });
    expect(digest.stillOverdue.items).toHaveLength(12);
  });

  it('defaults to today, as SHINCHOKU_NOW sets it', async () => {
    const run = await cli(['digest'], { ...env, SHINCHOKU_NOW: '2020-09-23T09:00', SHINCHOKU_LANG: 'en' });
    expect(run.stdout).toMatch(/^== Weekly digest Wed 23 Sept? 2020 \(Reiwa 2\) · 2020-09-23\n/);
    // Due 9/30: 2-1-2, 2-3-4, 4-2-3 (September), 6-2-8 (September).
    expect(run.stdout).toContain('■ Due in the next 14 days: 4');
  });

  it('refuses a bad date, and says when there is no plan', async () => {
    expect(await cli(['digest', '--date', '2020-02-30'], env)).toMatchObject({ code: 1, stderr: 'エラー: --date 2020-02-30 は YYYY-MM-DD 形式の日付で指定してください\n' });
    const empty = tempWorkspace();
    try {
      const run = await cli(['digest', '--date', '2020-09-07'], { DATABASE_URL: empty.database });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('shinchoku import FILE');
    } finally {
      empty.cleanup();
    }
  });
});
