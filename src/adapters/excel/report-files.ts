/**
 * The ReportFiles port of `/plan export`: the workbook of the default plan
 * (the one commands speak for) now — its latest report round, else today.
 */
import type { ReportFiles } from '../../app/commands/ports.ts';
import type { ReportSources } from '../../app/report/load-progress-sheet.ts';
import { fail, ok } from '../../domain/result.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { exportProgressReport } from './export-workbook.ts';

export function createReportFiles(sources: ReportSources, defaultPlan: () => Promise<{ key: string } | null>): ReportFiles {
  return {
    async build(now, lang) {
      const plan = await defaultPlan();
      if (!plan) return fail({ code: 'no_plan' as const });
      const exported = await exportProgressReport(sources, { planKey: plan.key, today: wallClock(now, sources.timeZone).date }, { lang, now });
      if (!exported.ok) return fail({ code: 'no_plan' as const });
      return ok({ bytes: exported.value.bytes, fileName: exported.value.fileName, asOf: exported.value.sheet.asOf });
    },
  };
}
