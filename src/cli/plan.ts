// `shinchoku plan [--json]`: the stored plan, with every milestone's due dates.
import type { Config } from '../config.ts';
import { translator } from '../i18n/catalog.ts';
import { openDatabase, closeDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import { checkpointsOf, dueDateOf } from '../domain/schedule.ts';
import { formatPlanJson } from '../import/plan-file.ts';
import { CliFailure, type CliIo } from './io.ts';
import { renderSummary } from './render-plan.ts';

export async function planCommand(options: { json?: boolean }, config: Config, io: CliIo): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const plan = await createPlanStore(db).load();
    if (!plan) {
      const message = t('cli.noStoredPlan', { database: config.DATABASE_URL });
      io.err(`error: ${message}`);
      throw new CliFailure(message);
    }
    if (options.json) {
      io.out(formatPlanJson(plan));
      return;
    }
    const calendar = createJapaneseCalendar();
    const lines = [...renderSummary(plan, t), ''];
    for (const pillar of plan.pillars) {
      lines.push(`${pillar.id} ${pillar.title}`);
      for (const initiative of pillar.initiatives) {
        lines.push(`  ${initiative.id} ${initiative.title}`);
        for (const item of initiative.items) {
          lines.push(`    ${item.id} ${item.title} — ${t('cli.owners', { owners: item.owners.join('、') || '-' })}`);
          for (const milestone of item.milestones) {
            const dues = checkpointsOf(milestone.schedule, plan.fiscalYear).map((c) => dueDateOf(c.month, calendar));
            const due = dues.length > 0 ? t('cli.due', { dates: dues.join(', ') }) : t('cli.noDue');
            lines.push(`      ${milestone.id} ${milestone.title} (${milestone.scheduleText ?? '-'}) — ${due}`);
          }
        }
      }
    }
    io.out(lines.join('\n'));
  } finally {
    await closeDatabase(db);
  }
}
