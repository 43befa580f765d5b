/**
 * Scale benchmark (issue 8): import, reminder tick, whole-year preview and
 * digest on synthetic plans of 60, 1,000 and 10,000 milestones
 * (scripts/bench/lib/synthetic-plan.ts), each with about 10 status updates
 * per milestone. Every step runs in a fresh process (scale-child.ts), so its
 * peak RSS is what the bot (tick, digest) or the CLI (import, preview) would
 * hold for it. Times are medians of 7 runs in that process (the first one
 * cold). RSS is taken after the first run (a process that started and did
 * it once, as the bot ticks once a day and digests once a week) and after
 * all 7 back-to-back (which also holds their uncollected garbage).
 *
 * Targets at 10,000 milestones: tick < 200 ms, digest < 200 ms, RSS < 250 MB
 * (238 MiB), the RSS judged after the first run.
 *
 *   node --import tsx scripts/bench/scale.ts [SIZE…]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, writeResult, type Cell } from './lib/report.ts';

const CHILD = fileURLToPath(new URL('./scale-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = [60, 1_000, 10_000];
/** 250 MB (issue 8) is 238.4 MiB; RSS is measured in MiB. */
const TARGETS = { size: 10_000, tickMs: 200, digestMs: 200, rssMiB: 250e6 / 2 ** 20 };

interface Timed {
  medianMs: number;
  runsMs: number[];
  /** After the first run. */
  firstRunRssMiB: number;
  /** After every run. */
  peakRssMiB: number;
}

interface SizeResult {
  prepared: { milestones: number; divisions: number; historyRows: number; reminderKeysSent: number; planYamlBytes: number; busyDay: string };
  import: Timed & { parseMs: number; storeMs: number };
  tick: Timed & { reminders: number; messages: number; parts: Record<string, number> };
  preview: Timed & { loadMs: number; reminders: number };
  digest: (Timed & { source: string; date: string; modelMs: number }) | { source: string; unavailable: string };
}

/** Runs one step in a fresh `node --import tsx` process and returns its JSON line. */
function step<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) reject(new Error(`scale-child ${args.join(' ')} exited with ${code}`));
      else resolve(JSON.parse(line) as T);
    });
  });
}

async function measureSize(size: number): Promise<SizeResult> {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-scale-'));
  try {
    process.stderr.write(`scale ${size}: preparing…`);
    const prepared = await step<SizeResult['prepared']>(['prepare', String(size), folder]);
    process.stderr.write(' import…');
    const imported = await step<SizeResult['import']>(['import', String(size), folder]);
    process.stderr.write(' tick…');
    const tick = await step<SizeResult['tick']>(['tick', String(size), folder, prepared.busyDay]);
    process.stderr.write(' preview…');
    const preview = await step<SizeResult['preview']>(['preview', String(size), folder]);
    process.stderr.write(' digest…');
    const digest = await step<SizeResult['digest']>(['digest', String(size), folder, prepared.busyDay]);
    process.stderr.write(' done\n');
    return { prepared, import: imported, tick, preview, digest };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const digestMs = (r: SizeResult): number | null => ('medianMs' in r.digest ? r.digest.medianMs : null);
const digestRss = (r: SizeResult): number | null => ('firstRunRssMiB' in r.digest ? r.digest.firstRunRssMiB : null);
const digestPeakRss = (r: SizeResult): number | null => ('peakRssMiB' in r.digest ? r.digest.peakRssMiB : null);

async function main(): Promise<void> {
  const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : SIZES;
  const machine = machineInfo();
  const baseline = await step<{ peakRssMiB: number }>(['baseline']);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measureSize(size));

  const atTarget = results.find((r) => r.prepared.milestones === TARGETS.size);
  const targets = atTarget && {
    tick: { ms: atTarget.tick.medianMs, target: TARGETS.tickMs, met: atTarget.tick.medianMs < TARGETS.tickMs },
    digest: { ms: digestMs(atTarget), target: TARGETS.digestMs, met: (digestMs(atTarget) ?? Infinity) < TARGETS.digestMs },
    rss: {
      // The bot's own processes: a tick and a digest; import and preview are CLI commands.
      botMiB: Math.max(atTarget.tick.firstRunRssMiB, digestRss(atTarget) ?? 0),
      botPeakAfterRepeatsMiB: Math.max(atTarget.tick.peakRssMiB, digestPeakRss(atTarget) ?? 0),
      targetMiB: Math.round(TARGETS.rssMiB * 10) / 10,
      met: Math.max(atTarget.tick.firstRunRssMiB, digestRss(atTarget) ?? 0) < TARGETS.rssMiB,
    },
  };

  console.log(`\nScale: synthetic plans, ~10 status updates per milestone, medians — ${describeMachine(machine)}`);
  console.log(`Peak RSS of a process that only loads the modules: ${baseline.peakRssMiB} MiB.\n`);
  const rows: Cell[][] = results.map((r) => [
    r.prepared.milestones,
    r.prepared.historyRows,
    r.prepared.busyDay,
    r.tick.reminders,
    r.import.medianMs,
    r.tick.medianMs,
    r.preview.medianMs,
    digestMs(r),
    r.import.firstRunRssMiB,
    r.tick.firstRunRssMiB,
    r.preview.firstRunRssMiB,
    digestRss(r),
    `${r.tick.peakRssMiB} / ${digestPeakRss(r) ?? 'n/a'}`,
  ]);
  console.log(
    formatTable(
      ['milestones', 'history', 'busy day', 'reminders', 'import ms', 'tick ms', 'preview ms', 'digest ms', 'RSS import', 'RSS tick', 'RSS preview', 'RSS digest', 'RSS tick / digest after 7 runs'],
      rows,
    ),
  );
  console.log('\nWhere a tick\'s time goes (median ms of each part within the runs):');
  const partNames = [...new Set(results.flatMap((r) => Object.keys(r.tick.parts)))];
  console.log(formatTable(['milestones', ...partNames, 'whole tick'], results.map((r) => [r.prepared.milestones, ...partNames.map((p) => r.tick.parts[p] ?? null), r.tick.medianMs])));
  const unavailable = results.find((r) => 'unavailable' in r.digest)?.digest;
  if (unavailable && 'unavailable' in unavailable) console.log(`\ndigest: n/a (${unavailable.unavailable})`);
  else {
    console.log('\ndigest: buildDigestFor (plan and history loaded from SQLite, then the model); the model alone:');
    console.log(formatTable(['milestones', 'model ms', 'whole digest ms'], results.map((r) => [r.prepared.milestones, 'modelMs' in r.digest ? r.digest.modelMs : null, digestMs(r)])));
  }
  if (targets) {
    console.log(
      `\nTargets at ${TARGETS.size}: tick ${targets.tick.ms} ms (< ${TARGETS.tickMs}: ${targets.tick.met ? 'met' : 'MISSED'}), digest ${targets.digest.ms ?? 'n/a'} ms (< ${TARGETS.digestMs}: ${targets.digest.met ? 'met' : 'MISSED'}), ` +
        `bot RSS ${targets.rss.botMiB} MiB after one run (< ${targets.rss.targetMiB} MiB = 250 MB: ${targets.rss.met ? 'met' : 'MISSED'}; ${targets.rss.botPeakAfterRepeatsMiB} MiB after 7 back-to-back)`,
    );
  }
  const path = writeResult('scale', { command: 'node --import tsx scripts/bench/scale.ts', baselineRssMiB: baseline.peakRssMiB, targets: targets ?? null, results }, machine);
  console.log(`\nwritten ${path}`);
}

await main();
