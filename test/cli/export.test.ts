import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createReportEntryStore, createReportRoundStore } from '../../src/adapters/db/report-store.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import type { Digest } from '../../src/domain/digest.ts';
import { DEFAULT_EVALUATION_SCALE } from '../../src/domain/report-round.ts';
import { tokyo } from '../app/tick-world.ts';
import { cli, tempWorkspace } from './run-cli.ts';

const BUNDLED_YAML = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const DIRECTORY = new URL('../../config/directory.example.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
let roundId: number;
beforeEach(async () => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: DIRECTORY };
  expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
  const db = await openDatabase(ws.database);
  try {
    const statuses = createStatusStore(db);
    await statuses.append({ milestoneId: '7-2-2', checkpoint: '2020-06', status: 'done', actor: 'cli', via: 'cli', createdAt: tokyo('2020-09-02').toISOString() });
    await statuses.append({ milestoneId: '6-2-2', status: 'delayed', comment: '=1+2', actor: 'U1', via: 'slash', createdAt: tokyo('2020-09-03').toISOString() });
    const opened = await createReportRoundStore(db).open({ planId: 'fy2020', asOf: '2020-09-30', deadline: '2020-10-09', scale: DEFAULT_EVALUATION_SCALE, openedBy: 'U0COORD', openedAt: tokyo('2020-09-30').toISOString() });
    if (!opened.ok) throw new Error('round not opened');
    roundId = opened.round.id;
    await createReportEntryStore(db).append({
      kind: 'answer', roundId, itemId: '1-1', division: '総務部人事課', actor: 'U10', via: 'slack', createdAt: tokyo('2020-10-01').toISOString(),
      achievement: '=HYPERLINK("http://x","y")', evaluation: '◎', issues: '-', nextSteps: '@here 続ける',
    });
  } finally {
    await closeDatabase(db);
  }
});
afterEach(() => ws.cleanup());

describe('shinchoku export', () => {
  it('writes the workbook of a date (typed as people do), whose figures are the digest of that date', async () => {
    const file = join(ws.dir, 'report.xlsx');
    const run = await cli(['export', '--xlsx', file, '--date', '2020年9月30日'], env);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`書き出しました: ${file}(fy2020、令和2年9月30日現在、取組項目 18 件)\n`);
    const digest = JSON.parse((await cli(['digest', '--date', '2020-09-30', '--json'], env)).stdout) as Digest;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sum = book.getWorksheet('柱別集計')!;
    const header = (sum.getRow(4).values as unknown[]).slice(1);
    const total = (sum.getRow(5 + digest.pillars.total).values as unknown[]).slice(1);
    expect(total[0]).toBe('合計');
    expect(total[header.indexOf('完了')]).toBe(digest.counts.done);
    expect(total[header.indexOf('遅延')]).toBe(digest.counts.delayed);
    expect(total[header.indexOf('期限超過')]).toBe(digest.progress.overdue);
    expect(total[header.indexOf('計(中止を除く)')]).toBe(digest.progress.total);
    // The round of that very date gives the answers.
    expect(book.getWorksheet('進捗管理表')!.getCell('T5').value).toBe('=HYPERLINK("http://x","y")');
    expect(book.getWorksheet('進捗管理表')!.getCell('T5').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes the main sheet as CSV Excel opens: BOM, CRLF, every field quoted, formulas neutralised', async () => {
    const file = join(ws.dir, 'report.csv');
    const run = await cli(['export', '--csv', file, '--round', String(roundId)], env);
    expect(run.code).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, first] = text.split('\r\n');
    expect(header!.startsWith('"番号","柱","具体的取組","取組項目","担当課","年次計画","4月"')).toBe(true);
    expect(first).toContain(`"'=HYPERLINK(""http://x"",""y"")","◎","'-","'@here 続ける"`);
    expect(first!.startsWith('"1-1","I スマート改革の推進",')).toBe(true);
  });

  it('refuses a bad date, a round that does not exist, or --date with --round, and writes nothing', async () => {
    const file = join(ws.dir, 'x.xlsx');
    expect((await cli(['export', '--xlsx', file, '--date', '2020-13-01'], env)).stderr).toBe('エラー: --date 2020-13-01: 日付は YYYY-MM-DD で指定してください\n');
    expect((await cli(['export', '--xlsx', file, '--round', '99'], env)).stderr).toBe('エラー: 報告の回 99 はありません\n');
    expect((await cli(['export', '--xlsx', file, '--round', '1', '--date', '2020-09-30'], env)).stderr).toBe('エラー: --date と --round は同時に指定できません\n');
    expect((await cli(['export', '--date', '2020-09-30'], env)).stderr).toBe('エラー: --xlsx FILE か --csv FILE を指定してください\n');
    expect((await cli(['export', '--xlsx', file, '--plan', 'nope'], env)).stderr).toBe('エラー: 計画 nope はありません\n');
    expect(existsSync(file)).toBe(false);
  });
});
