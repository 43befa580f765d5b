/**
 * The progress report of a plan for a round or a date, as a file: the one
 * function the CLI, `/plan export` and the dashboard's download call.
 */
import { loadProgressSheet, type ReportProblem, type ReportRequest, type ReportSources } from '../../app/report/load-progress-sheet.ts';
import type { ProgressSheet } from '../../app/report/progress-sheet.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { workbookFileName, writeProgressWorkbook } from './write-progress-workbook.ts';
import { writeProgressCsv } from './write-progress-csv.ts';

export interface ExportedReport {
  bytes: Buffer;
  /** A file name for a download or an upload, e.g. `進捗管理表_fy2020_2020-09-30.xlsx`. */
  fileName: string;
  sheet: ProgressSheet;
}

/** The report `request` names, as .xlsx (default) or CSV bytes. */
export async function exportProgressReport(
  sources: ReportSources,
  request: ReportRequest,
  options: { lang: Lang; now: Date; format?: 'xlsx' | 'csv' },
): Promise<Result<ExportedReport, ReportProblem>> {
  const loaded = await loadProgressSheet(sources, request);
  if (!loaded.ok) return fail(loaded.error);
  const sheet = loaded.value;
  const format = options.format ?? 'xlsx';
  const bytes = format === 'csv' ? writeProgressCsv(sheet, options.lang) : await writeProgressWorkbook(sheet, options);
  return ok({ bytes, fileName: workbookFileName(sheet, options.lang, format), sheet });
}

/** A ReportProblem in words. */
export function reportProblemText(problem: ReportProblem, t: Translate): string {
  switch (problem.code) {
    case 'no_plan':
      return t('excel.problem.no_plan', { plan: problem.planKey });
    case 'unknown_round':
      return t('excel.problem.unknown_round', { round: problem.roundId });
    case 'round_of_other_plan':
      return t('excel.problem.round_of_other_plan', { round: problem.roundId, plan: problem.planKey, roundPlan: problem.roundPlan });
  }
}
