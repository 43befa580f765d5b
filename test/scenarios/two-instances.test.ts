// Two bot instances on one PostgreSQL database (SPEC §4, issue 4): a month of
// daily ticks on both at once sends every reminder exactly once, and killing
// one instance in the middle of a delivery loses nothing and repeats nothing.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { reminderKey } from '../../src/domain/reminder.ts';
import { remindersBetween } from '../../src/domain/reminder-policy.ts';
import type { Kysely } from 'kysely';
import { createTestSchema, TEST_DATABASE_URL } from '../adapters/db/dialects.ts';
import { emptyContext, storePlan, tokyo, calendar } from '../app/tick-world.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';

const CHILD = fileURLToPath(new URL('./instance-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

class Instance {
  readonly process: ChildProcessWithoutNullStreams;
  readonly #lines: string[] = [];
  readonly #waiters: Array<(line: string) => void> = [];

  constructor(url: string, slack: string, name: string) {
    this.process = spawn(process.execPath, ['--import', 'tsx', CHILD, url, slack, name], { cwd: ROOT });
    createInterface({ input: this.process.stdout }).on('line', (line) => {
      const waiter = this.#waiters.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
  }

  next(): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      this.#waiters.push(resolve);
      this.process.once('exit', (code) => reject(new Error(`instance exited (${code})`)));
    });
  }

  async send(command: string, at: Date): Promise<unknown> {
    this.process.stdin.write(`${command} ${at.toISOString()}\n`);
    return JSON.parse(await this.next());
  }

  stop(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
};

/** Outbox keys of every message the fake Slack received, from their metadata. */
const deliveredKeys = (slack: FakeSlackApi) =>
  slack.allMessages().map((m) => (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '?');

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL database', () => {
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let db: Kysely<Database>;
  let slack: FakeSlackApi;
  const instances: Instance[] = [];

  beforeEach(async () => {
    schema = await createTestSchema(TEST_DATABASE_URL!);
    db = await openDatabase(schema.url);
    slack = await startFakeSlackApi();
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) instance.stop();
    await closeDatabase(db);
    await slack.stop();
    await schema.drop();
  });

  const start = async (name: string) => {
    const instance = new Instance(schema.url, slack.url, name);
    instances.push(instance);
    expect(await instance.next()).toBe('ready');
    return instance;
  };

  it('a month of ticks on both sends every reminder exactly once', async () => {
    const plan = await storePlan(db);
    const [a, b] = [await start('a'), await start('b')];
    const july = days('2020-07-01', '2020-07-31');
    for (const day of july) await Promise.all([a.send('tick', tokyo(day)), b.send('tick', tokyo(day))]);

    // Every reminder of July (the first tick does not look back), each in one message.
    const expected = remindersBetween('2020-07-01', '2020-07-31', emptyContext(plan)).map(reminderKey).sort();
    const recorded = (await db.selectFrom('reminder_sent').select('key').execute()).map((r) => r.key).sort();
    expect(recorded).toEqual(expected);

    const outbox = await db.selectFrom('outbox').select(['key', 'status', 'day']).execute();
    expect(outbox.every((m) => m.status === 'sent' && calendar.isBusinessDay(m.day))).toBe(true);
    const delivered = deliveredKeys(slack);
    expect(delivered.sort()).toEqual(outbox.map((m) => m.key).sort());
    expect(new Set(delivered).size).toBe(delivered.length);
  }, 120_000);

  it('killing one instance mid-delivery loses nothing and repeats nothing', async () => {
    await storePlan(db);
    const [a, b] = [await start('a'), await start('b')];
    // Slack answers slowly, so instance a is killed while its messages are in
    // flight: Slack has them, but a never records that it sent them.
    slack.setLatency(3000);
    a.process.stdin.write(`tick ${tokyo('2020-07-22').toISOString()}\n`);
    const end = Date.now() + 20_000;
    while (slack.callsTo('chat.postMessage').length === 0 && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 10));
    a.stop();
    const before = await db.selectFrom('outbox').select(['key', 'status']).execute();
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((m) => m.status === 'sent').length).toBeLessThan(before.length);
    slack.setLatency(0);

    // b comes along after a's leases have expired and finishes the job: it
    // finds in the channels what a had sent and sends only the rest.
    await b.send('deliver', new Date(tokyo('2020-07-22').getTime() + 5 * 60_000));
    const outbox = await db.selectFrom('outbox').select(['key', 'status']).execute();
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    const delivered = deliveredKeys(slack);
    expect(delivered.sort()).toEqual(outbox.map((m) => m.key).sort());
    expect(new Set(delivered).size).toBe(delivered.length);
  }, 60_000);
});
