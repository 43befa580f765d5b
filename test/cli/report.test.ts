import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const DIRECTORY = new URL('../../config/directory.example.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
beforeEach(async () => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: DIRECTORY, SHINCHOKU_NOW: '2020-10-01T09:00' };
  expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
});
afterEach(() => ws.cleanup());

async function entries() {
  const db = await openDatabase(ws.database);
  try {
    return await db.selectFrom('report_entry').selectAll().orderBy('id').execute();
  } finally {
    await closeDatabase(db);
  }
}

describe('shinchoku report', () => {
  it('opens a round, records an answer via cli, sends it back, shows the status, and closes', async () => {
    const opened = await cli(['report', 'open', '--as-of', '2020-09-30', '--deadline', '2020-10-09'], env);
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('報告ラウンドを開始しました');
    const twice = await cli(['report', 'open', '--as-of', '2020-09-30', '--deadline', '2020-10-09'], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('報告ラウンド(2020-09-30現在、締切 2020-10-09)が開いています');

    const bad = await cli(['report', 'answer', '1-1', '--evaluation', 'Z'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('進捗評価「Z」は区分にありません');
    expect(await entries()).toHaveLength(0);

    const answered = await cli(['report', 'answer', '1-1', '--evaluation', '○', '--achievement', '=SUM(A1) 研修を実施'], env);
    expect(answered.code).toBe(0);
    expect(answered.stdout).toContain('✓ 1-1 の回答を記録しました');
    expect((await cli(['report', 'return', '1-1', '--comment', '数字を添えて'], env)).stdout).toContain('差し戻しました');
    const status = await cli(['report', 'status'], env);
    expect(status.stdout).toContain('差し戻し 1 件');
    const stored = await entries();
    expect(stored.map((e) => [e.kind, e.via, e.achievement])).toEqual([
      ['answer', 'cli', '=SUM(A1) 研修を実施'],
      ['returned', 'cli', null],
    ]);
    expect(stored[0]!.actor).toMatch(/^cli:/u);
    expect((await cli(['report', 'close'], env)).stdout).toContain('締め切りました');
    expect((await cli(['report', 'history', '1-1'], env)).stdout).toContain('差し戻し — 数字を添えて');
  });

  it('puts the requests in the outbox as it opens, and preview shows the round\'s reminders to come', async () => {
    const opened = await cli(['report', 'open', '--as-of', '2020-09-30', '--deadline', '2020-10-09'], env);
    const asked = Number(/(\d+) 課に/u.exec(opened.stdout)?.[1]);
    const db = await openDatabase(ws.database);
    let requests: string[];
    let divisions: number;
    try {
      const rows = await db.selectFrom('outbox').select(['key', 'division', 'body_json']).orderBy('id').execute();
      requests = rows.filter((row) => JSON.parse(row.body_json).type === 'round').map((row) => JSON.parse(row.body_json).kind as string);
      divisions = new Set(rows.map((row) => row.division)).size;
    } finally {
      await closeDatabase(db);
    }
    // One request per owner division the round asks, each to its own division.
    expect(requests.length).toBe(asked);
    expect(new Set(requests)).toEqual(new Set(['request']));
    expect(divisions).toBe(requests.length);

    const preview = await cli(['preview', '--from', '2020-10-01', '--to', '2020-10-13'], env);
    expect(preview.code).toBe(0);
    // Sent already: no request again. 3 and 1 business days before the deadline, on it, and the next business day after.
    expect(preview.stdout).not.toContain('報告依頼');
    for (const day of ['2020-10-06', '2020-10-08', '2020-10-09']) expect(preview.stdout).toMatch(new RegExp(`${day} [^\n]*\n(?:[^\n]+\n)*? {2}報告督促 {2}`, 'u'));
    expect(preview.stdout).toMatch(/2020-10-12 [^\n]*\n(?:[^\n]+\n)*? {2}報告期限超過 {2}/u);
    expect(preview.stdout).toContain('報告未回答の課');
    expect(preview.stdout).toMatch(/報告ラウンド\(2020-09-30現在、締切 2020-10-09\): \d+ 通/u);

    // The same messages in the JSON, each a row of its own after the day's reminders.
    const json = await cli(['preview', '--from', '2020-10-01', '--to', '2020-10-13', '--json'], env);
    const rows = JSON.parse(json.stdout) as { date: string; kind: string; division: string; items?: string[]; divisions?: { division: string; owed: number }[] }[];
    const round = rows.filter((row) => row.kind.startsWith('round.'));
    expect(new Set(round.map((row) => row.kind))).toEqual(new Set(['round.reminder', 'round.overdue', 'round.escalation']));
    expect(round.filter((row) => row.date === '2020-10-06' && row.kind === 'round.reminder')).toHaveLength(asked);
    expect(round.find((row) => row.kind === 'round.reminder')?.items?.length).toBeGreaterThan(0);
    expect(round.find((row) => row.kind === 'round.escalation')?.divisions?.length).toBe(asked);
    expect(rows.map((row) => row.date)).toEqual([...rows.map((row) => row.date)].sort());
    expect(rows.some((row) => !row.kind.startsWith('round.'))).toBe(true);
  });

  it('refuses a bad date or scale with the reason, and records nothing', async () => {
    const date = await cli(['report', 'open', '--as-of', '2020-9-31', '--deadline', '2020-10-09'], env);
    expect(date.code).toBe(1);
    expect(date.stderr).toMatch(/^エラー: .*「2020-9-31」は日付として読めません/u);
    const scale = await cli(['report', 'open', '--as-of', '2020-09-30', '--deadline', '2020-10-09', '--scale', 'A'], env);
    expect(scale.code).toBe(1);
    expect(scale.stderr).toMatch(/^エラー: --scale「A」を読めません/u);
    const opened = await cli(['report', 'open', '--as-of', '2020-09-30', '--deadline', '2020-10-09', '--scale', 'A:達成,B:順調,C:遅れ*'], env);
    expect(opened.stdout).toContain('A 達成 ／ B 順調 ／ C 遅れ');
    expect((await cli(['report', 'answer', '1-1', '--evaluation', 'C'], env)).code).toBe(0);
  });

  it('runs the rounds of another stored plan with --plan, leaving the default plan\'s alone', async () => {
    // A second plan of the same year, under a key of its own.
    const dx = join(ws.dir, 'dx-2020.yaml');
    writeFileSync(dx, readFileSync(BUNDLED_YAML, 'utf8').replace(/^title: .*$/mu, 'title: 令和2年度 DX推進計画 年次計画'));
    expect((await cli(['import', dx, '--key', 'dx-2020'], env)).code).toBe(0);
    const opened = await cli(['report', 'open', '--as-of', '2020-09-30', '--deadline', '2020-10-09', '--plan', 'dx-2020'], env);
    expect(opened.stdout).toContain('報告ラウンドを開始しました');
    const db = await openDatabase(ws.database);
    try {
      expect((await db.selectFrom('report_round').select(['plan_id', 'as_of']).execute()).map((r) => r.plan_id)).toEqual(['dx-2020']);
    } finally {
      await closeDatabase(db);
    }
    expect((await cli(['report', 'status', '--plan', 'dx-2020'], env)).code).toBe(0);
    // The default plan has no round; an unknown key lists the plans there are.
    expect((await cli(['report', 'status'], env)).stderr).toContain('エラー: ');
    const unknown = await cli(['report', 'close', '--plan', 'nope'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^エラー: .*nope/u);
    expect(unknown.stderr).toContain('dx-2020');
  });
});

