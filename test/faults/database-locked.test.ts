// Issue 8: the SQLite database locked by another writer for 2 s. The bot's
// connection waits (busy_timeout, 5 s: src/adapters/db/connect.ts) instead of
// failing, so a reminder tick and a dispatcher pass started during the lock
// finish once it is released, with nothing lost and nothing sent twice.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import { createDispatcher } from '../../src/app/dispatch-outbox.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { remindersOn } from '../../src/domain/reminder-policy.ts';
import { reminderKey } from '../../src/domain/reminder.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { emptyContext, exampleDirectory, storePlan, tickDeps, tokyo } from '../app/tick-world.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';

const LOCKER = fileURLToPath(new URL('./hold-write-lock.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOLD_MS = 2_000;
const DAY = '2020-07-22';

/** The other writer: a process of its own holding the write lock on command. */
class OtherWriter {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #lines: string[] = [];
  #waiter: (() => void) | null = null;

  constructor(file: string) {
    this.#process = spawn(process.execPath, ['--import', 'tsx', LOCKER, file], { cwd: ROOT });
    createInterface({ input: this.#process.stdout }).on('line', (line) => {
      this.#lines.push(line);
      this.#waiter?.();
    });
  }

  /** Takes the write lock for `ms`; resolves once it holds it. */
  async lock(ms: number): Promise<void> {
    const before = this.#lines.length;
    this.#process.stdin.write(`lock ${ms}\n`);
    await this.#line((line, i) => i >= before && line === 'locked');
  }

  /** When the lock was released (epoch ms, the other process's clock: the same machine). */
  async released(): Promise<number> {
    const line = await this.#line((l) => l.startsWith('released '));
    this.#lines.splice(this.#lines.indexOf(line), 1);
    return Number(line.split(' ')[1]);
  }

  async #line(match: (line: string, index: number) => boolean): Promise<string> {
    const end = Date.now() + 15_000;
    for (;;) {
      const found = this.#lines.find(match);
      if (found !== undefined) return found;
      if (Date.now() > end || this.#process.exitCode !== null) throw new Error(`the other writer did not answer: ${this.#lines.join(' | ')}`);
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  stop(): void {
    this.#process.stdin.end();
    if (this.#process.exitCode === null) this.#process.kill();
  }
}

// SQLite only: a PostgreSQL writer holds row locks, not the whole database.
const sqlite = DIALECTS.find((dialect) => dialect.name === 'sqlite')!;

describe('the SQLite database locked by another writer for 2 s', () => {
  let test: TestDatabase;
  let plan: Plan;
  let slack: FakeSlackApi;
  let other: OtherWriter;
  beforeAll(async () => {
    test = await sqlite.open();
    plan = await storePlan(test.db);
    slack = await startFakeSlackApi();
    other = new OtherWriter(test.url);
  });
  afterAll(async () => {
    other.stop();
    await slack.stop();
    await test.dispose();
  });

  it('a tick waits for the lock, then enqueues every reminder of the day', async () => {
    await other.lock(HOLD_MS);
    const started = Date.now();
    const summary = await runReminderTick(tokyo(DAY), tickDeps(test.db, await exampleDirectory()));
    const finished = Date.now();
    const released = await other.released();

    expect(summary.outcome).toBe('enqueued');
    // It waited: it could only write after the other writer committed.
    expect(finished).toBeGreaterThanOrEqual(released);
    expect(finished - started).toBeGreaterThanOrEqual(HOLD_MS / 2);
    const expected = remindersOn(DAY, emptyContext(plan)).map(reminderKey).sort();
    expect(summary.reminders).toBe(expected.length);
    const recorded = (await test.db.selectFrom('reminder_sent').select('key').execute()).map((row) => row.key).sort();
    expect(recorded).toEqual(expected);
  }, 20_000);

  it('a dispatcher pass waits for the lock, then delivers every message once', async () => {
    const store = createOutboxStore(test.db);
    const pending = await store.list({ status: 'pending' });
    expect(pending.length).toBeGreaterThan(0);
    const dispatcher = createDispatcher({
      outbox: store,
      notifier: createSlackNotifier({ token: 'xoxb-locked', slackApiUrl: slack.url }),
      clock: { now: () => new Date() },
      owner: 'locked-test',
      minIntervalPerChannelMs: 10,
    });

    await other.lock(HOLD_MS);
    const started = Date.now();
    const summary = await dispatcher.runOnce();
    const finished = Date.now();
    const released = await other.released();

    expect(summary).toMatchObject({ sent: pending.length, errors: 0, failed: 0, retrying: 0 });
    expect(finished).toBeGreaterThanOrEqual(released);
    expect(finished - started).toBeGreaterThanOrEqual(HOLD_MS / 2);
    const rows = await store.list();
    expect(rows.map((row) => row.status)).toEqual(rows.map(() => 'sent'));
    const delivered = slack.allMessages().map((m) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key);
    expect(delivered.sort()).toEqual(rows.map((row) => row.key).sort());
  }, 20_000);
});
