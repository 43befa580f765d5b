/**
 * The digest's world for tests: tick-world's database, plan and directory,
 * with the digest store and the default schedule (Mondays 09:00).
 */
import type { Kysely } from 'kysely';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import type { PostDigestDeps } from '../../src/app/post-digest.ts';
import type { Directory } from '../../src/domain/directory.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import { calendar, TIME_ZONE } from './tick-world.ts';

export function digestDeps(db: Kysely<Database>, directory: Directory, overrides: Partial<PostDigestDeps> = {}): PostDigestDeps {
  return {
    plans: createPlanStore(db),
    statuses: createStatusStore(db),
    digests: createDigestStore(db),
    directory,
    calendar,
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: TIME_ZONE,
    schedule: { weekday: 1, time: '09:00' },
    lang: 'ja',
    ...overrides,
  };
}
