// The bot's delivery half in a process of its own, for the SIGKILL test: the
// real dispatcher and Slack notifier on a shared database, its clock the real
// one moved by CLOCK_OFFSET_MS, so that a restart can stand after the leases
// of the process killed before it.
//   dispatcher-child.ts DATABASE_URL SLACK_API_URL CLOCK_OFFSET_MS NAME
// Prints `ready` and waits for a line on stdin (so the test can start the
// next process while this one runs), then prints one JSON line per delivery
// event, and `done` once nothing is left to deliver.
import { once } from 'node:events';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import { createDispatcher, realSleep } from '../../src/app/dispatch-outbox.ts';
import { atMostInFlight } from './at-most-in-flight.ts';

const [database, slackApiUrl, offsetText = '0', name = 'child'] = process.argv.slice(2);
if (!database || !slackApiUrl) throw new Error('usage: dispatcher-child.ts DATABASE_URL SLACK_API_URL CLOCK_OFFSET_MS NAME');
const offset = Number(offsetText);

const db = await openDatabase(database);
const outbox = createOutboxStore(db);
const clock = { now: () => new Date(Date.now() + offset) };
const dispatcher = createDispatcher({
  outbox,
  // A token per process, so the test can tell at the fake which process posted what.
  // Four sends in flight at most: see at-most-in-flight.ts.
  notifier: atMostInFlight(4, createSlackNotifier({ token: `xoxb-${name}`, slackApiUrl, timeoutMs: 5_000 })),
  clock,
  owner: `${name}:${process.pid}`,
  // Short pacing keeps twenty restarts quick; the fake enforces no rate limit here.
  minIntervalPerChannelMs: 10,
  onEvent: (event) => process.stdout.write(`${JSON.stringify(event)}\n`),
});

process.stdout.write('ready\n');
await once(process.stdin, 'data');
// Nothing more is read; an open stdin would keep the process from exiting.
process.stdin.destroy();
const idle = new AbortController().signal;
for (;;) {
  await dispatcher.runOnce();
  const next = await outbox.nextDueAt();
  if (next === null) break;
  await realSleep(Math.min(50, Math.max(1, next.getTime() - clock.now().getTime())), idle);
}
process.stdout.write('done\n');
await closeDatabase(db);
