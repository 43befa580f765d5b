// The commands wired as src/main.ts wires them for several stored plans (issue
// 13): the default plan's statuses, digest and report rounds, and the shelf
// that opens any other plan with its own statuses and digest.
import type { Kysely } from 'kysely';
import { createDigestStore } from '../../../src/adapters/db/digest-store.ts';
import type { PlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { createUserPrefsStore } from '../../../src/adapters/db/user-prefs-store.ts';
import { bindDigestCommands } from '../../../src/app/commands/bind-digest.ts';
import type { CommandDeps, DigestCommands } from '../../../src/app/commands/ports.ts';
import type { Directory } from '../../../src/domain/directory.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { fail } from '../../../src/domain/result.ts';
import type { VirtualClock } from '../../fakes/virtual-clock.ts';
import { calendar, TIME_ZONE } from '../tick-world.ts';

export function shelfCommandDeps(db: Kysely<Database>, plans: PlanStore, directory: Directory, clock: VirtualClock): CommandDeps {
  // Bound at each call, as main.ts does: an import may change which plan a key's prefix is.
  const digestOf = (key: () => Promise<string>): DigestCommands => {
    const bound = async () => {
      const wanted = await key();
      const ref = (await plans.list()).find((p) => p.key === wanted) ?? { key: wanted, prefix: '' };
      return bindDigestCommands({
        plans: { load: () => plans.loadKey(ref.key) },
        statuses: createStatusStore(db, async () => ref),
        digests: createDigestStore(db, ref.prefix),
        keyPrefix: ref.prefix,
        directory: () => directory,
        calendar,
        policy: DEFAULT_REMINDER_POLICY,
        timeZone: TIME_ZONE,
        schedule: { weekday: 1, time: '09:00' },
        lang: 'ja',
      });
    };
    return { preview: async (now, lang) => (await bound()).preview(now, lang), post: async (now, replace) => (await bound()).post(now, replace) };
  };
  return {
    plans,
    statuses: createStatusStore(db, () => plans.scopeOf()),
    directory: { current: () => directory, change: async () => fail({ code: 'read_only', message: 'test directory' }) },
    members: { membersOf: async () => new Set<string>() },
    prefs: createUserPrefsStore(db),
    calendar,
    clock,
    timeZone: TIME_ZONE,
    defaultLang: 'ja',
    digest: digestOf(async () => (await plans.scopeOf())?.key ?? ''),
    reportRounds: { rounds: createReportRoundStore(db), entries: createReportEntryStore(db), planKey: async () => (await plans.scopeOf())?.key ?? null },
    shelf: {
      list: () => plans.list(),
      open: (key) => ({ plans: { load: () => plans.loadKey(key) }, statuses: createStatusStore(db, () => plans.scopeOf(key)), digest: digestOf(async () => key) }),
    },
  };
}
