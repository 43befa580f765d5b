// Plain-text pieces for several plans: where an import goes, last year's
// unfinished milestones, the list of stored plans.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import type { PlanStore } from '../adapters/db/plan-store.ts';
import type { Database } from '../adapters/db/schema.ts';
import { createStatusStore } from '../adapters/db/status-store.ts';
import { listCarryOver } from '../app/list-carry-over.ts';
import { defaultPlanKey } from '../domain/plan-period.ts';
import type { PlanTargetProblem } from '../domain/plan-target.ts';
import { statusLabel } from '../domain/status.ts';
import { wallClock } from '../domain/zoned-time.ts';
import type { Translate } from '../i18n/catalog.ts';

/** Why an import cannot go where it was sent, in the catalogue's words. */
export function targetProblemText(problem: PlanTargetProblem, t: Translate): string {
  switch (problem.code) {
    case 'bad_key':
      return t('plans.import.badKey', { key: problem.key });
    case 'other_year':
      return t('plans.import.otherYear', { key: problem.key, storedYear: problem.storedYear, year: problem.year, suggestion: defaultPlanKey(problem.year) });
    case 'key_taken':
      return t('plans.import.keyTaken', { key: problem.key, title: problem.storedTitle });
  }
}

/** The report's section "unfinished last year" for a new plan (to be stored under `key`); empty without last year's plan of its series. */
export async function carryOverLines(db: Kysely<Database>, plans: PlanStore, of: { key: string; title: string; fiscalYear: number }, now: Date, config: Config, t: Translate): Promise<string[]> {
  const today = wallClock(now, config.SHINCHOKU_TIMEZONE).date;
  const report = await listCarryOver(of, today, {
    plans,
    latestOf: (key) => createStatusStore(db, () => plans.scopeOf(key)).latest(),
    calendar: createJapaneseCalendar(),
    timeZone: config.SHINCHOKU_TIMEZONE,
  });
  if (!report) return [];
  const head = { key: report.key, year: report.fiscalYear, count: report.unfinished.length };
  if (report.unfinished.length === 0) return ['', t('plans.carryOver.none', head)];
  return [
    '',
    t('plans.carryOver.heading', head),
    ...report.unfinished.map((m) =>
      t('plans.carryOver.line', { id: m.id, title: m.title, status: statusLabel(m.status, config.SHINCHOKU_LANG), owners: m.owners.join('、') || '-', due: m.due ?? '' }),
    ),
  ];
}
