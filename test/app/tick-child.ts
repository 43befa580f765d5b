// Runs one reminder tick in its own process, for the test of two processes
// ticking on one database file. Usage: tick-child.ts DATABASE NOW_ISO
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { exampleDirectory, tickDeps } from './tick-world.ts';

const [database, now] = process.argv.slice(2);
if (!database || !now) throw new Error('usage: tick-child.ts DATABASE NOW_ISO');
const db = await openDatabase(database);
try {
  const summary = await runReminderTick(new Date(now), tickDeps(db, await exampleDirectory()));
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} finally {
  await closeDatabase(db);
}
