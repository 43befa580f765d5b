/**
 * The command use cases over real stores for tests: a SQLite file with the
 * 令和5年度 fixture plan, a directory file of its own, channel membership
 * scripted in memory, and a clock standing still on 2023-09-15 (a Friday).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { createJapaneseCalendar } from '../../../src/adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import type { Database } from '../../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { createUserPrefsStore } from '../../../src/adapters/db/user-prefs-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../../../src/adapters/db/report-store.ts';
import { createDirectoryFile } from '../../../src/adapters/directory/directory-file.ts';
import { loadDirectory } from '../../../src/adapters/directory/load-directory.ts';
import type { CommandDeps } from '../../../src/app/commands/ports.ts';
import type { Plan } from '../../../src/domain/plan.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { VirtualClock } from '../../fakes/virtual-clock.ts';

export const DIRECTORY_YAML = `# test directory
coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM01, users: [U0COORD01] }
divisions:
  総務部人事課: { channel: C0JINJI001, users: [U0JINJI01], deputies: [U0JINJI03] }
  # members of the channel speak for the division
  出納局出納総務課: { channel: C0SUITO001, users: [], deputies: [], channelMembers: true }
`;

export interface CommandWorld {
  deps: CommandDeps;
  db: Kysely<Database>;
  plan: Plan;
  clock: VirtualClock;
  directoryPath: string;
  /** Channel id → members, as conversations.members would answer. */
  members: Map<string, string[]>;
  /** Every status update written so far. */
  updates(): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function openCommandWorld(plan: Plan = planR5()): Promise<CommandWorld> {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-commands-'));
  const db = await openDatabase(join(folder, 'test.db'));
  await createPlanStore(db).save(plan, 'plan-r5.yaml', '2023-04-01T00:00:00.000Z');
  const directoryPath = join(folder, 'directory.yaml');
  writeFileSync(directoryPath, DIRECTORY_YAML);
  const loaded = await loadDirectory(directoryPath);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const members = new Map<string, string[]>();
  const clock = new VirtualClock('2023-09-15T10:00:00+09:00');
  const statuses = createStatusStore(db);
  const deps: CommandDeps = {
    plans: createPlanStore(db),
    statuses,
    directory: createDirectoryFile(directoryPath, loaded.value),
    members: { membersOf: async (channel) => new Set(members.get(channel) ?? []) },
    prefs: createUserPrefsStore(db),
    calendar: createJapaneseCalendar(),
    clock,
    timeZone: 'Asia/Tokyo',
    defaultLang: 'ja',
    reportRounds: { rounds: createReportRoundStore(db), entries: createReportEntryStore(db), planKey: async () => (await createPlanStore(db).scopeOf())?.key ?? null },
    shelf: {
      list: () => createPlanStore(db).list(),
      open: (key) => ({ plans: { load: () => createPlanStore(db).loadKey(key) }, statuses: createStatusStore(db, () => createPlanStore(db).scopeOf(key)) }),
    },
  };
  return {
    deps,
    db,
    plan,
    clock,
    directoryPath,
    members,
    updates: () => statuses.all(),
    async close() {
      await closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
