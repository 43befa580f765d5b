// `shinchoku import FILE.xlsx [--apply]`: a progress report workbook we wrote,
// edited by hand, read back. Plan cells (取組項目, 担当課, 年次計画) go through
// the usual review report and re-import diff; changed answer cells are
// offered as answers to the round the workbook was exported for. A dry run
// unless --apply: every change is listed first. Any bad cell is named by
// sheet, row and column, and nothing is written.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Config } from '../config.ts';
import { closeDatabase, openDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../adapters/db/report-store.ts';
import { readProgressWorkbook } from '../adapters/excel/read-progress-workbook.ts';
import type { CellProblem } from '../app/report/edited-workbook.ts';
import { workbookChanges, type OfferedAnswer } from '../app/report/workbook-changes.ts';
import { isEmptyDiff, reconcilePlan } from '../import/reconcile.ts';
import { formatEraDate } from '../i18n/format-date.ts';
import { translator, type Translate } from '../i18n/catalog.ts';
import { CliFailure, type CliIo } from './io.ts';
import { renderDiff } from './render-plan.ts';

export interface ImportWorkbookOptions {
  /** Record the listed changes; without it, a dry run. */
  apply?: boolean;
}

export async function importWorkbookCommand(file: string, options: ImportWorkbookOptions, config: Config, io: CliIo, now: Date): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const failWith = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  const badCells = (problems: readonly CellProblem[]): never => {
    io.err([t('excel.import.badCells', { count: problems.length }), ...problems.map((p) => t('excel.import.badCell', { cell: p.cell, reason: p.reason }))].join('\n'));
    throw new CliFailure('bad cells');
  };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failWith(code === 'ENOENT' ? t('cli.fileMissing', { file }) : t('cli.fileUnreadable', { file, reason: code ?? String(error) }));
  }
  const read = await readProgressWorkbook(bytes);
  if (!read.ok) {
    return failWith(read.error.kind === 'not_ours' ? t('excel.import.notOurs', { file }) : t('excel.import.unreadable', { file, reason: read.error.reason }));
  }
  const edited = read.value;
  const { meta } = edited;

  const db = await openDatabase(config.DATABASE_URL);
  try {
    const plans = createPlanStore(db);
    const plan = await plans.loadKey(meta.planKey);
    if (!plan) return failWith(t('excel.import.planMissing', { plan: meta.planKey }));
    const rounds = createReportRoundStore(db);
    const round = meta.roundId === null ? null : await rounds.byId(meta.roundId);
    if (meta.roundId !== null && !round) return failWith(t('excel.problem.unknown_round', { round: meta.roundId }));
    const changes = workbookChanges(plan, edited, round?.scale ?? null, t);
    if (changes.problems.length > 0) return badCells(changes.problems);

    const lines = [t('excel.import.header', { plan: meta.planKey, asOf: formatEraDate(meta.asOf, config.SHINCHOKU_LANG), round: meta.roundId ?? '' }), ''];
    const reconciled = changes.plan ? reconcilePlan(plan, changes.plan, await plans.listInactiveMilestoneIds(meta.planKey)) : null;
    const planChanges = reconciled && !isEmptyDiff(reconciled.diff) ? reconciled : null;
    lines.push(...(planChanges ? renderDiff(planChanges.diff, t) : [t('excel.import.planUnchanged')]), '');
    if (round) {
      lines.push(changes.answers.length > 0 ? t('excel.import.answersHeader', { round: round.id, count: changes.answers.length }) : t('excel.import.noAnswers'));
      lines.push(...changes.answers.map((answer) => answerLine(answer, t)));
    }
    io.out(lines.join('\n'));
    if (round && round.closedAt !== null && changes.answers.length > 0) return failWith(t('excel.import.roundClosed', { round: round.id }));

    if (!options.apply) {
      io.out(`${t('cli.dryRun')}\n${t('excel.import.applyHint', { file })}`);
      return;
    }
    if (planChanges) {
      await plans.save(planChanges.plan, file, now.toISOString(), meta.planKey);
      io.out(t('cli.stored', { database: config.DATABASE_URL }));
    }
    if (round && changes.answers.length > 0) {
      const entries = createReportEntryStore(db);
      const actor = operatorName();
      for (const answer of changes.answers) {
        await entries.append({ kind: 'answer', roundId: round.id, itemId: answer.itemId, division: answer.division, actor, via: 'excel', createdAt: now.toISOString(), ...answer.fields });
      }
      io.out(t('excel.import.answersRecorded', { count: changes.answers.length }));
    }
  } finally {
    await closeDatabase(db);
  }
}

/** `1-1 title (division): 進捗評価「○」→「◎」、取組実績「…」→「…」`, long texts cut. */
function answerLine(answer: OfferedAnswer, t: Translate): string {
  const short = (text: string) => {
    const flat = text.replace(/\n/gu, ' ');
    return [...flat].length > 40 ? `${[...flat].slice(0, 40).join('')}…` : flat;
  };
  const label = { achievement: 'excel.col.achievement', evaluation: 'excel.col.evaluation', issues: 'excel.col.issues', nextSteps: 'excel.col.nextSteps' } as const;
  const fields = answer.changed.map((c) => t('excel.import.fieldChange', { field: t(label[c.field as keyof typeof label]), before: short(c.before), after: short(c.after) })).join(t('excel.import.fieldSeparator'));
  return t('excel.import.answerLine', { id: answer.itemId, title: answer.title, division: answer.division, fields });
}

/** Who recorded the answers: the operator's login name, as other CLI writes name them. */
function operatorName(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}
