/**
 * The plan model (SPEC §1.1): Plan → Pillar → Initiative → Item → Milestone.
 * Plain data, shared by the importer, the stores and every use case.
 */

/** A calendar month as `YYYY-MM` (Gregorian). */
export type YearMonth = string;

/** A calendar date as `YYYY-MM-DD` (Gregorian, no time zone). */
export type LocalDate = string;

/** When a milestone is due; see SPEC §1.2 for the text each kind comes from. */
export type Schedule =
  | { kind: 'range'; start: YearMonth; end: YearMonth }
  | { kind: 'months'; months: YearMonth[] }
  | { kind: 'from'; start: YearMonth }
  | { kind: 'yearRound' }
  | { kind: 'asNeeded' }
  | { kind: 'monthly' }
  | { kind: 'timesPerYear'; times: number }
  | { kind: 'unscheduled' };

export type ScheduleKind = Schedule['kind'];

export const SCHEDULE_KINDS: readonly ScheduleKind[] = [
  'range',
  'months',
  'from',
  'yearRound',
  'asNeeded',
  'monthly',
  'timesPerYear',
  'unscheduled',
];

export interface Milestone {
  /** Short, stable, typeable id: `<initiative>-<item>-<n>`, e.g. `1-1-2`. */
  id: string;
  title: string;
  /** The schedule as the plan wrote it (`6月~1月`), absent when there was none. */
  scheduleText?: string;
  schedule: Schedule;
  /** The `〇…` / `【…】` heading or schedule-less bullet the milestone sits under. */
  group?: string;
  /** Overrides the item's owners; absent means "inherit". */
  owners?: string[];
}

export interface Item {
  /** `<initiative>-<n>`, e.g. `1-1`. */
  id: string;
  title: string;
  /** Division names, verbatim (総務部法務・文書課 is one division). */
  owners: string[];
  milestones: Milestone[];
}

export interface Initiative {
  /** The plan's own 番号, e.g. `1` … `7` (numbered across pillars). */
  id: string;
  title: string;
  items: Item[];
}

export interface Pillar {
  /** Roman numeral: `I`, `II`, `III`, … */
  id: string;
  title: string;
  initiatives: Initiative[];
}

/**
 * A line of the source the importer was not sure of, with why. Without a
 * kind the line was not imported; `repaired` lines were imported after a
 * repair or with a gap; `review` lines (「要確認」) were imported under an
 * item or owners that a fallback rule chose.
 */
export interface ImportWarning {
  line: number;
  text: string;
  reason: string;
  kind?: ImportWarningKind;
}

export type ImportWarningKind = 'repaired' | 'review';

export interface Plan {
  version: 1;
  title: string;
  /** Gregorian year in which the fiscal year starts: 令和2年度 = 2020. */
  fiscalYear: number;
  publishedOn?: LocalDate;
  coordinator?: string;
  pillars: Pillar[];
  warnings: ImportWarning[];
}

/** A milestone with the ancestry a reminder or a listing needs. */
export interface PlacedMilestone {
  milestone: Milestone;
  item: Item;
  initiative: Initiative;
  pillar: Pillar;
  /** The milestone's own owners, or its item's. */
  owners: string[];
}

/** Every milestone of the plan in document order, with its ancestry. */
export function listMilestones(plan: Plan): PlacedMilestone[] {
  const placed: PlacedMilestone[] = [];
  for (const pillar of plan.pillars) {
    for (const initiative of pillar.initiatives) {
      for (const item of initiative.items) {
        for (const milestone of item.milestones) {
          placed.push({ milestone, item, initiative, pillar, owners: milestone.owners ?? item.owners });
        }
      }
    }
  }
  return placed;
}

/** The plan with only the milestones whose id `keep` accepts (the tree around them unchanged). */
export function planWith(plan: Plan, keep: (milestoneId: string) => boolean): Plan {
  return {
    ...plan,
    pillars: plan.pillars.map((pillar) => ({
      ...pillar,
      initiatives: pillar.initiatives.map((initiative) => ({
        ...initiative,
        items: initiative.items.map((item) => ({ ...item, milestones: item.milestones.filter((milestone) => keep(milestone.id)) })),
      })),
    })),
  };
}

/** Every division named as an owner anywhere in the plan, in first-seen order. */
export function listDivisions(plan: Plan): string[] {
  const seen = new Set<string>();
  for (const pillar of plan.pillars) {
    for (const initiative of pillar.initiatives) {
      for (const item of initiative.items) {
        for (const owner of item.owners) seen.add(owner);
        for (const milestone of item.milestones) for (const owner of milestone.owners ?? []) seen.add(owner);
      }
    }
  }
  return [...seen];
}
