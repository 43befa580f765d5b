// `shinchoku export --xlsx FILE [--csv FILE] [--date D | --round R] [--plan KEY]`:
// the progress report (進捗管理表) of a plan as an Excel workbook and/or CSV.
// Without --plan, the plan of the date (the current fiscal year's, as the
// digest chooses it); without --date or --round, the plan's latest round,
// else today.
import { writeFile } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { reminderPolicyOf } from '../config.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createReportSources } from '../adapters/db/report-sources.ts';
import { createReportEntryStore, createReportRoundStore } from '../adapters/db/report-store.ts';
import { exportProgressReport, reportProblemText } from '../adapters/excel/export-workbook.ts';
import { parseTypedDate } from '../domain/typed-time.ts';
import { wallClock } from '../domain/zoned-time.ts';
import { formatEraDate } from '../i18n/format-date.ts';
import { translator } from '../i18n/catalog.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface ExportOptions {
  xlsx?: string;
  csv?: string;
  date?: string;
  round?: string;
  plan?: string;
}

export async function exportCommand(options: ExportOptions, config: Config, io: CliIo, now: Date): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const lang = config.SHINCHOKU_LANG;
  const failWith = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  if (options.xlsx === undefined && options.csv === undefined) failWith(t('excel.cli.needTarget'));
  if (options.date !== undefined && options.round !== undefined) failWith(t('excel.cli.dateAndRound'));
  const date = options.date === undefined ? undefined : (parseTypedDate(options.date) ?? failWith(t('excel.cli.badDate', { date: options.date })));
  if (options.round !== undefined && !/^\d{1,9}$/u.test(options.round)) failWith(t('excel.cli.badRound', { round: options.round }));
  const today = wallClock(now, config.SHINCHOKU_TIMEZONE).date;

  const db = await openDatabase(config.DATABASE_URL);
  try {
    // The plan of the date asked for, as `shinchoku digest --date` chooses it; a round names its own plan.
    const plans = createPlanStore(db, { today: () => date ?? today });
    const planKey = options.plan ?? (options.round !== undefined ? '' : ((await plans.scopeOf())?.key ?? null));
    if (planKey === null) return failWith(t('cli.noStoredPlan', { database: config.DATABASE_URL }));
    const sources = createReportSources(db, {
      calendar: createJapaneseCalendar(),
      policy: reminderPolicyOf(config),
      timeZone: config.SHINCHOKU_TIMEZONE,
      rounds: createReportRoundStore(db),
      entries: createReportEntryStore(db),
    });
    const request = { planKey, today, ...(date !== undefined && { date }), ...(options.round !== undefined && { roundId: Number(options.round) }) };
    for (const [format, file] of [
      ['xlsx', options.xlsx],
      ['csv', options.csv],
    ] as const) {
      if (file === undefined) continue;
      const exported = await exportProgressReport(sources, request, { lang, now, format });
      if (!exported.ok) return failWith(reportProblemText(exported.error, t));
      try {
        await writeFile(file, exported.value.bytes);
      } catch (error) {
        return failWith(t('excel.cli.cannotWrite', { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
      }
      const { sheet } = exported.value;
      io.out(t('excel.cli.written', { file, plan: sheet.planKey, asOf: formatEraDate(sheet.asOf, lang), rows: sheet.rows.length }));
    }
  } finally {
    await closeDatabase(db);
  }
}
