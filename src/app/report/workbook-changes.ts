/**
 * What an edited progress report workbook changes: the plan (an item's
 * title, divisions, annual plan lines: through the usual re-import diff) and
 * the round's answers (rows whose 取組実績, 進捗評価, 課題 or 今後の方向性 differ
 * from what the workbook said when written). Cells are compared with the
 * workbook's own snapshot, not with the database, so an answer given in
 * chat after the export is not taken back by an untouched row.
 */
import { trailingParen } from '../../import/pdf-text/pieces.ts';
import type { Item, Milestone, Plan } from '../../domain/plan.ts';
import { checkReportFields, type EvaluationScale, type ReportFieldProblem, type ReportFields } from '../../domain/report-round.ts';
import { parseSchedule } from '../../domain/schedule.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { milestoneLine } from './build-progress-sheet.ts';
import type { CellProblem, EditedRow, EditedWorkbook } from './edited-workbook.ts';
import type { SheetFields } from './progress-sheet.ts';

export const ANSWER_FIELDS = ['achievement', 'evaluation', 'issues', 'nextSteps'] as const;

/** One answer the workbook offers for the round. */
export interface OfferedAnswer {
  itemId: string;
  title: string;
  /** Who answers: the item's first division (the one the round asks first). */
  division: string;
  fields: ReportFields;
  changed: Array<{ field: keyof SheetFields; before: string; after: string }>;
}

export interface WorkbookChanges {
  /** The plan with the edited items, or null when no plan cell changed. */
  plan: Plan | null;
  answers: OfferedAnswer[];
  problems: CellProblem[];
}

const BULLETS = /^[・･•]\s*/u;

/**
 * The changes `edited` makes to `plan`, checked against `scale` (the round's;
 * null when the workbook was written without a round).
 */
export function workbookChanges(plan: Plan, edited: EditedWorkbook, scale: EvaluationScale | null, t: Translate): WorkbookChanges {
  const items = new Map<string, Item>();
  for (const pillar of plan.pillars) for (const initiative of pillar.initiatives) for (const item of initiative.items) items.set(item.id, item);
  const problems: CellProblem[] = [...edited.problems];
  const revised = new Map<string, Item>();
  const answers: OfferedAnswer[] = [];

  for (const row of edited.rows) {
    const item = items.get(row.itemId);
    const before = edited.meta.items.get(row.itemId);
    if (!item || !before) {
      problems.push({ cell: row.cells.id, reason: t('excel.cell.unknownId', { id: row.itemId }) });
      continue;
    }
    const planEdited = row.title !== before.title || row.owners.join('\n') !== before.owners.join('\n') || row.lines.join('\n') !== before.lines.join('\n');
    if (planEdited) {
      const next = reviseItem(item, before.lines, row, plan.fiscalYear, t);
      if (next.ok) revised.set(item.id, next.item);
      else problems.push(...next.problems);
    }
    const changed = ANSWER_FIELDS.filter((field) => row.fields[field] !== before.fields[field]).map((field) => ({ field, before: before.fields[field], after: row.fields[field] }));
    if (changed.length === 0) continue;
    if (scale === null) {
      problems.push(...changed.map((c) => ({ cell: row.cells[c.field], reason: t('excel.cell.noRound') })));
      continue;
    }
    // The rounds' own check, as every form and command answers through it.
    const checked = checkReportFields(row.fields, scale);
    if (!checked.ok) {
      problems.push(...checked.error.map((problem) => ({ cell: row.cells[problem.field], reason: fieldProblemText(problem, t) })));
      continue;
    }
    answers.push({ itemId: item.id, title: item.title, division: item.owners[0] ?? '', fields: checked.value, changed });
  }

  const nextPlan: Plan | null =
    revised.size === 0
      ? null
      : {
          ...plan,
          pillars: plan.pillars.map((pillar) => ({
            ...pillar,
            initiatives: pillar.initiatives.map((initiative) => ({ ...initiative, items: initiative.items.map((item) => revised.get(item.id) ?? item) })),
          })),
        };
  return { plan: nextPlan, answers, problems: problems.sort(byPlace) };
}

/** A field's refusal in words, named by its column. */
function fieldProblemText(problem: ReportFieldProblem, t: Translate): string {
  const column = { achievement: 'excel.col.achievement', evaluation: 'excel.col.evaluation', issues: 'excel.col.issues', nextSteps: 'excel.col.nextSteps' } as const;
  switch (problem.code) {
    case 'unknown_grade':
      return problem.word === '' ? t('excel.cell.evaluationRequired', { codes: problem.valid.join(' ') }) : t('excel.cell.notOnScale', { value: problem.word, codes: problem.valid.join(' ') });
    case 'achievement_required':
      return t('excel.cell.achievementRequired', { evaluation: problem.grade });
    case 'too_long':
      return t('excel.cell.tooLong', { column: t(column[problem.field]), length: problem.length, max: problem.max });
    case 'control_characters':
      return t('excel.cell.controlCharacters', { column: t(column[problem.field]) });
  }
}

/** Problems in the order of the sheet: by row, then by column (`進捗管理表!U14`). */
function byPlace(a: CellProblem, b: CellProblem): number {
  const place = (cell: string) => {
    const match = /!([A-Z]+)(\d+)$/u.exec(cell);
    const column = match ? [...match[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) : 0;
    return { row: match ? Number(match[2]) : 0, column };
  };
  const [pa, pb] = [place(a.cell), place(b.cell)];
  return pa.row - pb.row || pa.column - pb.column;
}

/**
 * The item as the row has it. A line equal to one the workbook was written
 * with is that milestone, unchanged; another line is read as the plan
 * writes one (`・title(schedule)`), keeping the group and owners of the
 * milestone that stood in its place. Ids are left to the re-import's
 * reconcile, which pairs titles as it does for any revised plan.
 */
function reviseItem(item: Item, linesBefore: readonly string[], row: EditedRow, fiscalYear: number, t: Translate): { ok: true; item: Item } | { ok: false; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  if (row.title === '') problems.push({ cell: row.cells.item, reason: t('excel.cell.emptyTitle') });
  if (row.owners.length === 0) problems.push({ cell: row.cells.owners, reason: t('excel.cell.noOwners') });
  const byLine = new Map<string, Milestone>();
  item.milestones.forEach((m, i) => {
    if (linesBefore[i] === milestoneLine(m)) byLine.set(linesBefore[i]!, m);
  });
  const taken = new Set<Milestone>();
  const milestones: Milestone[] = [];
  row.lines.forEach((line, index) => {
    const same = byLine.get(line);
    if (same && !taken.has(same)) {
      taken.add(same);
      milestones.push(same);
      return;
    }
    if (!BULLETS.test(line)) {
      problems.push({ cell: row.cells.plan, reason: t('excel.cell.badLine', { line }) });
      return;
    }
    const text = line.replace(BULLETS, '');
    const paren = trailingParen(text);
    const schedule = paren === undefined ? null : parseSchedule(paren, fiscalYear);
    const title = schedule && paren !== undefined ? text.slice(0, text.length - paren.length - 2).trim() : text.trim();
    const inPlace = item.milestones[index];
    milestones.push({
      id: inPlace && !taken.has(inPlace) ? inPlace.id : `${item.id}-${item.milestones.length + index + 1}`,
      title,
      ...(schedule && paren !== undefined ? { scheduleText: paren, schedule } : { schedule: { kind: 'unscheduled' as const } }),
      ...(inPlace?.group !== undefined && { group: inPlace.group }),
      ...(inPlace?.owners !== undefined && { owners: inPlace.owners }),
    });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, item: { ...item, title: row.title, owners: row.owners, milestones } };
}
