// The Teams bot's delivery half in a process of its own, for the SIGKILL test:
// the real dispatcher with the Teams parts the bot composes (notifier on the
// Bot Connector, Graph lookup for exactly-once, Teams' window pacing), on a
// shared database, its clock the real one moved by CLOCK_OFFSET_MS.
//   teams-dispatcher-child.ts DATABASE_URL SETTINGS_JSON CLOCK_OFFSET_MS NAME
// SETTINGS_JSON is a TeamsSettings pointing at the fake Teams. Prints `ready`,
// waits for a line on stdin, prints one JSON line per delivery event, and
// `done` once nothing is left to deliver (as dispatcher-child.ts).
import { once } from 'node:events';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { composeTeams } from '../../src/adapters/teams/compose-teams.ts';
import { SILENT_TEAMS_LOGGER } from '../../src/adapters/teams/sdk-logger.ts';
import { createDispatcher, realSleep } from '../../src/app/dispatch-outbox.ts';
import type { TeamsSettings } from '../../src/config.ts';
import { atMostInFlight } from './at-most-in-flight.ts';

const [database, settingsJson, offsetText = '0', name = 'child'] = process.argv.slice(2);
if (!database || !settingsJson) throw new Error('usage: teams-dispatcher-child.ts DATABASE_URL SETTINGS_JSON CLOCK_OFFSET_MS NAME');
const offset = Number(offsetText);

const db = await openDatabase(database);
const outbox = createOutboxStore(db);
const clock = { now: () => new Date(Date.now() + offset) };
// No proxy: the fake is on 127.0.0.1.
const teams = composeTeams(JSON.parse(settingsJson) as TeamsSettings, db, SILENT_TEAMS_LOGGER, {});
const dispatcher = createDispatcher({
  outbox,
  // Four sends in flight at most: see at-most-in-flight.ts.
  notifier: atMostInFlight(4, teams.notifier),
  clock,
  owner: `${name}:${process.pid}`,
  // Teams' own windows (7/1 s, 8/2 s, …); five cards per conversation never wait.
  pacer: teams.pacer,
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
