/**
 * Synthetic plans for the scale benchmark: any number of milestones, shaped
 * like the bundled FY2020 plan (config/plans/fy2020-mie.yaml) and generated
 * from a seed, so every run measures the same plan.
 *
 * Shape taken from the bundled plan: about 3.5 milestones per item and 2–3
 * items per initiative; an item owned by one division (~45 %), two (~20 %)
 * or three (~35 %); half the milestones under a `〇…` group; schedule kinds
 * in its proportions (range 31 %, yearRound 27 %, months 22 %, from 12.5 %,
 * asNeeded 3 %, monthly, timesPerYear and unscheduled 1.5 % each). Owners
 * come from 15 divisions, a few of which own much more than the others.
 */
import type { Directory, DivisionEntry } from '../../../src/domain/directory.ts';
import type { Item, Milestone, Plan, Schedule } from '../../../src/domain/plan.ts';
import type { StatusUpdate } from '../../../src/domain/status-update.ts';
import type { StatusCode } from '../../../src/domain/status.ts';
import { fiscalMonth } from '../../../src/domain/schedule.ts';
import { seededRandom } from '../../../test/fakes/seeded-random.ts';

export const FISCAL_YEAR = 2020;
export const COORDINATOR = '総務部行財政改革推進課';

/** Fifteen divisions of a prefectural government; the first ones own the most. */
export const DIVISIONS = [
  COORDINATOR,
  '総務部人事課',
  '総務部スマート改革推進課',
  '総務部財政課',
  '総務部総務課',
  '総務部法務・文書課',
  '総務部税務企画課',
  '総務部税収確保課',
  '総務部管財課',
  '出納局出納総務課',
  '政策企画部企画課',
  '地域連携部地域支援課',
  '環境生活部環境生活総務課',
  '医療保健部医療政策課',
  '県土整備部県土整備総務課',
] as const;

/** The one division the synthetic directory leaves out, as the example directory does. */
export const UNMAPPED_DIVISION = '総務部管財課';

export { seededRandom };

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** Picks by weight: [[value, weight], …]. */
function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

const KIND_WEIGHTS: readonly (readonly [Schedule['kind'], number])[] = [
  ['range', 20],
  ['yearRound', 17],
  ['months', 14],
  ['from', 8],
  ['asNeeded', 2],
  ['monthly', 1],
  ['timesPerYear', 1],
  ['unscheduled', 1],
];

/** Divisions weighted so that a few own most of the plan, as in a real one. */
const DIVISION_WEIGHTS = DIVISIONS.map((division, i) => [division, i < 4 ? 4 : i < 9 ? 2 : 1] as const);

const SUBJECTS = ['職員研修', '業務改善', 'RPA・AI', '電子申請', '文書管理', '公共施設マネジメント', '県税収入', '財政健全化', '働き方改革', 'テレワーク', '内部統制', 'データ利活用', '窓口業務', '広報', '契約事務'];
const ACTIONS = ['の検討、実施', 'の見直し', 'の推進', 'に向けた調査', 'の実証', 'の導入', '方針の策定', 'の評価・検証', 'の周知', '計画の改定'];
const GROUPS = ['〇人材育成の充実', '〇スマート自治体の推進', '〇財政運営の健全化', '〇コンプライアンスの推進', '〇働き方改革の推進'];

/** A schedule of `kind` in FISCAL_YEAR, with the text the plan would print for it. */
function scheduleOf(random: Random, kind: Schedule['kind']): { schedule: Schedule; scheduleText?: string } {
  // Fiscal months 1 … 12 are April … March.
  const fiscal = (n: number) => ((n + 2) % 12) + 1;
  switch (kind) {
    case 'range': {
      const start = between(random, 1, 10);
      const end = between(random, start + 1, 12);
      return { schedule: { kind, start: fiscalMonth(fiscal(start), FISCAL_YEAR), end: fiscalMonth(fiscal(end), FISCAL_YEAR) }, scheduleText: `${fiscal(start)}月~${fiscal(end)}月` };
    }
    case 'months': {
      const count = weighted(random, [[1, 10], [2, 3], [3, 1]] as const);
      const picked = [...new Set(Array.from({ length: count }, () => between(random, 1, 12)))].sort((a, b) => a - b);
      return { schedule: { kind, months: picked.map((n) => fiscalMonth(fiscal(n), FISCAL_YEAR)) }, scheduleText: picked.map((n) => `${fiscal(n)}月`).join('、') };
    }
    case 'from': {
      const start = weighted(random, [[1, 6], [2, 1], [4, 1]] as const);
      return { schedule: { kind, start: fiscalMonth(fiscal(start), FISCAL_YEAR) }, scheduleText: `${fiscal(start)}月~` };
    }
    case 'yearRound':
      return { schedule: { kind }, scheduleText: '通年' };
    case 'asNeeded':
      return { schedule: { kind }, scheduleText: '随時' };
    case 'monthly':
      return { schedule: { kind }, scheduleText: '月1回' };
    case 'timesPerYear': {
      const times = between(random, 2, 4);
      return { schedule: { kind, times }, scheduleText: `年${times}回` };
    }
    case 'unscheduled':
      return { schedule: { kind } };
  }
}

function ownersOf(random: Random): string[] {
  const count = weighted(random, [[1, 45], [2, 20], [3, 35]] as const);
  const owners = new Set<string>();
  while (owners.size < count) owners.add(weighted(random, DIVISION_WEIGHTS));
  return [...owners];
}

function romanNumeral(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

/** A plan with exactly `milestones` milestones. */
export function syntheticPlan(milestones: number, seed = 20200401): Plan {
  const random = seededRandom(seed);
  // Three pillars for the bundled plan's size, a few dozen for the largest.
  const pillarCount = Math.min(40, Math.max(3, Math.round(Math.sqrt(milestones) / 2.5)));
  const perPillar = milestones / pillarCount;
  const plan: Plan = { version: 1, title: `令和2年度 行財政改革取組 年次計画(合成 ${milestones} 件)`, fiscalYear: FISCAL_YEAR, publishedOn: '2020-06-02', coordinator: COORDINATOR, pillars: [], warnings: [] };
  let made = 0;
  let initiativeNumber = 0;
  for (let p = 0; p < pillarCount; p++) {
    const pillar = { id: romanNumeral(p + 1), title: `${pick(random, SUBJECTS)}の推進`, initiatives: [] as Plan['pillars'][number]['initiatives'] };
    plan.pillars.push(pillar);
    const pillarEnd = p === pillarCount - 1 ? milestones : Math.round(perPillar * (p + 1));
    while (made < pillarEnd) {
      initiativeNumber++;
      const initiative = { id: String(initiativeNumber), title: `「${pick(random, SUBJECTS)}」づくり`, items: [] as Item[] };
      pillar.initiatives.push(initiative);
      const items = between(random, 2, 3);
      for (let i = 1; i <= items && made < pillarEnd; i++) {
        const item: Item = { id: `${initiative.id}-${i}`, title: `${pick(random, SUBJECTS)}${pick(random, ACTIONS)}`, owners: ownersOf(random), milestones: [] };
        initiative.items.push(item);
        const count = Math.min(between(random, 1, 6), pillarEnd - made);
        const group = random() < 0.5 ? pick(random, GROUPS) : undefined;
        for (let m = 1; m <= count; m++) {
          const milestone: Milestone = {
            id: `${item.id}-${m}`,
            title: `${pick(random, SUBJECTS)}${pick(random, ACTIONS)}(第${m}段階)`,
            ...scheduleOf(random, weighted(random, KIND_WEIGHTS)),
            ...(group === undefined ? {} : { group }),
          };
          item.milestones.push(milestone);
          made++;
        }
      }
    }
  }
  return plan;
}

/** Every division its own channel, except UNMAPPED_DIVISION (its reminders go to the coordinator). */
export function syntheticDirectory(): Directory {
  const divisions = new Map<string, DivisionEntry>();
  DIVISIONS.forEach((division, i) => {
    if (division !== UNMAPPED_DIVISION && division !== COORDINATOR) divisions.set(division, { channel: `C0DIV${String(i).padStart(4, '0')}`, users: [`U0DIV${i}`], deputies: [] });
  });
  return { coordinator: { division: COORDINATOR, channel: 'C0REFORM01', users: ['U0COORD01'] }, divisions };
}

const REPORTED: readonly (readonly [StatusCode, number])[] = [
  ['on_track', 60],
  ['at_risk', 15],
  ['delayed', 10],
  ['done', 12],
  ['cancelled', 3],
];

/**
 * `perMilestone` status updates per milestone on average, between the start
 * of the fiscal year and `before` (exclusive), oldest first; about one
 * milestone in seven ends done or cancelled. Checkpoint updates for
 * milestones with `months` schedules, as owners answer those reminders.
 */
export function syntheticHistory(plan: Plan, perMilestone: number, before: string, seed = 7): Omit<StatusUpdate, 'id'>[] {
  const random = seededRandom(seed);
  const start = Date.parse(`${FISCAL_YEAR}-04-01T00:00:00Z`);
  const span = Date.parse(`${before}T00:00:00Z`) - start - 86_400_000;
  const updates: Omit<StatusUpdate, 'id'>[] = [];
  for (const pillar of plan.pillars) {
    for (const initiative of pillar.initiatives) {
      for (const item of initiative.items) {
        for (const milestone of item.milestones) {
          const count = between(random, 0, perMilestone * 2);
          const checkpoints = milestone.schedule.kind === 'months' ? milestone.schedule.months : [];
          for (let n = 0; n < count; n++) {
            const checkpoint = checkpoints.length > 0 && random() < 0.5 ? pick(random, checkpoints) : undefined;
            updates.push({
              milestoneId: milestone.id,
              ...(checkpoint === undefined ? {} : { checkpoint }),
              status: weighted(random, REPORTED),
              ...(random() < 0.2 ? { comment: '予定どおり進めています。' } : {}),
              actor: `U0DIV${between(random, 1, 14)}`,
              via: weighted(random, [['button', 6], ['slash', 3], ['modal', 1]] as const),
              createdAt: new Date(start + Math.floor(random() * span)).toISOString(),
            });
          }
        }
      }
    }
  }
  return updates.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
