// One bot instance in its own process, for the two-instance scenario: the
// real tick, dispatcher and Slack notifier on a shared database, driven line
// by line from stdin so that the test owns the (virtual) clock.
//   tick ISO      run the reminder tick at ISO, then deliver what is due
//   deliver ISO   only deliver what is due at ISO (leases expire by then)
// Each command answers one JSON line on stdout.
import { createInterface } from 'node:readline';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import { createDispatcher } from '../../src/app/dispatch-outbox.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { exampleDirectory, tickDeps } from '../app/tick-world.ts';

const [database, slackApiUrl, name = 'instance'] = process.argv.slice(2);
if (!database || !slackApiUrl) throw new Error('usage: instance-child.ts DATABASE_URL SLACK_API_URL [NAME]');

const db = await openDatabase(database);
const deps = tickDeps(db, await exampleDirectory());
let now = new Date(0);
const clock = { now: () => now };
const dispatcher = createDispatcher({
  outbox: createOutboxStore(db),
  notifier: createSlackNotifier({ token: 'xoxb-scenario', slackApiUrl }),
  clock,
  // Pacing and backoff advance the virtual clock instead of waiting.
  sleep: async (ms) => {
    now = new Date(now.getTime() + ms);
  },
  owner: `${name}:${process.pid}`,
  random: () => 0.5,
});

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, iso] = line.trim().split(' ');
  if (!command || !iso) continue;
  now = new Date(iso);
  const tick = command === 'tick' ? await runReminderTick(now, deps) : null;
  const delivery = await dispatcher.runOnce();
  process.stdout.write(`${JSON.stringify({ tick, delivery })}\n`);
}
await closeDatabase(db);
