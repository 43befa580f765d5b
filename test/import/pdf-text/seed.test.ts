// The real input (SPEC §2): the seed read by hand, line by line, and the tree
// the importer must make of it. The tables below are a check against the seed
// itself, not a snapshot of the importer's output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../../../src/i18n/catalog.ts';
import { parsePdfText } from '../../../src/import/pdf-text/parse.ts';
import { allItems, allMilestones, item, planTexts, reason, show } from './helpers.ts';

const SEED = new URL('../../../config/plans/fy2020-mie.txt', import.meta.url);
const text = readFileSync(SEED, 'utf8');
const result = parsePdfText(text, '000_128ba0f258985d6a.txt');
if (!result.ok) throw new Error(result.error.message);
const plan = result.value;

const ITEMS: [id: string, title: string, owners: string[]][] = [
  ['1-1', '改定した「三重県職員人づくり基本方針」に基づく人材育成', ['総務部人事課']],
  ['1-2', '「挑戦する風土・学習する組織」に向けた業務改善取組の見直し', ['総務部行財政改革推進課']],
  ['1-3', '柔軟かつ弾力的な勤務形態の検討', ['総務部人事課', '総務部スマート改革推進課']],
  ['2-1', 'AIやRPAの活用等による業務改善の推進', ['総務部スマート改革推進課']],
  ['2-2', 'モバイルワークの実証研究、実施', ['総務部スマート改革推進課']],
  ['2-3', 'キャッシュレス決済の導入検討', ['総務部税務企画課', '出納局出納総務課', '総務部総務課']],
  ['2-4', 'スマート自治体に向けた推進体制の構築', ['総務部総務課', '総務部スマート改革推進課']],
  ['3-1', 'より一層組織的に仕事を確実に進める組織運営の検討', ['総務部人事課', '総務部行財政改革推進課']],
  ['3-2', 'コミュニケーションを促進する仕組みづくり', ['総務部人事課', '総務部行財政改革推進課']],
  ['4-1', 'コンプライアンス推進体制の確立', ['総務部行財政改革推進課']],
  ['4-2', '「自分事」と捉える仕組みの構築', ['総務部行財政改革推進課']],
  ['5-1', '的確に業務を進めるための仕組みの構築', ['総務部総務課', '総務部法務・文書課', '総務部行財政改革推進課']],
  ['5-2', '業務に関する専門知識の向上', ['総務部人事課', '総務部行財政改革推進課']],
  ['6-1', '経常的な支出の抑制', ['総務部財政課', '総務部総務課']],
  ['6-2', '多様な歳入確保策の推進', ['総務部税収確保課', '総務部財政課', '総務部管財課']],
  ['7-1', '県民参加型予算の導入', ['総務部財政課']],
  ['7-2', '事務事業の積極的な見直し', ['総務部財政課']],
  ['7-3', '県有施設見直しの着実な推進', ['総務部行財政改革推進課']],
];

/** id, title, schedule as written, schedule, group. */
const MILESTONES: [id: string, title: string, scheduleText: string | undefined, schedule: string, group?: string][] = [
  ['1-1-1', '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施', undefined, 'unscheduled'],
  ['1-1-2', '次長級職員を対象とした指導力向上研修のプログラムの検討、実施', '6月~1月', 'range 2020-06..2021-01'],
  ['1-1-3', '面談の方法等研修のプログラム検討、実施', '6月~1月', 'range 2020-06..2021-01'],
  ['1-1-4', 'マネジメント能力の向上に向けた研修のプログラム検討・実施', '6月~1月', 'range 2020-06..2021-01'],
  ['1-2-1', '職員提案制度、MIE職員カアワード等の業務改善取組の見直しを検討', '6月~12月', 'range 2020-06..2020-12'],
  ['1-2-2', '職員提案制度等を活用した、関係者等との意見交換・ヒアリングの実施', '9月~10月', 'range 2020-09..2020-10'],
  ['1-2-3', '制度の見直し方向性の提案、確定', '1月~3月', 'range 2021-01..2021-03'],
  ['1-2-4', '現行制度への改善策の反映', '随時', 'asNeeded'],
  ['1-3-1', '在宅勤務の試行的な取組と検証', '4月~3月', 'range 2020-04..2021-03'],
  ['1-3-2', '三重県職員障がい者活躍推進計画をふまえ、障がいのある職員を交えての柔軟かつ弾力的な勤務形態の検討', '6月~3月', 'range 2020-06..2021-03'],
  ['2-1-1', '令和元年度に実証実験を行った業務へのRPAの本格導入', '4月~', 'from 2020-04', '変革1 - Smart Government-'],
  ['2-1-2', '職員説明会、RPA・AIーOCR対象業務の調査', '6月~9月', 'range 2020-06..2020-09', '変革1 - Smart Government-'],
  ['2-1-3', '業務ヒアリング・選定、シナリオ作成・テスト、RPAの導入拡大、AIーOCRの実証実験', '10月~3月', 'range 2020-10..2021-03', '変革1 - Smart Government-'],
  ['2-1-4', '雇用経済部をモデルとして、保管文書の電子化検討・実施', '6月~3月', 'range 2020-06..2021-03', '変革1 - Smart Government-'],
  ['2-1-5', '機能的な執務環境の検討・整備', '6月~3月', 'range 2020-06..2021-03', '変革1 - Smart Government-'],
  ['2-3-1', '導入開始', '5月', 'months 2020-05', '自動車税(種別割)の納付における、スマートフォン決済アプリの利用・導入'],
  ['2-3-2', '納税通知書へのチラシの同封、県政だより、県ホームページへの掲載等による周知広報', '5月~', 'from 2020-05', '自動車税(種別割)の納付における、スマートフォン決済アプリの利用・導入'],
  ['2-3-3', '利用状況の確認', '6月', 'months 2020-06', '自動車税(種別割)の納付における、スマートフォン決済アプリの利用・導入'],
  ['2-3-4', 'スマートフォン決済アプリの拡大を検討', '9月', 'months 2020-09', '自動車税(種別割)の納付における、スマートフォン決済アプリの利用・導入'],
  ['2-3-5', '入札、事業者決定', '5月~6月', 'range 2020-05..2020-06', '使用料、手数料等へのキャッシュレス決済導入準備'],
  ['2-3-6', 'システム改修、運用テスト', '7月~3月', 'range 2020-07..2021-03', '使用料、手数料等へのキャッシュレス決済導入準備'],
  ['2-3-7', '会計規則の改正、様式変更、広報等', '10月~3月', 'range 2020-10..2021-03', '使用料、手数料等へのキャッシュレス決済導入準備'],
  ['2-3-8', 'キャッシュレス決済の開始', '令和3年4月~', 'from 2021-04', '使用料、手数料等へのキャッシュレス決済導入準備'],
  ['2-3-9', '県有施設等管理受託者(指定管理事業者、自動販売機設置者、食堂運営事業者等)における導入検討', '通年', 'yearRound', '県有施設等管理受託業務'],
  ['3-2-1', '面談の方法等研修のプログラム検討、実施', '6月~1月', 'range 2020-06..2021-01'],
  ['3-2-2', '職場でのストレスを解消するためのここからルーム(健康開発室)での医師、保健師等の産業保健スタッフによる相談対応や、地共済健康ダイヤル等の事業外資源を活用した第三者による相談の実施', '通年', 'yearRound'],
  ['4-1-1', '組織マネジメントシートによる進捗管理', '4月~', 'from 2020-04'],
  ['4-1-2', 'コンプライアンス推進会議の開催', '8月、1月', 'months 2020-08,2021-01'],
  ['4-2-1', '知事と職員との意見交換', '4月~', 'from 2020-04'],
  ['4-2-2', 'コンプライアンスミーティング', '年3回', 'timesPerYear 3'],
  ['4-2-3', 'メールマガジンによるメッセージの発信', '月1回', 'monthly'],
  ['5-1-1', '組織運営の見直しの実施(本庁の班に「係長(主査級)」を、地域機関の課に「課長代理(主査級)」を配置)', '4月~', 'from 2020-04'],
  ['5-1-2', '三重県公文書等管理条例の確実な施行', '4月~', 'from 2020-04'],
  ['5-1-3', '内部統制制度の運用', '4月~', 'from 2020-04'],
  ['5-2-1', '職責ごとに職員が職務にかかる「能力」などを習得できるよう、様々な手法を活用してのブラッシュアップ研修の実施', '6月~1月', 'range 2020-06..2021-01'],
  ['5-2-2', '新任班長における業務に関する専門知識の向上研修のプログラム検討と実施', '6月~1月', 'range 2020-06..2021-01'],
  ['6-1-1', '公債費、投資的経費の抑制', '通年', 'yearRound'],
  ['6-1-2', '社会保障関係経費の抑制', '通年', 'yearRound'],
  ['6-1-3', '維持管理費の抑制', '通年', 'yearRound'],
  ['6-1-4', '総人件費の抑制', '通年', 'yearRound'],
  ['6-2-1', '市町支援窓口の設置', '4月', 'months 2020-04', '市町と連携した現年度滞納整理対策(現年度対策)の促進支援'],
  ['6-2-2', '各地域税収確保対策会議で説明、共有', '5月', 'months 2020-05', '市町と連携した現年度滞納整理対策(現年度対策)の促進支援'],
  ['6-2-3', '市町支援窓口の運営', '通年', 'yearRound', '市町と連携した現年度滞納整理対策(現年度対策)の促進支援'],
  ['6-2-4', '情報交換会等の開催など', '随時', 'asNeeded', '市町と連携した現年度滞納整理対策(現年度対策)の促進支援'],
  ['6-2-5', '三重県地方税収確保対策連絡会議で各地域の取組を報告', '2月', 'months 2021-02', '市町と連携した現年度滞納整理対策(現年度対策)の促進支援'],
  ['6-2-6', '各地域税収確保対策会議で報告、依頼', '5月', 'months 2020-05', '市町と連携した三重地方税管理回収機構を活用した繰越滞納分滞納整理の促進支援'],
  ['6-2-7', '機構の活動状況の報告', '通年', 'yearRound', '市町と連携した三重地方税管理回収機構を活用した繰越滞納分滞納整理の促進支援'],
  ['6-2-8', '機構との情報交換会', '6月、9月、12月', 'months 2020-06,2020-09,2020-12', '市町と連携した三重地方税管理回収機構を活用した繰越滞納分滞納整理の促進支援'],
  ['6-2-9', '三重県地方税収確保対策連絡会議で報告', '2月', 'months 2021-02', '市町と連携した三重地方税管理回収機構を活用した繰越滞納分滞納整理の促進支援'],
  ['6-2-10', '個人住民税に関する課題検討会の開催', '7月', 'months 2020-07', '個人住民税における特別徴収義務者の指定のさらなる徹底'],
  ['6-2-11', '検討結果を市町へ提供', '10月', 'months 2020-10', '個人住民税における特別徴収義務者の指定のさらなる徹底'],
  ['6-2-12', '令和2年度特別徴収の割合の分析、情報提供', '10月', 'months 2020-10', '個人住民税における特別徴収義務者の指定のさらなる徹底'],
  ['6-2-13', '国の支出金等の積極的な活用', '通年', 'yearRound'],
  ['6-2-14', 'ネーミングライツ、クラウドファンディングの積極的な活用', '通年', 'yearRound'],
  ['6-2-15', '一般競争入札のほかインターネットオークションや買受申込の先着順による売払を実施', '通年', 'yearRound', '財産の有効活用、未利用財産の売却等の促進'],
  ['6-2-16', '自動販売機設置場所の貸付', '通年', 'yearRound', '財産の有効活用、未利用財産の売却等の促進'],
  ['6-2-17', '広告付き案内地図の設置、ポスター広告の掲出', '通年', 'yearRound', '財産の有効活用、未利用財産の売却等の促進'],
  ['6-2-18', '公用車への広告掲載', '通年', 'yearRound', '財産の有効活用、未利用財産の売却等の促進'],
  ['6-2-19', 'エレベーター広告の掲載を新たに実施', '8月~3月', 'range 2020-08..2021-03', '財産の有効活用、未利用財産の売却等の促進'],
  ['6-2-20', '第三次みえ公有財産利活用方針に基づく未利用等財産の利活用の促進', '通年', 'yearRound', '財産の有効活用、未利用財産の売却等の促進'],
  ['7-1-1', '事業提案の募集、県民による投票と意見募集の実施', '通年', 'yearRound'],
  ['7-2-1', '当初予算編成において事務事業の抜本的な見直し', '10 月~2月', 'range 2020-10..2021-02'],
  ['7-2-2', '事業改善に向けた有識者懇話会(ブラッシュアップ懇話会)において県民からの意見を募集', '6月', 'months 2020-06'],
  ['7-3-1', 'これまでの検討結果をふまえ、維持管理費の抑制と、新たな県民ニーズへの対応や県民サービスの向上をめざした見直しの推進', '通年', 'yearRound'],
];

/** Every warning the seed must produce: line, text (or its start), reason. */
const WARNINGS: { line: number; text: string; key: MessageKey | MessageKey[]; params?: Record<string, string> }[] = [
  { line: 5, text: '秘伤印11别以以早在连床', key: 'warn.garbage' },
  // 「…取組の実施・次長級職員…」: a bullet the extractor glued to the line before.
  { line: 8, text: '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施・次長級', key: 'warn.gluedBullet' },
  { line: 8, text: '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施', key: 'warn.unscheduled' },
  { line: 11, text: '新型コロナウイルス感染症の影響が続く中', key: 'warn.textBeforeHeading' },
  // 「ル」 is the tail of a line the extractor lost in the item column.
  { line: 12, text: 'ル', key: 'warn.itemFragment' },
  { line: 12, text: 'スマートウンはに向はも####', key: 'warn.itemGarbage' },
  { line: 13, text: 'モバイルワークの実証研究、実施', key: 'warn.itemFromHeading', params: { title: 'モバイルワークの実証研究、実施', column: '担当課' } },
  { line: 13, text: 'モバイルワークの実証研究、実施', key: 'warn.itemNoMilestones', params: { title: 'モバイルワークの実証研究、実施' } },
  { line: 16, text: 'スマート自治体に向けた推進体制の構築', key: 'warn.itemFromHeading', params: { title: 'スマート自治体に向けた推進体制の構築', column: '担当課' } },
  { line: 16, text: 'スマート自治体に向けた推進体制の構築', key: 'warn.itemNoMilestones', params: { title: 'スマート自治体に向けた推進体制の構築' } },
  { line: 17, text: 'より一層組織的に仕事を確実に進める組織運営の検討', key: 'warn.itemNoMilestones', params: { title: 'より一層組織的に仕事を確実に進める組織運営の検討' } },
  { line: 18, text: '1 - 37-111', key: 'warn.pageFooter' },
  { line: 21, text: 'п', key: 'warn.pillarNumeral', params: { cell: 'п', id: 'II' } },
  { line: 21, text: '~県民の信言頼をより高めるために-~ []:ンプライアンスの推進」', key: 'warn.pillarTitleDamaged', params: { title: 'ンプライアンスの推進' } },
  // 「…検討と実施(6月~1月) ・1月)」: a stray piece of a split row.
  { line: 23, text: '1月)', key: 'warn.bulletFragment' },
  // 5-1 has no owner heading while 5-2 has one: the initiative's owners are a guess for 5-1.
  ...['組織運営の見直しの実施', '三重県公文書等管理条例の確実な施行', '内部統制制度の運用'].map((text) => ({
    line: 23,
    text,
    key: 'import.review.ownersOfInitiative' as const,
    params: { item: '的確に業務を進めるための仕組みの構築', owners: '総務部総務課、総務部法務・文書課、総務部行財政改革推進課' },
  })),
  { line: 26, text: 'ш', key: 'warn.pillarNumeral', params: { cell: 'ш', id: 'III' } },
  { line: 31, text: 'ー般競争入札のほか', key: 'warn.ocrFixedDash' },
  // OCR garbage made of real kanji; its 「(済在)」 is no schedule.
  { line: 33, text: '東世界の英佐、県民による松西 L 奈日英佐の中佐(済在)', key: ['warn.textNoBullet', 'warn.garbage', 'warn.notASchedule'] },
  // 「総務部財政課」 opens line 34's owner cell: taken for line 33's heading <県民参加型予算の導入>.
  {
    line: 34,
    text: '事業提案の募集、県民による投票と意見募集の実施',
    key: 'import.review.ownersFromNextRow',
    params: { item: '県民参加型予算の導入', owners: '総務部財政課', line: '34' },
  },
  // Line 36 names 総務部行財政改革推進課 under no heading, while 7-1 and 7-2 have theirs.
  {
    line: 35,
    text: 'これまでの検討結果をふまえ',
    key: 'import.review.ownersOfInitiative',
    params: { item: '県有施設見直しの着実な推進', owners: '総務部行財政改革推進課' },
  },
];

/** Strings of OCR garbage, footers and fragments that must never reach the plan itself. */
const GARBAGE = ['秘伤印', '别以以早在连床', '東世界', '英佐', '松西', '済在', '37-111', 'スマートウン', '向はも', '####', '夫 爬', '[]:'];

describe('the seed plan (000_128ba0f258985d6a.txt)', () => {
  it('reads the title, fiscal year, publication date and coordinator from the preamble', () => {
    expect(plan.version).toBe(1);
    expect(plan.title).toBe('令和2年度「第三次三重県行財政改革取組」具体的取組 年次計画(案)');
    expect(plan.fiscalYear).toBe(2020);
    expect(plan.publishedOn).toBe('2020-06-02');
    expect(plan.coordinator).toBe('総務部行財政改革推進課');
  });

  it('has three pillars; the OCR-damaged title of II is kept as read and reported', () => {
    expect(plan.pillars.map((p) => [p.id, p.title])).toEqual([
      ['I', 'スマート改革の推進'],
      ['II', 'ンプライアンスの推進'],
      ['III', '持続可能な行財政運営の確保'],
    ]);
    const damaged = plan.warnings.filter((w) => w.line === 21 && w.reason.includes('ンプライアンスの推進'));
    expect(damaged).toHaveLength(1);
  });

  it('has the seven initiatives under their pillars, wrapped titles joined and ①② dropped', () => {
    expect(plan.pillars.map((p) => p.initiatives.map((i) => [i.id, i.title]))).toEqual([
      [
        ['1', '「挑戦する風土・学習する組織」づくり'],
        ['2', 'スマート自治体へのチャレンジ'],
        ['3', 'コミュニケーションの活性化'],
      ],
      [
        ['4', 'コンプライアンス意識の向上'],
        ['5', '組織として的確に業務を進める仕組みづくり'],
      ],
      [
        ['6', '県財政の基盤強化と機動的かつ弾力的な行財政運営の確立'],
        ['7', '多様化する県民ニーズに応えるための取組の推進'],
      ],
    ]);
  });

  it('has every item with its owners, in document order', () => {
    expect(allItems(plan).map((i) => [i.id, i.title, i.owners])).toEqual(ITEMS);
  });

  it('has every milestone with its title, schedule and group, in document order', () => {
    const actual = allMilestones(plan).map((m) => {
      const row: (string | undefined)[] = [m.id, m.title, m.scheduleText, show(m.schedule)];
      if (m.group !== undefined) row.push(m.group);
      return row;
    });
    expect(actual).toEqual(MILESTONES);
    expect(actual).toHaveLength(64);
  });

  it('numbers milestones <initiative>-<item>-<n> in document order, with no gaps or duplicates', () => {
    for (const pillar of plan.pillars) {
      for (const initiative of pillar.initiatives) {
        initiative.items.forEach((it, i) => {
          expect(it.id).toBe(`${initiative.id}-${i + 1}`);
          it.milestones.forEach((m, n) => expect(m.id).toBe(`${it.id}-${n + 1}`));
        });
      }
    }
    const ids = allMilestones(plan).map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    // No milestone overrides its item's owners: the PDF has no per-line owners.
    expect(allMilestones(plan).filter((m) => m.owners !== undefined)).toEqual([]);
  });

  it('splits the glued bullet of 1-1: a schedule-less 1-1-1, then 次長級… as 1-1-2', () => {
    const first = item(plan, '1-1').milestones;
    expect(first[0]).toMatchObject({
      id: '1-1-1',
      title: '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施',
      schedule: { kind: 'unscheduled' },
    });
    expect(first[0]).not.toHaveProperty('scheduleText');
    expect(first[1]).toMatchObject({
      id: '1-1-2',
      title: '次長級職員を対象とした指導力向上研修のプログラムの検討、実施',
      scheduleText: '6月~1月',
      schedule: { kind: 'range', start: '2020-06', end: '2021-01' },
    });
  });

  it('keeps the items the extractor lost in the item column, with owners, no milestones and a warning', () => {
    const mobile = item(plan, '2-2');
    expect(mobile).toEqual({
      id: '2-2',
      title: 'モバイルワークの実証研究、実施',
      owners: ['総務部スマート改革推進課'],
      milestones: [],
    });
    const smart = item(plan, '2-4');
    expect(smart).toEqual({
      id: '2-4',
      title: 'スマート自治体に向けた推進体制の構築',
      owners: ['総務部総務課', '総務部スマート改革推進課'],
      milestones: [],
    });
    for (const [it, line] of [[mobile, 13], [smart, 16]] as const) {
      expect(plan.warnings).toContainEqual({
        line,
        text: it.title,
        reason: reason('warn.itemNoMilestones', { title: it.title }),
        kind: 'repaired',
      });
    }
  });

  it('keeps 総務部法務・文書課 as one division (5-1 takes the owners listed under no heading)', () => {
    expect(item(plan, '5-1').owners).toEqual(['総務部総務課', '総務部法務・文書課', '総務部行財政改革推進課']);
    expect(item(plan, '5-2').owners).toEqual(['総務部人事課', '総務部行財政改革推進課']);
    const owners = allItems(plan).flatMap((i) => i.owners);
    expect(owners).not.toContain('総務部法務');
    expect(owners).not.toContain('文書課');
  });

  it('gives groups for 【…】, 〇… and a schedule-less bullet that introduces the lines under it', () => {
    const groups = (id: string) => [...new Set(item(plan, id).milestones.map((m) => m.group ?? null))];
    expect(groups('2-1')).toEqual(['変革1 - Smart Government-']);
    expect(groups('2-3')).toEqual([
      '自動車税(種別割)の納付における、スマートフォン決済アプリの利用・導入',
      '使用料、手数料等へのキャッシュレス決済導入準備',
      '県有施設等管理受託業務',
    ]);
    expect(groups('6-2')).toEqual([
      '市町と連携した現年度滞納整理対策(現年度対策)の促進支援',
      '市町と連携した三重地方税管理回収機構を活用した繰越滞納分滞納整理の促進支援',
      '個人住民税における特別徴収義務者の指定のさらなる徹底',
      null,
      '財産の有効活用、未利用財産の売却等の促進',
    ]);
    // Items without such marks have no groups at all.
    for (const id of ['1-1', '1-2', '4-1', '5-1', '6-1', '7-2']) expect(groups(id)).toEqual([null]);
  });

  it('joins a milestone that a table row split across two rows (…意見を / 募集(6月))', () => {
    expect(item(plan, '7-2').milestones[1]).toMatchObject({
      title: '事業改善に向けた有識者懇話会(ブラッシュアップ懇話会)において県民からの意見を募集',
      schedule: { kind: 'months', months: ['2020-06'] },
    });
    expect(item(plan, '7-3').milestones[0]?.title).toBe(
      'これまでの検討結果をふまえ、維持管理費の抑制と、新たな県民ニーズへの対応や県民サービスの向上をめざした見直しの推進',
    );
  });

  it('reports every line it could not place, with its line number and reason', () => {
    const remaining = [...plan.warnings];
    for (const expected of WARNINGS) {
      const keys = Array.isArray(expected.key) ? expected.key : [expected.key];
      const reasons = keys.map((key) => reason(key, expected.params));
      const index = remaining.findIndex(
        (w) => w.line === expected.line && w.text.startsWith(expected.text) && reasons.includes(w.reason),
      );
      expect(index, `warning at line ${expected.line}: ${expected.text}`).toBeGreaterThanOrEqual(0);
      remaining.splice(index, 1);
    }
    expect(remaining).toEqual([]);
    // Sorted by line, so the review report reads top to bottom.
    const lines = plan.warnings.map((w) => w.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('marks as 要確認 exactly the milestones whose item or owners a fallback rule chose', () => {
    const review = plan.warnings.filter((w) => w.kind === 'review');
    const flagged = allMilestones(plan).filter((m) => review.some((w) => w.text === m.title));
    expect(flagged.map((m) => m.id)).toEqual(['5-1-1', '5-1-2', '5-1-3', '7-1-1', '7-3-1']);
    expect(review).toHaveLength(5);
  });

  it('puts the garbage, footers and fragments only into warnings, never into the plan', () => {
    const texts = planTexts(plan);
    for (const garbage of GARBAGE) {
      expect(texts.filter((t) => t.includes(garbage)), garbage).toEqual([]);
    }
    // The stray 「ル」 of line 12 is not glued onto 2-1's title, nor 「1月)」 onto a milestone.
    expect(item(plan, '2-1').title).toBe('AIやRPAの活用等による業務改善の推進');
    expect(allMilestones(plan).filter((m) => m.title.endsWith('1月)') || m.title === '')).toEqual([]);
    // The prose of line 11 (変革1 … 変革3) is not a milestone.
    expect(texts.filter((t) => t.includes('新型コロナウイルス') || t.includes('Smart Workstyle'))).toEqual([]);
    // The garbage is reported where it is.
    const at = (line: number) => plan.warnings.filter((w) => w.line === line).map((w) => w.text);
    expect(at(5)).toEqual(['秘伤印11别以以早在连床']);
    expect(at(18)).toEqual(['1 - 37-111']);
    expect(at(33)).toEqual(['東世界の英佐、県民による松西 L 奈日英佐の中佐(済在)']);
    expect(at(12)).toEqual(expect.arrayContaining(['スマートウンはに向はも####', 'ル']));
  });

  it('writes the reasons in English on request, with the same lines and texts', () => {
    const english = parsePdfText(text, 'seed.txt', 'en');
    if (!english.ok) throw new Error(english.error.message);
    expect(english.value.warnings.map((w) => [w.line, w.text])).toEqual(plan.warnings.map((w) => [w.line, w.text]));
    expect(english.value.warnings.find((w) => w.line === 18)?.reason).toBe('page number or footer; not imported');
    expect(english.value.pillars).toEqual(plan.pillars);
  });

  it('reads the seed the same with CRLF line ends and a BOM', () => {
    const crlf = parsePdfText('\uFEFF' + text.replace(/\n/g, '\r\n'), 'seed.txt');
    if (!crlf.ok) throw new Error(crlf.error.message);
    expect(crlf.value).toEqual(plan);
  });
});
