// A generator of plans in the seed's extraction style: from a canonical plan
// (pillars → initiatives → items with owners → milestones with schedules) it
// writes the text a PDF extractor makes of the table, with the damage the
// seed shows — tab cells, roadmap columns that shift at page breaks, wrapped
// rows and titles, rows whose empty trailing cells were dropped, footers, OCR
// garbage, heading styles, plan cells lost to OCR. Seeded: the same seed
// gives the same plan and text.
import { seededRandom } from '../../fakes/seeded-random.ts';

export interface CanonicalMilestone {
  title: string;
  /** The schedule as written in the plan, e.g. `4月~6月`. */
  scheduleText: string;
}

export interface CanonicalItem {
  title: string;
  owners: string[];
  milestones: CanonicalMilestone[];
}

export interface CanonicalInitiative {
  title: string;
  items: CanonicalItem[];
}

export interface CanonicalPillar {
  title: string;
  initiatives: CanonicalInitiative[];
}

export interface GeneratedPlan {
  fiscalYear: number;
  pillars: CanonicalPillar[];
  /** The extractor-style text. */
  text: string;
  /** Every OCR garbage string put into the text: none may reach the plan. */
  garbage: string[];
}

const NOUNS = [
  '電子申請', '窓口業務', '文書管理', '人材育成', '財務会計', '公共施設', '情報発信', '防災訓練', '庁内会議', '職員研修',
  '業務委託', '契約事務', '統計調査', '広報活動', '相談体制', '施設点検', '予算編成', '税務事務', '入札制度', '健康管理',
  '内部監査', '地域連携', '観光振興', '環境保全',
];
const ITEM_ENDS = ['の推進', 'の見直し', 'の拡大', 'の充実', 'の効率化', 'の強化', 'の構築', 'に向けた検討'];
const OBJECTS = ['対象手続', '実施方針', '運用状況', '利用者意見', '作業手順', '関係規程', '説明資料', '進捗状況', '課題整理', '効果測定', '研修計画', '試行結果'];
const ACTIONS = ['の調査', 'の実施', 'の検討', 'の周知', 'の分析', 'の運用', 'の試行', 'の評価', 'の改定', 'の整備'];
const SCHEDULES = ['4月~6月', '5月', '6月、9月', '4月~', '通年', '随時', '年3回', '月1回', '10月~3月', '1月', '7月~12月', '8月'];
const DIVISIONS = [
  '総務部人事課', '総務部財政課', '総務部総務課', '総務部法務・文書課', '総務部ICT推進課', '出納局出納総務課',
  '総務部税務企画課', '総務部管財課', '政策企画部企画課', '防災対策部防災企画課', '総務部行財政改革推進課',
];
const PILLAR_TITLES = ['スマート改革の推進', 'コンプライアンスの推進', '持続可能な行財政運営の確保', '県民との協創'];
const INITIATIVE_TITLES = ['デジタル技術の活用', '働き方の見直し', '組織運営の改善', '歳入の確保', '県民サービスの向上', '職員の意欲向上'];
const GARBAGE = ['秘伤印11别以以早在连床', '####', 'スマートウンはに向はも####', '伤别连', '别以以早'];
const ROADMAP = ['実施', '検討', '順次実施', '検討 実施', '2年度', '', '', '夫 爬'];
const NUMERALS = ['I', 'II', 'III', 'IV'];
const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥'];

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (random: Random, p: number) => random() < p;
function shuffled<T>(random: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A canonical plan: distinct item titles within an initiative, 1–4 milestones each. */
function canonicalPlan(random: Random): CanonicalPillar[] {
  const pillars = shuffled(random, PILLAR_TITLES).slice(0, 1 + Math.floor(random() * 3));
  const initiatives = shuffled(random, INITIATIVE_TITLES);
  let nextInitiative = 0;
  return pillars.map((title) => ({
    title,
    initiatives: Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
      const nouns = shuffled(random, NOUNS);
      return {
        title: initiatives[nextInitiative++ % initiatives.length]!,
        items: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => ({
          title: nouns[i]! + pick(random, ITEM_ENDS),
          owners: shuffled(random, DIVISIONS).slice(0, 1 + Math.floor(random() * 2)),
          milestones: Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
            title: pick(random, OBJECTS) + pick(random, ACTIONS),
            scheduleText: pick(random, SCHEDULES),
          })),
        })),
      };
    }),
  }));
}

/** One table row before it becomes cells. */
interface Row {
  item: string;
  plan: string;
  owner: string;
}

const HEADINGS: [string, string][] = [['<', '>'], ['〈', '〉'], ['く', '>'], ['＜', '＞'], ['《', '》']];

/** 「4月~6月」 → 「４月～６月」: the full-width forms some plans use. */
const fullWidth = (text: string) => text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(/~/g, '～');

/** A line break the PDF put inside a title: a space at a random inner point. */
function wrapInside(random: Random, text: string): string {
  if (text.length < 4) return text;
  const at = 2 + Math.floor(random() * (text.length - 3));
  return `${text.slice(0, at)} ${text.slice(at)}`;
}

/** The rows of one initiative: one row per item, then the damage. */
function initiativeRows(random: Random, initiative: CanonicalInitiative, garbage: string[]): Row[] {
  const rows: Row[] = [];
  const single = initiative.items.length === 1;
  for (const item of initiative.items) {
    const [open, close] = pick(random, HEADINGS);
    const heading = `${open}${item.title}${close}`;
    const bullets = item.milestones.map((m) => {
      const schedule = chance(random, 0.2) ? fullWidth(m.scheduleText) : m.scheduleText;
      return `・${m.title}(${schedule})`;
    });
    const divisions = item.owners.map((d) => (d.length >= 6 && chance(random, 0.2) ? wrapInside(random, d) : d));
    // One item alone may list its owners under no heading, as the seed does.
    const owner = single && chance(random, 0.5) ? divisions.join(' ') : `${heading} ${divisions.join(' ')}`;
    const itemCell = `□${chance(random, 0.3) ? wrapInside(random, item.title) : item.title}`;

    if (!single && chance(random, 0.15)) {
      // The reported case: the plan cell of the item's row is unreadable, its
      // bullets follow on the next rows without a heading.
      const lost = pick(random, GARBAGE);
      garbage.push(lost);
      rows.push({ item: itemCell, plan: lost, owner: `${heading} ${divisions.join(' ')}` });
      rows.push({ item: '', plan: bullets.join(' '), owner: '' });
      continue;
    }
    const group = chance(random, 0.2) ? '【重点取組】 ' : '';
    const plan = `${heading} ${group}${bullets.join(' ')}`;
    if (bullets.length >= 2 && chance(random, 0.4)) {
      // A wrapped row: the plan text runs on into the next row, split between
      // bullets or inside a milestone's title.
      const at = 1 + Math.floor(random() * (bullets.length - 1));
      let head = `${heading} ${group}${bullets.slice(0, at).join(' ')}`;
      let tail = bullets.slice(at).join(' ');
      if (chance(random, 0.5)) {
        const last = bullets[at - 1]!;
        const cut = last.indexOf('(');
        if (cut > 3) {
          const split = 2 + Math.floor(random() * (cut - 3));
          head = `${heading} ${group}${[...bullets.slice(0, at - 1), last.slice(0, split)].join(' ')}`;
          tail = [last.slice(split), ...bullets.slice(at)].join(' ');
        }
      }
      rows.push({ item: itemCell, plan: head, owner });
      rows.push({ item: '', plan: tail, owner: '' });
    } else {
      rows.push({ item: itemCell, plan, owner });
    }
  }
  // Two items opened on one row, their plan text on the rows after it.
  if (rows.length >= 2 && chance(random, 0.3)) {
    const index = 1 + Math.floor(random() * (rows.length - 1));
    const row = rows[index]!;
    const previous = rows[index - 1]!;
    if (row.item.startsWith('□') && !rows.slice(index).some((r) => GARBAGE.includes(r.plan))) {
      previous.item = `${previous.item} ${row.item}`.trim();
      row.item = '';
    }
  }
  // A row of nothing but OCR garbage in the plan column, after complete text.
  if (chance(random, 0.3)) {
    const lost = pick(random, GARBAGE.filter((g) => g !== '####'));
    garbage.push(lost);
    rows.push({ item: '', plan: lost, owner: '' });
  }
  return rows;
}

/** Writes a canonical plan as extractor text. */
function render(random: Random, fiscalYear: number, pillars: CanonicalPillar[], garbage: string[]): string {
  const reiwa = fiscalYear - 2018;
  const lines: string[] = [`令和${reiwa}年度「行財政改革取組」具体的取組 年次計画(案)`, '', `令和${reiwa}年5月20日 総務部行財政改革推進課`, ''];
  if (chance(random, 0.5)) {
    garbage.push('秘伤印11别以以早在连床');
    lines.push('\t\t\t\t\t\t\t秘伤印11别以以早在连床');
  }
  let roadmap = 1 + Math.floor(random() * 3);
  const header = () => ['番号', '具体的取組', '取組項目', '工程表', ...Array<string>(roadmap - 1).fill(''), '年次計画', '担当課'].join('\t');
  let page = 1;
  const pageBreak = () => {
    const footer = chance(random, 0.5) ? `- ${page} -` : `1 - 37-${100 + page}`;
    garbage.push(footer);
    lines.push(footer, '');
    page++;
    roadmap = 1 + Math.floor(random() * 3);
    lines.push(header());
  };
  lines.push(header());
  let number = 0;
  pillars.forEach((pillar, p) => {
    if (p > 0) pageBreak();
    const cut = 1 + Math.floor(random() * (pillar.title.length - 1));
    lines.push([NUMERALS[p]!, '~副題~', `「${pillar.title.slice(0, cut)}`, `${pillar.title.slice(cut)}」`, ...Array<string>(roadmap).fill('')].join('\t'));
    pillar.initiatives.forEach((initiative, i) => {
      number++;
      const rows = initiativeRows(random, initiative, garbage);
      const title = `${CIRCLED[i]}${initiative.title}`;
      const titleCut = rows.length > 1 && chance(random, 0.4) ? 2 + Math.floor(random() * (title.length - 2)) : title.length;
      rows.forEach((row, r) => {
        if (r > 0 && chance(random, 0.12)) pageBreak();
        const roadmapCells = Array.from({ length: roadmap }, () => {
          const cell = pick(random, ROADMAP);
          if (cell === '夫 爬') garbage.push(cell);
          return cell;
        });
        let owner = row.owner;
        if (owner === '' && chance(random, 0.1)) {
          // A page footer that landed in the owner column of a row.
          owner = `1 - 37-${111 + r}`;
          garbage.push(owner);
        }
        const cells = [
          r === 0 ? String(number) : '',
          r === 0 ? title.slice(0, titleCut) : r === 1 ? title.slice(titleCut) : '',
          r === 0 ? `取組項目 ${row.item}` : row.item,
          ...roadmapCells,
          row.plan,
          owner,
        ];
        // The extractor drops a row's empty trailing cells.
        while (cells.length > 4 && cells[cells.length - 1] === '' && chance(random, 0.5)) cells.pop();
        lines.push(cells.join('\t'));
      });
    });
  });
  lines.push(`- ${page} -`);
  garbage.push(`- ${page} -`);
  return lines.join('\n') + '\n';
}

/** A plan and its extractor text, from a seed. */
export function generatePlanText(seed: number): GeneratedPlan {
  const random = seededRandom(seed);
  const fiscalYear = 2019 + Math.floor(random() * 8);
  const pillars = canonicalPlan(random);
  const garbage: string[] = [];
  const text = render(random, fiscalYear, pillars, garbage);
  return { fiscalYear, pillars, text, garbage };
}
