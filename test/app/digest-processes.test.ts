// Three bot processes checking the digest at the same moment on one
// database: the week's row makes exactly one of them post it.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import type { PostDigestOutcome } from '../../src/app/post-digest.ts';
import type { Result } from '../../src/domain/result.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { storePlan, tokyo } from './tick-world.ts';

const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('./digest-child.ts', import.meta.url));

for (const dialect of DIALECTS) {
  describe(`three processes checking the digest at once (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('post the week\'s digest once between them', async () => {
      await storePlan(test.db);
      const now = tokyo('2020-09-07', '09:00').toISOString();
      const check = () => run(process.execPath, ['--import', 'tsx', CHILD, test.url, now], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
      const outputs = await Promise.all([check(), check(), check()]);
      const outcomes = outputs.map((o) => (JSON.parse(o.stdout) as Result<PostDigestOutcome, unknown> & { ok: true }).value);
      expect(outcomes.map((o) => (o.kind === 'enqueued' ? o.key : o.reason)).sort()).toEqual(['already_posted', 'already_posted', 'digest|2020-W37']);
      expect((await createOutboxStore(test.db).list()).map((m) => m.key)).toEqual(['digest|2020-W37']);
      expect(await createDigestStore(test.db).list()).toHaveLength(1);
    }, 30_000);
  });
}
