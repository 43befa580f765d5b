/**
 * The dashboard wired to the database: each stored plan with its own
 * statuses and digests (as the daily jobs address them), the directory as
 * it currently stands, and the access links. Used by the composition root
 * and by the tests, so both serve the same thing.
 */
import type { Kysely } from 'kysely';
import type { DashboardSettings } from '../../app/build-dashboard.ts';
import type { Clock } from '../../app/ports.ts';
import { directoryForPlan, type Directory } from '../../domain/directory.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { createDashboardLinkStore } from '../db/dashboard-link-store.ts';
import { createDigestStore } from '../db/digest-store.ts';
import type { PlanStore } from '../db/plan-store.ts';
import type { Database } from '../db/schema.ts';
import { createStatusStore } from '../db/status-store.ts';
import type { Logger } from '../log/create-logger.ts';
import { createDashboardAccess, type DashboardAccess } from './dashboard-links.ts';
import { createReportSources } from '../db/report-sources.ts';
import { createReportEntryStore, createReportRoundStore } from '../db/report-store.ts';
import { exportProgressReport } from '../excel/export-workbook.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { startDashboardServer, type DashboardSource, type RunningDashboard } from './start-dashboard-server.ts';

/** The stored plans as the dashboard reads them. */
export function dashboardSource(db: Kysely<Database>, plans: PlanStore, directory: () => Directory): DashboardSource {
  return {
    plans: async () => (await plans.list()).map((p) => ({ key: p.key, title: p.title })),
    defaultKey: async () => (await plans.defaultPlan())?.key ?? null,
    async parts(key) {
      const plan = await plans.loadKey(key);
      const ref = await plans.scopeOf(key);
      if (plan === null || ref === null) return null;
      return {
        plan,
        statuses: createStatusStore(db, async () => ref),
        digests: createDigestStore(db, ref.prefix),
        directory: directoryForPlan(directory(), ref.key),
      };
    },
  };
}

export interface DashboardComposition {
  port: number;
  /** DASHBOARD_URL: what links start with. */
  baseUrl: string;
  secret: string;
  host?: string;
}

/** The access links over the database's link table. */
export function dashboardAccess(db: Kysely<Database>, settings: Pick<DashboardComposition, 'baseUrl' | 'secret'>): DashboardAccess {
  return createDashboardAccess({ baseUrl: settings.baseUrl, secret: settings.secret, store: createDashboardLinkStore(db) });
}

/**
 * The download of a plan's progress report workbook: what `/plan export`
 * and `shinchoku export` write for it now (its latest round, else today).
 */
export function dashboardWorkbook(db: Kysely<Database>, settings: DashboardSettings, lang: Lang): (planKey: string, now: Date) => Promise<{ bytes: Buffer; fileName: string } | null> {
  const sources = createReportSources(db, { ...settings, rounds: createReportRoundStore(db), entries: createReportEntryStore(db) });
  return async (planKey, now) => {
    const exported = await exportProgressReport(sources, { planKey, today: wallClock(now, settings.timeZone).date }, { lang, now });
    return exported.ok ? { bytes: exported.value.bytes, fileName: exported.value.fileName } : null;
  };
}

/** Starts the dashboard on the settings' port. */
export function startDashboard(
  db: Kysely<Database>,
  parts: {
    plans: PlanStore;
    directory: () => Directory;
    access: DashboardAccess;
    settings: DashboardSettings;
    clock: Clock;
    lang: Lang;
    logger: Logger;
    /** The progress report workbook of a plan (src/adapters/excel); absent: no download. */
    workbook?: (planKey: string, now: Date) => Promise<{ bytes: Buffer; fileName: string } | null>;
  },
  composition: DashboardComposition,
): Promise<RunningDashboard> {
  return startDashboardServer({
    port: composition.port,
    ...(composition.host ? { host: composition.host } : {}),
    source: dashboardSource(db, parts.plans, parts.directory),
    settings: parts.settings,
    access: parts.access,
    clock: parts.clock,
    lang: parts.lang,
    logger: parts.logger,
    ...(parts.workbook ? { workbook: parts.workbook } : {}),
  });
}
