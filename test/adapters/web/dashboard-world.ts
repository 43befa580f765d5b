/**
 * The dashboard's world for tests: a real SQLite database holding the
 * bundled FY2020 plan and a scripted history (the previous digest posted on
 * Monday 2020-08-31), the real server on a free port, the clock on
 * Monday 2020-09-07 10:00 in Tokyo.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createAdjustableClock } from '../../../src/adapters/clock/adjustable-clock.ts';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { createLogger } from '../../../src/adapters/log/create-logger.ts';
import { dashboardAccess, dashboardWorkbook, startDashboard } from '../../../src/adapters/web/compose-dashboard.ts';
import type { DashboardAccess } from '../../../src/adapters/web/dashboard-links.ts';
import type { RunningDashboard } from '../../../src/adapters/web/start-dashboard-server.ts';
import { postDigest } from '../../../src/app/post-digest.ts';
import type { Directory } from '../../../src/domain/directory.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import type { NewStatusUpdate } from '../../../src/domain/status-update.ts';
import type { Lang } from '../../../src/i18n/catalog.ts';
import { digestDeps } from '../../app/digest-world.ts';
import { calendar, exampleDirectory, storePlan, TIME_ZONE, tokyo } from '../../app/tick-world.ts';

export const SECRET = 'test-dashboard-secret-0123456789abcdef';
export const BASE_URL = 'https://dashboard.example.lg.jp';
export const DATE = '2020-09-07';

type Scripted = Omit<NewStatusUpdate, 'actor' | 'via' | 'createdAt'> & { on: string; time?: string; actor?: string };

/** What the owners reported, oldest first; the previous digest went out on 2020-08-31. */
export const HISTORY: Scripted[] = [
  { milestoneId: '6-2-1', checkpoint: '2020-04', status: 'done', on: '2020-05-08' },
  { milestoneId: '2-3-1', checkpoint: '2020-05', status: 'done', on: '2020-06-01' },
  { milestoneId: '6-2-2', status: 'delayed', comment: '会議日程の<再調整>中 & "確認"', on: '2020-06-10' },
  { milestoneId: '6-2-6', status: 'done', on: '2020-06-15' },
  { milestoneId: '2-3-5', status: 'cancelled', on: '2020-08-20' },
  { milestoneId: '2-3-3', status: 'on_track', revisedDue: '2020-09', on: '2020-08-25' },
  { milestoneId: '2-1-2', status: 'at_risk', on: '2020-09-01', time: '16:00' },
  { milestoneId: '7-2-2', checkpoint: '2020-06', status: 'done', on: '2020-09-02' },
  { milestoneId: '6-2-6', status: 'delayed', on: '2020-09-02', time: '11:00' },
  { milestoneId: '4-1-2', checkpoint: '2020-08', status: 'done', on: '2020-09-03' },
  { milestoneId: '1-1-2', status: 'done', on: '2020-09-04' },
  { milestoneId: '6-2-10', status: 'done', on: '2020-09-07', time: '08:00' },
];

export interface DashboardWorld {
  db: Kysely<Database>;
  directory: Directory;
  dashboard: RunningDashboard;
  access: DashboardAccess;
  clock: ReturnType<typeof createAdjustableClock>;
  /** A personal link's address on the test server. */
  personalUrl(user?: string): string;
  /** `url` (under BASE_URL) on the test server. */
  local(url: string): string;
  dispose(): Promise<void>;
}

export async function openDashboardWorld(options: { lang?: Lang } = {}): Promise<DashboardWorld> {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-web-'));
  const db = await openDatabase(join(folder, 'test.db'));
  await storePlan(db);
  const directory = await exampleDirectory();
  const statuses = createStatusStore(db);
  const digestAt = tokyo('2020-08-31', '09:00').toISOString();
  const scripted = HISTORY.map(({ on, time, actor, ...update }) => ({ ...update, actor: actor ?? 'U0OWNER1', via: 'slash' as const, createdAt: tokyo(on, time ?? '10:00').toISOString() }));
  await statuses.appendAll(scripted.filter((u) => u.createdAt < digestAt));
  const posted = await postDigest(tokyo('2020-08-31', '09:00'), digestDeps(db, directory));
  if (!posted.ok || posted.value.kind !== 'enqueued') throw new Error('the previous digest was not recorded');
  await statuses.appendAll(scripted.filter((u) => u.createdAt >= digestAt));

  const clock = createAdjustableClock(tokyo(DATE, '10:00'));
  const access = dashboardAccess(db, { baseUrl: BASE_URL, secret: SECRET });
  const dashboard = await startDashboard(
    db,
    {
      plans: createPlanStore(db),
      directory: () => directory,
      access,
      settings: { calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE },
      clock,
      lang: options.lang ?? 'ja',
      workbook: dashboardWorkbook(db, { calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE }, options.lang ?? 'ja'),
      logger: createLogger({ level: 'silent' }),
    },
    { port: 0, baseUrl: BASE_URL, secret: SECRET, host: '127.0.0.1' },
  );
  const local = (url: string) => url.replace(BASE_URL, `http://127.0.0.1:${dashboard.port}`);
  return {
    db,
    directory,
    dashboard,
    access,
    clock,
    local,
    personalUrl: (user = 'U0EXEC01') => local(access.personal(user, clock.now()).url),
    async dispose() {
      await dashboard.stop();
      await closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
