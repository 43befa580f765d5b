// Runs one digest check in its own process, for the test of several
// processes posting on one database at once. Usage: digest-child.ts DATABASE NOW_ISO
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { postDigest } from '../../src/app/post-digest.ts';
import { digestDeps } from './digest-world.ts';
import { exampleDirectory } from './tick-world.ts';

const [database, now] = process.argv.slice(2);
if (!database || !now) throw new Error('usage: digest-child.ts DATABASE NOW_ISO');
const db = await openDatabase(database);
try {
  const result = await postDigest(new Date(now), digestDeps(db, await exampleDirectory()));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await closeDatabase(db);
}
