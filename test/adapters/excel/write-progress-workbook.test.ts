// The workbook read back with exceljs, as a person opening it in Excel would
// meet it: headings, frozen header, filter, drop-down, colours, print setup,
// footer, typed text never a formula, and figures equal to the digest's.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportProgressReport } from '../../../src/adapters/excel/export-workbook.ts';
import { displayWidth } from '../../../src/adapters/excel/display-width.ts';
import { buildDigest } from '../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { calendar, TIME_ZONE } from '../../app/tick-world.ts';
import { FORMULA_LIKE, HISTORY, reportSources } from './report-world.ts';

let workbook: ExcelJS.Workbook;
let sources: Awaited<ReturnType<typeof reportSources>>;
const texts = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : v));

beforeAll(async () => {
  sources = await reportSources();
  const exported = await exportProgressReport(sources, { planKey: 'fy2020', roundId: 2, today: '2020-10-12' }, { lang: 'ja', now: new Date('2020-10-12T01:00:00Z') });
  if (!exported.ok) throw new Error(exported.error.code);
  expect(exported.value.fileName).toBe('進捗管理表_fy2020_2020-09-30.xlsx');
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.value.bytes as unknown as ExcelJS.Buffer);
});

describe('進捗管理表', () => {
  it('is the first sheet, headed with the plan and 「令和2年9月30日現在」, the other sheets after it', () => {
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['進捗管理表', 'visible'],
      ['柱別集計', 'visible'],
      ['担当課別集計', 'visible'],
      ['遅延・注意一覧', 'visible'],
      ['履歴', 'visible'],
      ['報告履歴', 'visible'],
      ['_shinchoku', 'veryHidden'],
    ]);
    const ws = workbook.getWorksheet('進捗管理表')!;
    expect(ws.getCell('A1').value).toBe('令和2年度「第三次三重県行財政改革取組」具体的取組 年次計画(案) 取組の進捗状況');
    expect(ws.getCell('A2').value).toBe('令和2年9月30日現在');
    expect(ws.getCell('A3').value).toBe('報告 第2回(報告期限 令和2年10月9日)');
    expect(texts(ws, 4)).toEqual([
      '番号', '柱', '具体的取組', '取組項目', '担当課', '年次計画',
      '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月',
      '状況(件数)', '取組実績', '進捗評価', '課題', '今後の方向性', '更新日',
    ]);
    expect(ws.getCell('G3').value).toBe('工程');
  });

  it('shows one row per item in plan order, with its milestones, months, answer and date', () => {
    const ws = workbook.getWorksheet('進捗管理表')!;
    const row = texts(ws, 5);
    expect(row.slice(0, 5)).toEqual(['1-1', 'I スマート改革の推進', '1 「挑戦する風土・学習する組織」づくり', '改定した「三重県職員人づくり基本方針」に基づく人材育成', '総務部人事課']);
    expect(String(row[5]).split('\n')[1]).toBe('・次長級職員を対象とした指導力向上研修のプログラムの検討、実施(6月~1月)');
    // 6月~1月: June to January marked, April, May, February, March not.
    expect(row.slice(6, 18)).toEqual(['', '', '■', '■', '■', '■', '■', '■', '■', '■', '', '']);
    expect(row.slice(19)).toEqual(['研修を実施', '◎', FORMULA_LIKE[2], FORMULA_LIKE[3], '2020-10-01']);
    const ids = [];
    for (let r = 5; r <= ws.rowCount; r++) ids.push(ws.getCell(r, 1).value);
    expect(ids).toEqual(sources.plan.pillars.flatMap((p) => p.initiatives.flatMap((i) => i.items.map((item) => item.id))));
    // Sent back after its answer: the answer stays, the status column says so.
    const sentBack = ids.indexOf('1-2') + 5;
    expect(ws.getCell(sentBack, 19).value).toContain('差し戻し中');
    expect(ws.getCell(sentBack, 21).value).toBe('○');
  });

  it('freezes the header, repeats it on every printed page, and filters it', () => {
    const ws = workbook.getWorksheet('進捗管理表')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, topLeftCell: 'A5' });
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.autoFilter).toBe(`A4:X${ws.rowCount}`);
  });

  it('prints on A4 landscape, fitted to the width, with the plan, the date and the page in the footer', () => {
    const ws = workbook.getWorksheet('進捗管理表')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.headerFooter.oddFooter).toBe('&L令和2年度「第三次三重県行財政改革取組」具体的取組 年次計画(案)&C令和2年9月30日現在&R&P / &N ページ');
  });

  it('makes 進捗評価 a drop-down of the round\'s scale, coloured per grade', () => {
    const ws = workbook.getWorksheet('進捗管理表')!;
    for (let r = 5; r <= ws.rowCount; r++) {
      expect(ws.getCell(r, 21).dataValidation).toMatchObject({ type: 'list', formulae: ['"◎,○,△,×"'], allowBlank: true, showErrorMessage: true });
    }
    const [rules] = (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as Array<{ ref: string; rules: Array<{ formulae: string[]; style: { fill: { fgColor: { argb: string } } } }> }>;
    expect(rules!.ref).toBe(`U5:U${ws.rowCount}`);
    expect(rules!.rules.map((r) => [r.formulae[0], r.style.fill.fgColor.argb])).toEqual([
      ['"◎"', 'FFC6EFCE'],
      ['"○"', 'FFE2EFDA'],
      ['"△"', 'FFFCE4D6'],
      ['"×"', 'FFFFC7CE'],
    ]);
  });

  it('merges no cell below the header, and keeps the editable columns as text', () => {
    const ws = workbook.getWorksheet('進捗管理表')!;
    expect(ws.model.merges).toEqual(['G3:R3']);
    for (const column of [4, 5, 6, 20, 21, 22, 23]) expect(ws.getCell(5, column).numFmt).toBe('@');
  });

  it('sizes columns for full-width text: a 6-kanji division is 12 wide, plus room', () => {
    expect(displayWidth('総務部人事課')).toBe(12);
    expect(displayWidth('1-1 ◎ ABC')).toBe(10);
    const ws = workbook.getWorksheet('進捗管理表')!;
    expect(ws.getColumn(1).width).toBe(6); // 番号: the header 番号 (2 wide characters) + 2
    expect(ws.getColumn(5).width).toBe(16); // 担当課: longest division wraps at 16
    expect(ws.getColumn(7).width).toBe(4.5);
  });
});

describe('text people typed', () => {
  it('is never a formula, in any sheet', () => {
    const typed: string[] = [];
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string' && FORMULA_LIKE.includes(cell.value)) typed.push(`${ws.name}!${cell.address}`);
        }),
      );
    }
    // Each formula-like text shows as typed: comments in 履歴, answers in 進捗管理表 and 報告履歴.
    expect(typed).toEqual(expect.arrayContaining(['進捗管理表!V5', '進捗管理表!W5', '履歴!F7', '履歴!F8', '報告履歴!G5']));
  });
});

describe('the figures', () => {
  it('equal the digest of the same date, in total and per pillar', () => {
    const digest = buildDigest({ plan: sources.plan, updates: HISTORY, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE, date: '2020-09-30', previousDate: null });
    const ws = workbook.getWorksheet('柱別集計')!;
    const header = texts(ws, 4);
    const col = (name: string) => header.indexOf(name);
    expect(header).toEqual([
      '柱', '取組項目数', '◎ 完了', '○ 順調', '△ やや遅れ', '× 遅れ', '未回答',
      '未着手', '順調', '注意', '遅延', '完了', '中止', '計(中止を除く)', '完了率', '期限超過',
      '前回の完了率', '完了率の増減', '完了の増減', '期限超過の増減',
    ]);
    const total = texts(ws, 5 + sources.plan.pillars.length);
    expect(total[0]).toBe('合計');
    expect(total.slice(col('未着手'), col('中止') + 1)).toEqual([
      digest.counts.not_started, digest.counts.on_track, digest.counts.at_risk, digest.counts.delayed, digest.counts.done, digest.counts.cancelled,
    ]);
    expect(total[col('計(中止を除く)')]).toBe(digest.progress.total);
    expect(total[col('完了率')]).toBeCloseTo(digest.progress.done / digest.progress.total);
    expect(total[col('期限超過')]).toBe(digest.progress.overdue);
    // Evaluations of round 2: ◎ 1-1, ○ 1-2, △ 2-1; the other items unanswered.
    expect(total.slice(col('◎ 完了'), col('未回答') + 1)).toEqual([1, 1, 1, 0, 18 - 3]);
    digest.pillars.items.forEach((pillar, i) => {
      const row = texts(ws, 5 + i);
      expect(row[0]).toBe(`${pillar.id} ${pillar.title}`);
      expect(row[col('完了')]).toBe(pillar.counts.done);
      expect(row[col('期限超過')]).toBe(pillar.progress.overdue);
    });
    // Against round 1 (as of 2020-06-30): 6-2-1, 2-3-1 and 6-2-6 were done then; 7-2-2 and 1-1-2 since.
    expect(total[col('完了の増減')]).toBe(digest.progress.done - 3);
    expect(ws.getCell('A2').value).toBe('前回: 令和2年6月30日現在の報告と比べた増減');
  });

  it('list every overdue unit in 遅延・注意一覧, longest overdue first, then the delayed and at-risk ones', () => {
    const digest = buildDigest({ plan: sources.plan, updates: HISTORY, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE, date: '2020-09-30', previousDate: null });
    const ws = workbook.getWorksheet('遅延・注意一覧')!;
    const rows = [];
    for (let r = 5; r <= ws.rowCount; r++) rows.push(texts(ws, r));
    const overdue = rows.filter((r) => typeof r[8] === 'number');
    expect(overdue).toHaveLength(digest.progress.overdue);
    const days = overdue.map((r) => r[8] as number);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(overdue[0]![0]).toBe(digest.stillOverdue.items.concat(digest.newlyOverdue.items).sort((a, b) => b.daysOverdue! - a.daysOverdue!)[0]!.milestoneId);
    // 2-1-2 at risk and due 9/30, not yet overdue on the morning of 9/30: listed after the overdue ones.
    expect(rows.find((r) => r[0] === '2-1-2')).toMatchObject({ 7: '注意', 9: '調整中 & 確認待ち' });
  });

  it('lists every status update before the date in 履歴, oldest first', () => {
    const ws = workbook.getWorksheet('履歴')!;
    expect(ws.rowCount - 4).toBe(HISTORY.length - 1); // the 9/30 update is after the start of the date
    expect(texts(ws, 5)).toEqual(['2020-05-08 10:00', '6-2-1', expect.any(String), '2020-04', '完了', '', '', 'U0TEST', 'slash']);
  });
});
