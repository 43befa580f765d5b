import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../src/import/plan-file.ts';
import { listMilestones, type Plan } from '../../src/domain/plan.ts';
import { openDatabase, closeDatabase } from '../../src/adapters/db/connect.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const SEED = new URL('../../config/plans/fy2020-mie.txt', import.meta.url).pathname;
const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
beforeEach(() => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database };
});
afterEach(() => ws.cleanup());

async function storedPlan(): Promise<Plan | null> {
  const db = await openDatabase(ws.database);
  try {
    return await createPlanStore(db).load();
  } finally {
    await closeDatabase(db);
  }
}

describe('shinchoku import --dry-run --json', () => {
  it('prints exactly the canonical plan on stdout and writes nothing', async () => {
    const run = await cli(['import', SEED, '--dry-run', '--json'], env);
    expect(run.code).toBe(0);
    const parsed = parsePlanDocument(run.stdout, 'json', 'stdout');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.fiscalYear).toBe(2020);
    expect(listMilestones(parsed.value).find((m) => m.milestone.id === '1-1-2')?.milestone.schedule).toEqual({
      kind: 'range',
      start: '2020-06',
      end: '2021-01',
    });
    expect(parsed.value.warnings.some((w) => w.text.includes('秘伤印'))).toBe(true);
    // The review report goes to stderr so that stdout stays machine-readable.
    expect(run.stderr).toContain('ドライラン');
    expect(existsSync(ws.database)).toBe(false);
  });
});

describe('shinchoku import', () => {
  it('stores the plan, lists it, and a second import changes nothing', async () => {
    const first = await cli(['import', BUNDLED_YAML], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('保存しました');

    const listed = await cli(['plan'], env);
    expect(listed.code).toBe(0);
    // 1-1-2 (6月~1月) is due on the last business day of January 2021: Friday the 29th.
    expect(listed.stdout).toMatch(/1-1-2 次長級職員を対象とした.*期限 2021-01-29/);

    const again = await cli(['import', BUNDLED_YAML, '--dry-run'], env);
    expect(again.stdout).toContain('追加 0 / 変更 0 / 削除 0 / 変更なし 64');
  });

  it('keeps ids and status history of lightly edited milestones when re-importing', async () => {
    await cli(['import', BUNDLED_YAML], env);
    const db = await openDatabase(ws.database);
    await createStatusStore(db).append({
      milestoneId: '1-1-3', status: 'done', comment: '研修実施済み', actor: 'U10', via: 'cli', createdAt: '2020-07-01T00:00:00.000Z',
    });
    await closeDatabase(db);

    // The revision edits 1-1-3's title lightly, drops 1-1-4, and inserts a new
    // milestone before 1-1-3, which shifts every position after it.
    const revised = readFileSync(BUNDLED_YAML, 'utf8')
      .replace('title: 面談の方法等研修のプログラム検討、実施\n', 'title: 面談の方法等に関する研修のプログラム検討、実施\n')
      .replace(/              - id: 1-1-4\n.*\n.*\n.*\n/, '')
      .replace(
        '              - id: 1-1-3\n',
        '              - id: 1-1-3\n                title: 新任管理職向けの評価者研修の実施\n                schedule: { kind: months, months: ["2020-10"] }\n              - id: 1-1-9\n',
      );
    const file = join(ws.dir, 'revised.yaml');
    writeFileSync(file, revised);

    const dry = await cli(['import', file, '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('追加 1 / 変更 1 / 削除 1');
    expect(dry.stdout).toMatch(/- 1-1-4 マネジメント能力/);
    expect(dry.stdout).toMatch(/~ 1-1-3 面談の方法等に関する研修.*\(title\)/);
    // The dry run wrote nothing: the stored plan still has 1-1-4.
    expect(listMilestones((await storedPlan())!).some((m) => m.milestone.id === '1-1-4')).toBe(true);

    const stored = await cli(['import', file], env);
    expect(stored.code).toBe(0);
    const plan = (await storedPlan())!;
    const ids = listMilestones(plan).filter((m) => m.item.id === '1-1').map((m) => [m.milestone.id, m.milestone.title]);
    expect(ids).toEqual([
      ['1-1-1', '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施'],
      ['1-1-2', '次長級職員を対象とした指導力向上研修のプログラムの検討、実施'],
      ['1-1-5', '新任管理職向けの評価者研修の実施'],
      ['1-1-3', '面談の方法等に関する研修のプログラム検討、実施'],
    ]);
    const db2 = await openDatabase(ws.database);
    const history = await createStatusStore(db2).history('1-1-3');
    await closeDatabase(db2);
    expect(history.map((h) => h.comment)).toEqual(['研修実施済み']);
  });
});

describe('bad input: one line, exit 1, nothing written', () => {
  const cases: Array<[string, string | Buffer, RegExp]> = [
    ['empty.txt', '', /empty\.txt: ファイルが空です/],
    ['binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]), /binary\.bin: テキストファイルではありません/],
    ['notes.txt', '議事録\n本日は晴れ\n', /notes\.txt: 計画の表が見つかりません/],
    ['kind.yaml', 'version: 1\ntitle: t\nfiscalYear: 2023\npillars:\n  - id: I\n    title: p\n    initiatives:\n      - id: "1"\n        title: i\n        items:\n          - id: 1-1\n            title: x\n            owners: [総務部人事課]\n            milestones:\n              - id: 1-1-1\n                title: m\n                schedule: { kind: weekly }\n', /kind\.yaml:17: .*schedule.*weekly/],
    ['month.yaml', 'version: 1\ntitle: t\nfiscalYear: 2023\npillars:\n  - id: I\n    title: p\n    initiatives:\n      - id: "1"\n        title: i\n        items:\n          - id: 1-1\n            title: x\n            owners: [総務部人事課]\n            milestones:\n              - id: 1-1-1\n                title: m\n                schedule: { kind: months, months: ["2023-13"] }\n', /month\.yaml:17: .*month/],
  ];

  for (const [name, content, message] of cases) {
    it(`rejects ${name}`, async () => {
      const file = join(ws.dir, name);
      writeFileSync(file, content);
      const run = await cli(['import', file], env);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
      expect(existsSync(ws.database)).toBe(false);
    });
  }

  it('rejects a missing file', async () => {
    const run = await cli(['import', join(ws.dir, 'nope.txt')], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/nope\.txt: ファイルがありません/);
    expect(existsSync(ws.database)).toBe(false);
  });

  it('leaves a stored plan untouched when a revision is broken', async () => {
    await cli(['import', BUNDLED_YAML], env);
    const before = await storedPlan();
    const file = join(ws.dir, 'broken.yaml');
    writeFileSync(file, readFileSync(BUNDLED_YAML, 'utf8').replace('start: 2020-06, end: 2021-01', 'start: 2020-13, end: 2021-01'));
    const run = await cli(['import', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/broken\.yaml:\d+: .*start/);
    expect(await storedPlan()).toEqual(before);
  });
});
