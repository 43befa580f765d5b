/**
 * What the digest's chart (issue 15 §4) adds to a weekly digest at 10,000
 * milestones with 100,000 history rows (scale-child.ts prepares the same
 * database as the scale benchmark):
 *
 * - postDigest now reads the history from the fiscal year's start (the
 *   burn-up counts the whole year) instead of from the digest's own window;
 *   both readings are timed, and the digest model on each;
 * - buildBurnUp, the twelve months the message carries;
 * - the PNG, drawn by the adapters at delivery (resvg, the font, 16 colours);
 * - postDigest as a whole (manual post of the busy day's week, SQLite).
 *
 *   node --import tsx scripts/bench/digest-chart.ts [SIZE]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { findChartFont } from '../../src/adapters/charts/find-chart-font.ts';
import { renderDigestChartPng } from '../../src/adapters/charts/render-png.ts';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../src/adapters/db/status-store.ts';
import { readStatusesFor } from '../../src/app/build-digest.ts';
import { postDigest } from '../../src/app/post-digest.ts';
import { buildBurnUp } from '../../src/domain/burn-up.ts';
import { buildDigest } from '../../src/domain/digest.ts';
import { addDays, dayOfWeek } from '../../src/domain/local-date.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, median, writeResult } from './lib/report.ts';
import { FISCAL_YEAR, syntheticDirectory } from './lib/synthetic-plan.ts';

const SIZE = Number(process.argv[2] ?? 10_000);
const RUNS = 7;
const TIME_ZONE = 'Asia/Tokyo';
const FY_START = `${FISCAL_YEAR}-04-01`;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const calendar = createJapaneseCalendar();

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    last = await work();
    ms.push(Math.round((performance.now() - start) * 10) / 10);
  }
  return { ms, last: last as T };
}

const font = findChartFont();
if (!font) throw new Error('no Japanese font: sudo apt-get install fonts-ipaexfont-gothic');
const folder = mkdtempSync(join(tmpdir(), 'shinchoku-digest-chart-'));
try {
  process.stderr.write(`digest chart ${SIZE}: preparing…`);
  const prep = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./scale-child.ts', import.meta.url)), 'prepare', String(SIZE), folder], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (prep.status !== 0) throw new Error(`scale-child prepare exited with ${prep.status}`);
  const prepared = JSON.parse(prep.stdout.trim().split('\n').pop()!) as { historyRows: number; busyDay: string };
  const monday = addDays(prepared.busyDay, -((dayOfWeek(prepared.busyDay) + 6) % 7));
  process.stderr.write(' measuring\n');

  const db = await openDatabase(join(folder, 'bot.db'));
  try {
    const deps = {
      plans: createPlanStore(db),
      statuses: createStatusStore(db),
      digests: createDigestStore(db),
      directory: syntheticDirectory(),
      calendar,
      policy: DEFAULT_REMINDER_POLICY,
      timeZone: TIME_ZONE,
      schedule: { weekday: 1, time: '09:00' },
      lang: 'ja' as const,
    };
    const plan = (await deps.plans.load())!;
    const windowRead = await timed(() => readStatusesFor(monday, null, deps));
    const yearRead = await timed(() => readStatusesFor(monday, null, deps, FY_START));
    const model = (statuses: Awaited<ReturnType<typeof readStatusesFor>>) => () =>
      buildDigest({ plan, ...statuses, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: TIME_ZONE, date: monday, previousDate: null, directory: deps.directory });
    const windowModel = await timed(model(windowRead.last));
    const yearModel = await timed(model(yearRead.last));
    const burnUp = await timed(() => buildBurnUp({ plan, ...yearRead.last, calendar, timeZone: TIME_ZONE, date: monday }));
    const png = await timed(() => renderDigestChartPng(burnUp.last, 'ja', font));
    const post = await timed(async () => {
      await db.deleteFrom('outbox').execute();
      const result = await postDigest(instantAt(monday, '09:00', TIME_ZONE), deps, { manual: true });
      if (!result.ok || result.value.kind !== 'enqueued') throw new Error(`postDigest: ${JSON.stringify(result)}`);
      return result.value;
    });
    const body = (await createOutboxStore(db).list())[0]!.body;

    const rows = [
      ['read history, the digest\'s window', median(windowRead.ms), windowRead.last.updates.length],
      ['read history, from the fiscal year\'s start', median(yearRead.ms), yearRead.last.updates.length],
      ['digest model on the window', median(windowModel.ms), null],
      ['digest model on the year', median(yearModel.ms), null],
      ['buildBurnUp', median(burnUp.ms), null],
      ['PNG (resvg + 16 colours)', median(png.ms), png.last.length],
      ['postDigest whole (manual, SQLite)', median(post.ms), JSON.stringify(body).length],
    ] as const;
    console.log(`digest chart on ${describeMachine(machineInfo())}: ${SIZE} milestones, ${prepared.historyRows} history rows, digest of ${monday}, median of ${RUNS}`);
    console.log(formatTable(['step', 'median ms', 'rows / bytes'], rows.map((r) => [...r])));
    writeResult('digest-chart', {
      command: 'node --import tsx scripts/bench/digest-chart.ts',
      setup: { milestones: SIZE, historyRows: prepared.historyRows, date: monday, runs: RUNS, font: font.path },
      readWindowMs: windowRead.ms,
      readYearMs: yearRead.ms,
      updatesWindow: windowRead.last.updates.length,
      updatesYear: yearRead.last.updates.length,
      modelWindowMs: windowModel.ms,
      modelYearMs: yearModel.ms,
      burnUpMs: burnUp.ms,
      pngMs: png.ms,
      pngBytes: png.last.length,
      postDigestMs: post.ms,
      outboxBodyChars: JSON.stringify(body).length,
    });
  } finally {
    await closeDatabase(db);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
