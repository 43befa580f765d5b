// `shinchoku plan [--json]`: the stored plan, with every milestone's due dates.
import type { Config } from '../config.ts';
import { translator } from '../i18n/catalog.ts';
import { openDatabase, closeDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import { checkpointsOf, dueDateOf } from '../domain/schedule.ts';
import { formatPlanJson } from '../import/plan-file.ts';
import { compareLocalDates } from '../domain/local-date.ts';
import { chooseDefaultPlan, planPeriodOf } from '../domain/plan-period.ts';
import { wallClock } from '../domain/zoned-time.ts';
import { CliFailure, type CliIo } from './io.ts';
import { renderSummary } from './render-plan.ts';

export interface PlanOptions {
  json?: boolean;
  /** The plan stored under this key. */
  key?: string;
  /** The plan of this fiscal year (`2020`). */
  year?: string;
  /** Only list the stored plans. */
  list?: boolean;
}

/** `shinchoku plan [--key K | --year YYYY] [--list] [--json]`; `now` decides the default plan and which periods are over. */
export async function planCommand(options: PlanOptions, config: Config, io: CliIo, now: Date = new Date()): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const fail = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) fail(t('plans.cli.badYear', { year: options.year }));
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const today = wallClock(now, config.SHINCHOKU_TIMEZONE).date;
    const store = createPlanStore(db, { today: () => today });
    const stored = await store.list();
    if (stored.length === 0) fail(t('cli.noStoredPlan', { database: config.DATABASE_URL }));
    const keys = stored.map((p) => p.key).join(', ');
    const chosen = options.key
      ? stored.find((p) => p.key === options.key)
      : options.year
        ? (chooseDefaultPlan(stored.filter((p) => p.fiscalYear === Number(options.year)), today) ?? undefined)
        : ((await store.defaultPlan()) ?? undefined);
    if (options.list) {
      const lines = [t('plans.cli.list', { count: stored.length })];
      for (const p of stored) {
        const over = compareLocalDates(today, planPeriodOf(p.fiscalYear).end) > 0;
        lines.push(t('plans.cli.listLine', { mark: p.key === chosen?.key ? '*' : ' ', key: p.key, year: p.fiscalYear, title: p.title, over: over ? 1 : 0 }));
      }
      io.out(lines.join('\n'));
      return;
    }
    if (!chosen) return fail(options.key ? t('plans.cli.unknownKey', { key: options.key, keys }) : t('plans.cli.noPlanOfYear', { year: options.year ?? '', keys }));
    const plan = await store.loadKey(chosen.key);
    if (!plan) return fail(t('cli.noStoredPlan', { database: config.DATABASE_URL }));
    if (options.json) {
      io.out(formatPlanJson(plan));
      return;
    }
    const calendar = createJapaneseCalendar();
    const period = planPeriodOf(plan.fiscalYear);
    const lines = [...renderSummary(plan, t), ...(compareLocalDates(today, period.end) > 0 ? [t('plans.cli.periodOver', { ...period })] : []), ''];
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
