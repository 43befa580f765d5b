import { join } from 'node:path';
import { createJapaneseCalendar } from './src/adapters/calendar/japan-holidays.ts';
import { openDatabase, closeDatabase } from './src/adapters/db/connect.ts';
import { createPlanStore } from './src/adapters/db/plan-store.ts';
import { createStatusStore } from './src/adapters/db/status-store.ts';
import { readStatusesFor } from './src/app/build-digest.ts';
import { buildBurnUp } from './src/domain/burn-up.ts';
const db = await openDatabase(join('/tmp/burnup-db', 'bot.db'));
const plan = (await createPlanStore(db).load())!;
const deps = { statuses: createStatusStore(db), timeZone: 'Asia/Tokyo' };
const calendar = createJapaneseCalendar();
const date = '2021-03-01';
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  const year = await readStatusesFor(date, null, deps, '2020-04-01');
  const read = performance.now() - t;
  t = performance.now();
  buildBurnUp({ plan, ...year, calendar, timeZone: 'Asia/Tokyo', date });
  console.log(`read ${Math.round(read)} ms, burnUp ${Math.round(performance.now() - t)} ms`);
}
await closeDatabase(db);
