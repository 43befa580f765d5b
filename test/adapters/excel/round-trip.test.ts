// A workbook the bot wrote, edited by hand (here with exceljs, as Excel would
// save it) and imported back: plan cells give the re-import diff, answer
// cells are offered as answers to the round (dry run first, each listed,
// recorded via excel), and a bad cell is named by sheet, row and column.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import { DEFAULT_EVALUATION_SCALE } from '../../../src/domain/report-round.ts';
import { tokyo } from '../../app/tick-world.ts';
import { cli, tempWorkspace } from '../../cli/run-cli.ts';

const BUNDLED_YAML = new URL('../../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
const DIRECTORY = new URL('../../../config/directory.example.yaml', import.meta.url).pathname;

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
let roundId: number;
let exported: string;

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(ws.database);
  try {
    return await work(db);
  } finally {
    await closeDatabase(db);
  }
}

/** Opens the exported workbook, lets `edit` change 進捗管理表, and saves it under a new name. */
async function edited(name: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(exported);
  edit(book.getWorksheet('進捗管理表')!);
  const file = join(ws.dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

const rowOf = (sheet: ExcelJS.Worksheet, id: string) => {
  for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === id) return r;
  throw new Error(`no row ${id}`);
};

beforeEach(async () => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: DIRECTORY };
  expect((await cli(['import', BUNDLED_YAML], env)).code).toBe(0);
  roundId = await withDb(async (db) => {
    const opened = await createReportRoundStore(db).open({ planId: 'fy2020', asOf: '2020-09-30', deadline: '2020-10-09', scale: DEFAULT_EVALUATION_SCALE, openedBy: 'U0COORD01', openedAt: tokyo('2020-09-30').toISOString() });
    if (!opened.ok) throw new Error('round');
    await createReportEntryStore(db).append({
      kind: 'answer', roundId: opened.round.id, itemId: '1-1', division: '総務部人事課', actor: 'U0JINJI01', via: 'slack', createdAt: tokyo('2020-10-01').toISOString(),
      achievement: '研修を実施', evaluation: '○', issues: '', nextSteps: '',
    });
    return opened.round.id;
  });
  exported = join(ws.dir, 'report.xlsx');
  expect((await cli(['export', '--xlsx', exported, '--round', String(roundId)], env)).code).toBe(0);
});
afterEach(() => ws.cleanup());

describe('shinchoku import FILE.xlsx', () => {
  it('lists an edited evaluation and a schedule change, writes nothing on a dry run, and records them with --apply', async () => {
    const file = await edited('edited.xlsx', (sheet) => {
      const r = rowOf(sheet, '1-1');
      sheet.getCell(r, 21).value = '◎';
      sheet.getCell(r, 20).value = '研修を実施し、全員が受講';
      // 1-1-2 moved from 6月~1月 to 7月~2月 by the coordinator.
      sheet.getCell(r, 6).value = String(sheet.getCell(r, 6).value).replace('次長級職員を対象とした指導力向上研修のプログラムの検討、実施(6月~1月)', '次長級職員を対象とした指導力向上研修のプログラムの検討、実施(7月~2月)');
    });

    const dry = await cli(['import', file], env);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('進捗管理表を読み込みました: 計画 fy2020、令和2年9月30日現在、報告 第1回');
    expect(dry.stdout).toContain('保存済みの計画との差分: 追加 0 / 変更 1 / 削除 0');
    expect(dry.stdout).toContain('  ~ 1-1-2 次長級職員を対象とした指導力向上研修のプログラムの検討、実施 (schedule)');
    expect(dry.stdout).toContain('報告 第1回への回答として取り込む変更: 1 件');
    expect(dry.stdout).toContain('  1-1 改定した「三重県職員人づくり基本方針」に基づく人材育成(総務部人事課): 取組実績「研修を実施」→「研修を実施し、全員が受講」、進捗評価「○」→「◎」');
    expect(dry.stdout).toContain('ドライラン: データベースには何も書き込んでいません');
    expect(await withDb((db) => createReportEntryStore(db).all(roundId))).toHaveLength(1);

    const applied = await cli(['import', file, '--apply'], env);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('回答 1 件を記録しました(経路: excel)');
    const entries = await withDb((db) => createReportEntryStore(db).all(roundId));
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ kind: 'answer', itemId: '1-1', via: 'excel', evaluation: '◎', achievement: '研修を実施し、全員が受講', division: '総務部人事課' });
    const plan = await withDb((db) => createPlanStore(db).loadKey('fy2020'));
    const milestone = plan!.pillars[0]!.initiatives[0]!.items[0]!.milestones.find((m) => m.id === '1-1-2');
    expect(milestone).toMatchObject({ scheduleText: '7月~2月', schedule: { kind: 'range', start: '2020-07', end: '2021-02' } });
  });

  it('offers nothing for a workbook saved unchanged', async () => {
    const file = await edited('same.xlsx', () => {});
    const run = await cli(['import', file, '--apply'], env);
    expect(run.stdout).toContain('計画(取組項目・担当課・年次計画)の変更はありません');
    expect(run.stdout).toContain('回答の変更はありません');
    expect(await withDb((db) => createReportEntryStore(db).all(roundId))).toHaveLength(1);
  });

  it('names every bad cell by sheet, row and column, and writes nothing', async () => {
    let rows: number[] = [];
    const file = await edited('bad.xlsx', (sheet) => {
      rows = [rowOf(sheet, '2-1'), rowOf(sheet, '3-1'), rowOf(sheet, '1-2')];
      sheet.getCell(rows[0]!, 21).value = 'A';
      sheet.getCell(rows[1]!, 20).value = 'あ'.repeat(1001);
      sheet.getCell(rows[2]!, 1).value = '9-9';
      // A good edit beside them is not recorded either.
      sheet.getCell(rowOf(sheet, '1-1'), 21).value = '◎';
      sheet.getCell(rowOf(sheet, '1-1'), 4).value = '人材育成(改)';
    });
    const run = await cli(['import', file, '--apply'], env);
    expect(run.code).toBe(1);
    // In the order of the sheet: 1-2's number (row 6), 2-1's evaluation (row 8), 3-1's achievement and its missing evaluation (row 12).
    expect(rows).toEqual([8, 12, 6]);
    expect(run.stderr).toBe(
      [
        '4 か所のセルを取り込めません。何も書き込んでいません:',
        '  進捗管理表!A6: 番号「9-9」の取組項目はこの計画にありません',
        '  進捗管理表!U8: 進捗評価「A」は評価の一覧(◎ ○ △ ×)にありません',
        '  進捗管理表!T12: 取組実績が 1001 文字あります(上限 1000 文字)',
        '  進捗管理表!U12: 進捗評価を選んでください(◎ ○ △ ×)',
        '',
      ].join('\n'),
    );
    expect(await withDb((db) => createReportEntryStore(db).all(roundId))).toHaveLength(1);
    const plan = await withDb((db) => createPlanStore(db).loadKey('fy2020'));
    expect(plan!.pillars[0]!.initiatives[0]!.items[0]!.title).toBe('改定した「三重県職員人づくり基本方針」に基づく人材育成');
  });

  it('refuses a formula typed into a cell', async () => {
    const file = await edited('formula.xlsx', (sheet) => {
      sheet.getCell(rowOf(sheet, '1-1'), 22).value = { formula: '1+2', result: 3 } as ExcelJS.CellFormulaValue;
    });
    const run = await cli(['import', file], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`進捗管理表!V5: 数式は取り込めません。文字で入力してください`);
  });
});
