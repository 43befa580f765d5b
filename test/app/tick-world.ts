/**
 * A tick's world for tests: a real SQLite file holding the bundled FY2020
 * plan, the example directory, the Japanese calendar and the default policy.
 */
import type { Kysely } from 'kysely';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { loadDirectory } from '../../src/adapters/directory/load-directory.ts';
import type { ReminderTickDeps } from '../../src/app/run-reminder-tick.ts';
import type { Directory } from '../../src/domain/directory.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY, type PolicyContext } from '../../src/domain/reminder-policy.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { readPlanSource } from '../../src/import/read-plan-source.ts';

export const BUNDLED_PLAN = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;
export const EXAMPLE_DIRECTORY = new URL('../../config/directory.example.yaml', import.meta.url).pathname;
export const TIME_ZONE = 'Asia/Tokyo';
export const calendar = createJapaneseCalendar();

export async function bundledPlan(): Promise<Plan> {
  const read = await readPlanSource(BUNDLED_PLAN, 'ja');
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

export async function exampleDirectory(): Promise<Directory> {
  const loaded = await loadDirectory(EXAMPLE_DIRECTORY);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}

/** Stores `plan` (the bundled one by default). */
export async function storePlan(db: Kysely<Database>, plan?: Plan): Promise<Plan> {
  const stored = plan ?? (await bundledPlan());
  await createPlanStore(db).save(stored, 'fy2020-mie.yaml', '2020-04-01T00:00:00.000Z');
  return stored;
}

export function tickDeps(db: Kysely<Database>, directory: Directory, overrides: Partial<ReminderTickDeps> = {}): ReminderTickDeps {
  return {
    plans: createPlanStore(db),
    statuses: createStatusStore(db),
    outbox: createOutboxStore(db),
    directory,
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: TIME_ZONE,
    reminderTime: '09:30',
    lang: 'ja',
    ...overrides,
  };
}

/** The policy context of a plan with no status history. */
export function emptyContext(plan: Plan): PolicyContext {
  return { plan, calendar, policy: DEFAULT_REMINDER_POLICY, state: () => undefined };
}

/** The instant the wall clock in Tokyo shows `date` `time`. */
export function tokyo(date: string, time = '09:30'): Date {
  return instantAt(date, time, TIME_ZONE);
}
