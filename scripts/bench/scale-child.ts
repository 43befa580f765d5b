/**
 * One step of the scale benchmark in a process of its own, so that its peak
 * RSS is that of the process the bot or the CLI would run for it:
 *
 *   scale-child.ts baseline                     the modules loaded, no data
 *   scale-child.ts prepare SIZE FOLDER          FOLDER/plan.yaml and FOLDER/bot.db (plan + history)
 *   scale-child.ts import  SIZE FOLDER          `shinchoku import plan.yaml` into empty databases
 *   scale-child.ts tick    SIZE FOLDER DAY      the reminder tick at 09:30 on DAY, outbox on SQLite
 *   scale-child.ts preview SIZE FOLDER          a whole fiscal year of reminders from the database
 *   scale-child.ts digest  SIZE FOLDER DAY      the weekly digest of the week of DAY
 *
 * Each prints one JSON line on stdout; scripts/bench/scale.ts runs them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { REMINDER_TICK, runReminderTick, type ReminderTickDeps } from '../../src/app/run-reminder-tick.ts';
import { addDays, dayOfWeek } from '../../src/domain/local-date.ts';
import { stateLookupOf } from '../../src/domain/milestone-state.ts';
import { listMilestones, type Plan } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY, remindersBetween, type PolicyContext, type StateLookup } from '../../src/domain/reminder-policy.ts';
import { reminderKey } from '../../src/domain/reminder.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { formatPlanYaml } from '../../src/import/plan-file.ts';
import { readPlanSource } from '../../src/import/read-plan-source.ts';
import { median } from './lib/report.ts';
import { FISCAL_YEAR, syntheticDirectory, syntheticHistory, syntheticPlan } from './lib/synthetic-plan.ts';
import { buildDigestFor, readStatusesFor } from '../../src/app/build-digest.ts';
import { buildDigest } from '../../src/domain/digest.ts';

/** Status updates per milestone on average: 100,000 rows at 10,000 milestones, the history of issue 8's command benchmark. */
export const HISTORY_PER_MILESTONE = 10;
const TIME_ZONE = 'Asia/Tokyo';
const FY_START = `${FISCAL_YEAR}-04-01`;
const FY_END = `${FISCAL_YEAR + 1}-03-31`;
const calendar = createJapaneseCalendar();

export interface Timing {
  /** Median of the runs, ms. */
  medianMs: number;
  runsMs: number[];
  /**
   * Peak RSS after the first run, MiB: a process that started and did this
   * once, as the bot does a tick a day and a digest a week. The peak after
   * every run (peakRssMiB) also holds the garbage of back-to-back runs.
   */
  firstRunRssMiB: number;
}

export interface Prepared {
  milestones: number;
  divisions: number;
  historyRows: number;
  /** Reminder keys recorded before the busy day, as a year of daily ticks leaves them. */
  reminderKeysSent: number;
  planYamlBytes: number;
  /** The business day of the fiscal year with the most reminders. */
  busyDay: string;
}

const runsFor = (_size: number) => 7;
const elapsed = (start: number) => Math.round((performance.now() - start) * 10) / 10;
/** The most memory this process ever held, MiB (maxRSS is in KiB). */
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(runs: number, before: () => Promise<unknown> | unknown, work: () => Promise<T> | T): Promise<{ timing: Timing; last: T }> {
  const runsMs: number[] = [];
  let last: T | undefined;
  let firstRunRssMiB = 0;
  for (let i = 0; i < runs; i++) {
    await before();
    const start = performance.now();
    last = await work();
    runsMs.push(elapsed(start));
    if (i === 0) firstRunRssMiB = peakRssMiB();
  }
  return { timing: { medianMs: median(runsMs), runsMs, firstRunRssMiB }, last: last as T };
}

/** The business day with the most reminders (the earliest on a tie), statuses aside. */
function busiestDay(plan: Plan): string {
  const ctx: PolicyContext = { plan, calendar, policy: DEFAULT_REMINDER_POLICY, state: () => undefined };
  const perDay = new Map<string, number>();
  for (const r of remindersBetween(FY_START, FY_END, ctx)) perDay.set(r.date, (perDay.get(r.date) ?? 0) + 1);
  return [...perDay].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

/**
 * Records the keys of every reminder from the start of the fiscal year to
 * the day before `day`, as the daily ticks would have (with today's states,
 * near enough): a tick late in the year inserts its keys next to hundreds
 * of thousands of older ones, and an empty table would flatter it.
 */
async function recordYearSoFar(db: Kysely<Database>, plan: Plan, state: StateLookup, day: string): Promise<number> {
  const keys = remindersBetween(FY_START, addDays(day, -1), { plan, calendar, policy: DEFAULT_REMINDER_POLICY, state }).map(reminderKey);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < keys.length; i += 2000) {
      await trx
        .insertInto('reminder_sent')
        .values(keys.slice(i, i + 2000).map((key) => ({ key, outbox_id: null, created_at: '2020-04-01T00:00:00.000Z' })))
        .execute();
    }
  });
  return keys.length;
}

async function prepare(size: number, folder: string): Promise<Prepared> {
  const plan = syntheticPlan(size);
  const yaml = formatPlanYaml(plan, `Synthetic plan of ${size} milestones (scripts/bench/lib/synthetic-plan.ts).`);
  writeFileSync(join(folder, 'plan.yaml'), yaml);
  const busyDay = busiestDay(plan);
  const history = syntheticHistory(plan, HISTORY_PER_MILESTONE, busyDay);
  let reminderKeysSent = 0;
  const db = await openDatabase(join(folder, 'bot.db'));
  try {
    await createPlanStore(db).save(plan, 'plan.yaml', '2020-04-01T00:00:00.000Z');
    const statuses = createStatusStore(db);
    await statuses.appendAll(history);
    reminderKeysSent = await recordYearSoFar(db, plan, stateLookupOf(await statuses.latest(), TIME_ZONE), busyDay);
  } finally {
    await closeDatabase(db);
  }
  return {
    milestones: size,
    divisions: new Set(listMilestones(plan).flatMap((m) => m.owners)).size,
    historyRows: history.length,
    reminderKeysSent,
    planYamlBytes: Buffer.byteLength(yaml),
    busyDay,
  };
}

/** Reading and validating the canonical YAML, then storing it in an empty database (a first import). */
async function measureImport(size: number, folder: string) {
  const parseMs: number[] = [];
  const storeMs: number[] = [];
  let run = 0;
  let db: Kysely<Database> | null = null;
  const { timing } = await timed(
    runsFor(size),
    async () => {
      if (db) await closeDatabase(db);
      db = await openDatabase(join(folder, `import-${run++}.db`));
    },
    async () => {
      const start = performance.now();
      const read = await readPlanSource(join(folder, 'plan.yaml'), 'ja');
      if (!read.ok) throw new Error(read.error.message);
      parseMs.push(elapsed(start));
      const storing = performance.now();
      await createPlanStore(db!).save(read.value, 'plan.yaml', '2020-04-01T00:00:00.000Z');
      storeMs.push(elapsed(storing));
      if (listMilestones(read.value).length !== size) throw new Error(`imported ${listMilestones(read.value).length} milestones, expected ${size}`);
    },
  );
  if (db) await closeDatabase(db);
  return { ...timing, parseMs: median(parseMs), storeMs: median(storeMs), peakRssMiB: peakRssMiB() };
}

/** Forgets every enqueued reminder and records the previous business day as ticked: a normal daily tick comes next. */
async function resetOutbox(db: Kysely<Database>, day: string): Promise<void> {
  // Keys start with their date: this removes the busy day's, keeping the year before it.
  await db.deleteFrom('reminder_sent').where('key', '>=', day).execute();
  await db.deleteFrom('outbox').execute();
  await db.deleteFrom('tick_state').execute();
  await db.insertInto('tick_state').values({ name: REMINDER_TICK, last_day: calendar.previousBusinessDay(day) }).execute();
}

/** Time spent in each dependency of a tick, added up over one run. */
type TickParts = Record<'load plan' | 'load statuses' | 'look up reminder keys' | 'enqueue messages', number>;

/** The tick's dependencies, timed: what is left of a tick's time is the policy, the state lookup and the lines. */
function timedDeps(deps: ReminderTickDeps, parts: TickParts): ReminderTickDeps {
  const time = async <T>(name: keyof TickParts, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      parts[name] += performance.now() - start;
    }
  };
  return {
    ...deps,
    plans: { load: () => time('load plan', () => deps.plans.load()) },
    statuses: { latest: () => time('load statuses', () => deps.statuses.latest()) },
    outbox: {
      tickTransaction: (name, now, work) =>
        deps.outbox.tickTransaction(name, now, (tx) =>
          work({
            get lastDay() {
              return tx.lastDay;
            },
            unrecorded: (keys) => time('look up reminder keys', () => tx.unrecorded(keys)),
            enqueue: (message, keys) => time('enqueue messages', () => tx.enqueue(message, keys)),
            setLastDay: (d) => tx.setLastDay(d),
          }),
        ),
    },
  };
}

/** The tick as the scheduler runs it at 09:30 on `day`, after a tick on the business day before. */
async function measureTick(size: number, folder: string, day: string) {
  const db = await openDatabase(join(folder, 'bot.db'));
  try {
    const deps: ReminderTickDeps = {
      plans: createPlanStore(db),
      statuses: createStatusStore(db),
      outbox: createOutboxStore(db),
      directory: syntheticDirectory(),
      calendar,
      policy: DEFAULT_REMINDER_POLICY,
      timeZone: TIME_ZONE,
      reminderTime: '09:30',
      lang: 'ja',
    };
    const at = instantAt(day, '09:30', TIME_ZONE);
    const perRun: Record<string, number>[] = [];
    let parts: TickParts;
    const { timing, last } = await timed(
      runsFor(size),
      async () => {
        await resetOutbox(db, day);
        parts = { 'load plan': 0, 'load statuses': 0, 'look up reminder keys': 0, 'enqueue messages': 0 };
      },
      async () => {
        const start = performance.now();
        const summary = await runReminderTick(at, timedDeps(deps, parts));
        const total = performance.now() - start;
        const measured = Object.values(parts).reduce((sum, ms) => sum + ms, 0);
        perRun.push({ ...parts, 'policy, state and lines': total - measured });
        return summary;
      },
    );
    if (last.outcome !== 'enqueued' || last.reminders === 0) throw new Error(`the tick enqueued nothing: ${JSON.stringify(last)}`);
    const medians = Object.fromEntries(Object.keys(perRun[0]!).map((name) => [name, Math.round(median(perRun.map((run) => run[name]!)) * 10) / 10]));
    return { ...timing, reminders: last.reminders, messages: last.messages, parts: medians, peakRssMiB: peakRssMiB() };
  } finally {
    await closeDatabase(db);
  }
}

/** `shinchoku preview` for the whole fiscal year from the database; the time is remindersBetween's. */
async function measurePreview(size: number, folder: string) {
  const db = await openDatabase(join(folder, 'bot.db'));
  try {
    const loading = performance.now();
    const plan = (await createPlanStore(db).load())!;
    const latest = await createStatusStore(db).latest();
    const loadMs = elapsed(loading);
    const { timing, last } = await timed(runsFor(size), () => {}, () =>
      remindersBetween(FY_START, FY_END, { plan, calendar, policy: DEFAULT_REMINDER_POLICY, state: stateLookupOf(latest, TIME_ZONE) }),
    );
    return { ...timing, loadMs, reminders: last.length, peakRssMiB: peakRssMiB() };
  } finally {
    await closeDatabase(db);
  }
}

/**
 * The digest of the week of `day` (its Monday), as the digest job builds it:
 * buildDigestFor (src/app/build-digest.ts) loads the plan and the statuses
 * it reads (the latest per group, the milestones changed lately whole), then
 * runs the domain model. No earlier digest is recorded, so its
 * period is the 7 days before. The model alone is timed too.
 */
async function measureDigest(size: number, folder: string, day: string) {
  const source = 'buildDigestFor (src/app/build-digest.ts): plan and statuses loaded from SQLite, then buildDigest';
  const monday = addDays(day, -((dayOfWeek(day) + 6) % 7));
  const db = await openDatabase(join(folder, 'bot.db'));
  try {
    const deps = {
      plans: createPlanStore(db),
      statuses: createStatusStore(db),
      digests: { latestBefore: async () => null },
      directory: syntheticDirectory(),
      calendar,
      policy: DEFAULT_REMINDER_POLICY,
      timeZone: TIME_ZONE,
    };
    const runs = runsFor(size);
    const { timing, last } = await timed(runs, () => {}, () => buildDigestFor(monday, deps));
    if (!last.ok) throw new Error(`buildDigestFor failed: ${JSON.stringify(last)}`);
    const rss = peakRssMiB();
    const plan = (await deps.plans.load())!;
    const statuses = await readStatusesFor(monday, null, deps);
    const input = { plan, ...statuses, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE, date: monday, previousDate: null, directory: deps.directory };
    const modelMs = (await timed(runs, () => {}, () => buildDigest(input))).timing.medianMs;
    return { source, date: monday, ...timing, modelMs, peakRssMiB: rss };
  } catch (error) {
    return { source, unavailable: `the digest failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await closeDatabase(db);
  }
}

async function main(argv: string[]): Promise<unknown> {
  const [step, sizeText, folder = '', day = ''] = argv;
  const size = Number(sizeText);
  if (step === 'baseline') return { peakRssMiB: peakRssMiB() };
  if (!Number.isInteger(size) || size <= 0 || !folder) throw new Error('usage: scale-child.ts baseline | STEP SIZE FOLDER [DAY]');
  switch (step) {
    case 'prepare':
      return prepare(size, folder);
    case 'import':
      return measureImport(size, folder);
    case 'tick':
      return measureTick(size, folder, day);
    case 'preview':
      return measurePreview(size, folder);
    case 'digest':
      return measureDigest(size, folder, day);
    default:
      throw new Error(`unknown step ${step}`);
  }
}

process.stdout.write(`${JSON.stringify(await main(process.argv.slice(2)))}\n`);
