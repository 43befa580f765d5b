// Bot processes ticking on one database at the same moment. On SQLite its
// file lock (taken by the tick's first statement) makes them take turns; on
// PostgreSQL the reminder keys' primary key makes the later inserts wait for
// the first transaction and then do nothing. Either way nothing is enqueued twice.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import type { TickSummary } from '../../src/app/run-reminder-tick.ts';
import { remindersOn } from '../../src/domain/reminder-policy.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { reminderEntries } from '../fakes/reminder-messages.ts';
import { emptyContext, storePlan, tokyo } from './tick-world.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./tick-child.ts', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`three processes ticking at once (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('enqueue each reminder once between them', async () => {
      const plan = await storePlan(test.db);
      const now = tokyo('2020-07-22').toISOString();
      const tick = () => run(process.execPath, ['--import', 'tsx', CHILD, test.url, now], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
      const outputs = await Promise.all([tick(), tick(), tick()]);
      const summaries = outputs.map((o) => JSON.parse(o.stdout) as TickSummary);
      const expected = remindersOn('2020-07-22', emptyContext(plan)).length;
      expect(summaries.map((s) => s.reminders).sort((a, b) => a - b)).toEqual([0, 0, expected]);
      const messages = reminderEntries(await createOutboxStore(test.db).list());
      expect(messages.flatMap((m) => m.body.lines)).toHaveLength(expected);
      expect(messages.every((m) => !/\|\d+$/.test(m.key))).toBe(true);
    }, 30_000);
  });
}
