/**
 * What the progress report reads (ReportSources), over the database: any
 * stored plan by key, that plan's own status history, and the report rounds
 * and their answers when their stores are given.
 */
import type { Kysely } from 'kysely';
import type { ReportSources } from '../../app/report/load-progress-sheet.ts';
import { createPlanStore } from './plan-store.ts';
import type { Database } from './schema.ts';
import { createStatusStore } from './status-store.ts';

export type ReportSourceOptions = Pick<ReportSources, 'calendar' | 'policy' | 'timeZone' | 'rounds' | 'entries'>;

export function createReportSources(db: Kysely<Database>, options: ReportSourceOptions): ReportSources {
  const plans = createPlanStore(db);
  return {
    ...options,
    loadPlan: (key) => plans.loadKey(key),
    statusesOf: (key) => createStatusStore(db, () => plans.scopeOf(key)).all(),
  };
}
