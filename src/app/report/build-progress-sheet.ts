/**
 * Builds the progress report's model (progress-sheet.ts) from the plan, the
 * digest's units of the as-of date, the round's entries and the status
 * history. Pure: the caller reads the stores (load-progress-sheet.ts).
 *
 * Every status figure comes from the digest's own units (buildDigestWithUnits)
 * through the digest's own countByStatus and progressOf, so the workbook and
 * the digest of one date cannot disagree.
 */
import type { BusinessCalendar } from '../../domain/calendar.ts';
import { countByStatus, progressOf, type UnitNow } from '../../domain/digest-rollup.ts';
import { isOverdue } from '../../domain/digest-units.ts';
import { listDivisions, listMilestones, type Item, type LocalDate, type Milestone, type Plan, type YearMonth } from '../../domain/plan.ts';
import type { EvaluationScale, ReportEntry, ReportRound } from '../../domain/report-round.ts';
import { fiscalYearMonths } from '../../domain/schedule.ts';
import type { StatusUpdate } from '../../domain/status-update.ts';
import { localDateOf, wallClock } from '../../domain/zoned-time.ts';
import type { AttentionRow, HistoryRow, ProgressRow, ProgressSheet, ReportHistoryRow, SheetFields, SummaryRow } from './progress-sheet.ts';

export interface ProgressSheetInput {
  planKey: string;
  plan: Plan;
  /** The date the figures are of; the digest of this date counts the same. */
  asOf: LocalDate;
  /** The digest's units at the start of `asOf` (buildDigestWithUnits). */
  units: readonly UnitNow[];
  /** The round the answers come from, or null. */
  round: ReportRound | null;
  scale: EvaluationScale;
  /** Every entry of the round, any order. */
  entries: readonly ReportEntry[];
  /** The round before it and the digest's units at its own as-of date; null when there is none. */
  previous: { round: ReportRound; units: readonly UnitNow[] } | null;
  /** The status history, any order; updates made on or after `asOf` are left out, as the digest leaves them out. */
  updates: readonly StatusUpdate[];
  calendar: BusinessCalendar;
  timeZone: string;
}

type Answer = Extract<ReportEntry, { kind: 'answer' }>;

const EMPTY_FIELDS: SheetFields = Object.freeze({ achievement: '', evaluation: '', issues: '', nextSteps: '' });

/** Assembles every sheet of the report. */
export function buildProgressSheet(input: ProgressSheetInput): ProgressSheet {
  const { plan, asOf, timeZone } = input;
  const months = fiscalYearMonths(plan.fiscalYear);
  const updates = input.updates.filter((u) => localDateOf(u.createdAt, timeZone) < asOf).sort(byTime);
  const latestComment = new Map<string, string>();
  const lastUpdateDay = new Map<string, LocalDate>();
  for (const u of updates) {
    if (u.comment) latestComment.set(u.milestoneId, u.comment);
    lastUpdateDay.set(u.milestoneId, localDateOf(u.createdAt, timeZone));
  }
  const answers = latestAnswers(input.entries);
  const titles = titleOf(plan);
  const returned = returnedItems(input.entries);
  const unitsByItem = groupBy(input.units, (u) => u.unit.placed.item.id);
  // Looked up once per unit and pillar: a large plan has thousands of both.
  const pillarOf = new Map(plan.pillars.flatMap((p) => p.initiatives.flatMap((i) => i.items.map((item) => [item.id, p.id] as const))));

  const rows: ProgressRow[] = [];
  for (const pillar of plan.pillars) {
    for (const initiative of pillar.initiatives) {
      for (const item of initiative.items) {
        const answer = answers.get(item.id);
        const prefill = item.milestones.flatMap((m) => (latestComment.has(m.id) ? [`・${latestComment.get(m.id)}`] : [])).join('\n');
        const statusDays = item.milestones.flatMap((m) => (lastUpdateDay.has(m.id) ? [lastUpdateDay.get(m.id)!] : [])).sort();
        rows.push({
          itemId: item.id,
          pillar: { id: pillar.id, title: pillar.title },
          initiative: { id: initiative.id, title: initiative.title },
          title: item.title,
          owners: [...item.owners],
          milestoneLines: item.milestones.map(milestoneLine),
          months: monthMarks(item, months),
          counts: countByStatus(unitsByItem.get(item.id) ?? []),
          fields: answer ? fieldsOf(answer) : { ...EMPTY_FIELDS, achievement: prefill },
          answered: answer !== undefined,
          returned: returned.has(item.id),
          updatedOn: answer ? localDateOf(answer.createdAt, timeZone) : (statusDays[statusDays.length - 1] ?? null),
        });
      }
    }
  }

  const summarize = (label: string, keep: (itemId: string, owners: readonly string[]) => boolean): SummaryRow => {
    const itemRows = rows.filter((r) => keep(r.itemId, r.owners));
    const units = input.units.filter((u) => keep(u.unit.placed.item.id, u.unit.placed.owners));
    const prior = input.previous ? input.previous.units.filter((u) => keep(u.unit.placed.item.id, u.unit.placed.owners)) : null;
    return summaryRow(label, itemRows, units, answers, input.scale, asOf, prior && input.previous ? { units: prior, asOf: input.previous.round.asOf } : null);
  };

  return {
    planKey: input.planKey,
    planTitle: plan.title,
    fiscalYear: plan.fiscalYear,
    asOf,
    round: input.round ? { id: input.round.id, asOf: input.round.asOf, deadline: input.round.deadline } : null,
    previousRound: input.previous ? { id: input.previous.round.id, asOf: input.previous.round.asOf } : null,
    scale: input.scale,
    months,
    rows,
    pillars: plan.pillars.map((pillar) => summarize(`${pillar.id} ${pillar.title}`, (id) => pillarOf.get(id) === pillar.id)),
    divisions: listDivisions(plan).map((division) => summarize(division, (_, owners) => owners.includes(division))),
    total: summarize('', () => true),
    attention: attentionRows(input.units, asOf, input.calendar, latestComment),
    history: updates.map((u) => historyRow(u, titles, timeZone)),
    reportHistory: [...input.entries].sort(byCreated).map((e) => reportHistoryRow(e, timeZone)),
  };
}

/** `・title(schedule)`: the milestone as the plan wrote it. */
export function milestoneLine(milestone: Milestone): string {
  return `・${milestone.title}${milestone.scheduleText ? `(${milestone.scheduleText})` : ''}`;
}

/** Which of the fiscal year's months a milestone of the item is scheduled in. */
function monthMarks(item: Item, months: readonly YearMonth[]): boolean[] {
  const marked = new Set<YearMonth>();
  const last = months[months.length - 1]!;
  for (const { schedule } of item.milestones) {
    switch (schedule.kind) {
      case 'range':
        for (const m of months) if (m >= schedule.start && m <= schedule.end) marked.add(m);
        // A range ending after the fiscal year still marks up to March.
        if (schedule.end > last) for (const m of months) if (m >= schedule.start) marked.add(m);
        break;
      case 'months':
        for (const m of schedule.months) marked.add(m);
        break;
      case 'from':
        for (const m of months) if (m >= schedule.start) marked.add(m);
        break;
      case 'yearRound':
      case 'monthly':
      case 'timesPerYear':
        for (const m of months) marked.add(m);
        break;
      case 'asNeeded':
      case 'unscheduled':
        break;
    }
  }
  return months.map((m) => marked.has(m));
}

function fieldsOf(answer: Answer): SheetFields {
  return { achievement: answer.achievement, evaluation: answer.evaluation, issues: answer.issues, nextSteps: answer.nextSteps };
}

/** Per item, its latest answer (a later send-back does not erase it: the sheet shows what was answered). */
export function latestAnswers(entries: readonly ReportEntry[]): Map<string, Answer> {
  const latest = new Map<string, Answer>();
  for (const entry of [...entries].sort(byCreated)) if (entry.kind === 'answer') latest.set(entry.itemId, entry);
  return latest;
}

/** Items whose latest entry is a send-back: the division has to answer again. */
function returnedItems(entries: readonly ReportEntry[]): Set<string> {
  const last = new Map<string, ReportEntry>();
  for (const entry of [...entries].sort(byCreated)) last.set(entry.itemId, entry);
  return new Set([...last.values()].filter((e) => e.kind === 'returned').map((e) => e.itemId));
}

function summaryRow(
  label: string,
  rows: readonly ProgressRow[],
  units: readonly UnitNow[],
  answers: ReadonlyMap<string, Answer>,
  scale: EvaluationScale,
  asOf: LocalDate,
  previous: { units: readonly UnitNow[]; asOf: LocalDate } | null,
): SummaryRow {
  const evaluations = Object.fromEntries(scale.grades.map((g) => [g.code, 0])) as Record<string, number>;
  let unanswered = 0;
  for (const row of rows) {
    const answer = answers.get(row.itemId);
    if (answer && answer.evaluation in evaluations) evaluations[answer.evaluation]!++;
    else unanswered++;
  }
  const progress = progressOf(units, asOf);
  const rate = (done: number, total: number) => (total === 0 ? null : done / total);
  const prior = previous ? progressOf(previous.units, previous.asOf) : null;
  return {
    label,
    items: rows.length,
    evaluations,
    unanswered,
    counts: countByStatus(units),
    total: progress.total,
    done: progress.done,
    completionRate: rate(progress.done, progress.total),
    overdue: progress.overdue,
    previous: prior ? { completionRate: rate(prior.done, prior.total), overdue: prior.overdue, done: prior.done } : null,
  };
}

/** Overdue units first (longest overdue first), then the ones reported 遅延, then 注意, in plan order. */
function attentionRows(units: readonly UnitNow[], asOf: LocalDate, calendar: BusinessCalendar, comments: ReadonlyMap<string, string>): AttentionRow[] {
  const rows = units.flatMap(({ unit, now }): Array<AttentionRow & { rank: number; order: number }> => {
    const overdue = isOverdue(now, asOf);
    if (!overdue && now.status !== 'delayed' && now.status !== 'at_risk') return [];
    const { milestone, item, pillar, owners } = unit.placed;
    return [
      {
        milestoneId: milestone.id,
        itemId: item.id,
        pillarId: pillar.id,
        itemTitle: item.title,
        milestoneTitle: milestone.title,
        checkpoint: unit.checkpoint,
        owners: [...owners],
        due: now.due,
        status: now.status,
        daysOverdue: overdue ? calendar.countBusinessDaysBetween(now.due!, asOf) : null,
        comment: comments.get(milestone.id) ?? '',
        rank: overdue ? 0 : now.status === 'delayed' ? 1 : 2,
        order: 0,
      },
    ];
  });
  rows.forEach((row, index) => (row.order = index));
  rows.sort((a, b) => a.rank - b.rank || (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0) || a.order - b.order);
  return rows.map(({ rank: _rank, order: _order, ...row }) => row);
}

function historyRow(update: StatusUpdate, title: (milestoneId: string) => string, timeZone: string): HistoryRow {
  return {
    at: stampOf(update.createdAt, timeZone),
    milestoneId: update.milestoneId,
    milestoneTitle: title(update.milestoneId),
    checkpoint: update.checkpoint ?? null,
    status: update.status,
    comment: update.comment ?? '',
    revisedDue: update.revisedDue ?? null,
    actor: update.actor,
    via: update.via,
  };
}

function reportHistoryRow(entry: ReportEntry, timeZone: string): ReportHistoryRow {
  return {
    at: stampOf(entry.createdAt, timeZone),
    itemId: entry.itemId,
    division: entry.division,
    kind: entry.kind,
    fields: entry.kind === 'answer' ? fieldsOf(entry) : null,
    comment: entry.kind === 'returned' ? entry.comment : '',
    actor: entry.actor,
    via: entry.via,
  };
}

function stampOf(iso: string, timeZone: string): string {
  const clock = wallClock(new Date(iso), timeZone);
  return `${clock.date} ${clock.time}`;
}

function titleOf(plan: Plan): (milestoneId: string) => string {
  const titles = new Map(listMilestones(plan).map((p) => [p.milestone.id, p.milestone.title]));
  // A milestone dropped by a re-import keeps its history; its title is no longer known.
  return (id) => titles.get(id) ?? '';
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const k = key(value);
    const list = groups.get(k);
    if (list) list.push(value);
    else groups.set(k, [value]);
  }
  return groups;
}

const byTime = (a: StatusUpdate, b: StatusUpdate) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id);
const byCreated = (a: ReportEntry, b: ReportEntry) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id);
