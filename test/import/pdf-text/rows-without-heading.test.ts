// A row that opens an item in the item column (□…) and names it in the owner
// column, while its plan cell is unreadable or empty: the plan lines after it
// are that item's, never the previous item's (issue 13 §2). Fixture
// r6-rows-without-heading.txt holds the case and its variants, one per
// initiative.
import { describe, expect, it } from 'vitest';
import { allItems, parseFixture, reason, show } from './helpers.ts';

const { text, plan } = parseFixture('r6-rows-without-heading.txt');

/** The 1-based line of the first line containing `needle`. */
function lineOf(needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, index).split('\n').length;
}

const tree = () =>
  allItems(plan).map((item) => [item.id, item.title, item.owners, item.milestones.map((m) => `${m.title} (${show(m.schedule)})`)]);

describe('fixture r6-rows-without-heading.txt: items whose plan cell has no heading', () => {
  it('puts every milestone under the item whose row it follows, with that item’s owners', () => {
    expect(tree()).toEqual([
      ['1-1', '電子申請の拡大', ['総務部ICT推進課'], ['対象手続の選定 (range 2024-04..2024-06)', 'システム改修 (range 2024-07..2024-12)']],
      // The reported case: the garbage plan cell of 電子契約の導入's row ends 電子申請の拡大's text.
      ['1-2', '電子契約の導入', ['出納局出納総務課'], ['契約事務の調査 (months 2024-05)', '試行導入 (range 2024-10..2025-03)']],
      ['2-1', 'テレワークの推進', ['総務部人事課'], ['在宅勤務の拡大 (yearRound)']],
      // An empty plan cell on the opening row, the bullets on the two rows after it.
      ['2-2', 'ペーパーレス化の推進', ['総務部総務課'], ['会議資料の電子化 (from 2024-04)', '複合機の集約 (months 2024-09)']],
      // The first item of an initiative, its plan cell unreadable.
      ['3-1', '窓口の混雑解消', ['総務部県民相談課'], ['予約制の導入 (months 2024-06)', '案内表示の改善 (months 2024-08)']],
      ['3-2', '相談体制の充実', ['総務部人事課'], ['相談員の研修 (months 2024-07)']],
      // The split milestone's tail on the opening row stays with the milestone it ends;
      // the bullets after a page break with shifted columns belong to the new item.
      ['4-1', '歳出の見直し', ['総務部財政課'], ['事業評価による見直し (range 2024-06..2024-09)', '有識者会議において意見を聴取 (months 2024-10)']],
      ['4-2', '基金の活用', ['総務部財政課', '総務部管財課'], ['基金残高の分析 (months 2024-05)', '運用方針の改定 (months 2025-02)']],
      // No owner heading names 女性職員の登用: the rule does not apply, see below.
      ['5-1', '研修体系の見直し', ['総務部人事課'], ['研修計画の策定 (months 2024-04)', '管理職候補の育成研修 (months 2024-09)']],
      ['5-2', '女性職員の登用', ['総務部ダイバーシティ推進課'], []],
    ]);
  });

  it('lists every milestone placed by the row rule as 要確認, at its line, naming the row', () => {
    const review = plan.warnings.filter((w) => w.kind === 'review').map((w) => [w.line, w.text, w.reason]);
    const byRow = (item: string, row: string) => reason('import.review.rowWithoutHeading', { item, line: lineOf(row) });
    expect(review).toEqual([
      [lineOf('・契約事務の調査'), '契約事務の調査', byRow('電子契約の導入', '□電子契約の導入')],
      [lineOf('・契約事務の調査'), '試行導入', byRow('電子契約の導入', '□電子契約の導入')],
      [lineOf('・会議資料の電子化'), '会議資料の電子化', byRow('ペーパーレス化の推進', '□ペーパーレス化の推進')],
      [lineOf('・複合機の集約'), '複合機の集約', byRow('ペーパーレス化の推進', '□ペーパーレス化の推進')],
      [lineOf('・予約制の導入'), '予約制の導入', byRow('窓口の混雑解消', '□窓口の混雑解消')],
      [lineOf('・予約制の導入'), '案内表示の改善', byRow('窓口の混雑解消', '□窓口の混雑解消')],
      [lineOf('・基金残高の分析'), '基金残高の分析', byRow('基金の活用', '□基金の活用')],
      [lineOf('・基金残高の分析'), '運用方針の改定', byRow('基金の活用', '□基金の活用')],
      // Without an owner heading the importer cannot tell: it keeps the heading's
      // item and says which row it may belong to instead.
      [
        lineOf('・管理職候補の育成研修'),
        '管理職候補の育成研修',
        reason('import.review.afterOtherItem', { item: '研修体系の見直し', other: '女性職員の登用', line: lineOf('□女性職員の登用') }),
      ],
    ]);
  });

  it('keeps the unreadable plan cells out of the plan, as warnings at their lines', () => {
    const dropped = plan.warnings.filter((w) => w.kind === undefined).map((w) => [w.line, w.text, w.reason]);
    expect(dropped).toEqual([
      [lineOf('秘伤印11别以以早在连床'), '秘伤印11别以以早在连床', reason('warn.garbage')],
      [lineOf('####'), '####', reason('warn.garbage')],
      [lineOf('伤伤伤'), '伤伤伤', reason('warn.garbage')],
      [lineOf('- 1 -'), '- 1 -', reason('warn.pageFooter')],
      [lineOf('秘伤印\t総務部ダイバーシティ'), '秘伤印', reason('warn.garbage')],
    ]);
  });
});
