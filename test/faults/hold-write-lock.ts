// Another writer on the bot's SQLite file, for the database-locked test: its
// own better-sqlite3 connection, in its own process (a connection in the
// test's process would block that process's only thread while it waits).
//   hold-write-lock.ts DATABASE_FILE
// Reads `lock MS` lines: takes the write lock (BEGIN IMMEDIATE, one write),
// prints `locked`, holds it MS milliseconds, commits and prints
// `released EPOCH_MS`. Exits when stdin closes.
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: hold-write-lock.ts DATABASE_FILE');
const db = new SQLite(file);
db.pragma('busy_timeout = 5000');

for await (const line of createInterface({ input: process.stdin })) {
  const [command, ms] = line.trim().split(' ');
  if (command !== 'lock') continue;
  db.exec('BEGIN IMMEDIATE');
  db.prepare("INSERT INTO tick_state (name, last_day) VALUES ('other-writer', NULL) ON CONFLICT (name) DO NOTHING").run();
  process.stdout.write('locked\n');
  await new Promise((resolve) => setTimeout(resolve, Number(ms)));
  db.exec('COMMIT');
  process.stdout.write(`released ${Date.now()}\n`);
}
db.close();
