/**
 * `npm run bench`: every benchmark in sequence, each in a fresh process so
 * that none inherits another's heap, JIT state or open handles. Each prints
 * its table and writes scripts/bench/results/<name>.json; BENCHMARKS.md at
 * the repository root reports them.
 *
 * PostgreSQL is included in the fan-out when BENCH_DATABASE_URL (or
 * TEST_DATABASE_URL) names a server. Benchmarks share the machine's cores
 * with everything else running: run them on an otherwise idle machine.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeMachine, machineInfo } from './lib/machine.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BENCHMARKS = ['fan-out', 'teams-fan-out', 'scale', 'command-latency', 'teams-command-latency', 'date-arithmetic', 'digest-chart'];

const only = process.argv.slice(2);
const selected = only.length > 0 ? BENCHMARKS.filter((name) => only.includes(name)) : BENCHMARKS;
console.log(`shinchoku benchmarks on ${describeMachine(machineInfo())}`);
let failed = 0;
for (const name of selected) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(`./${name}.ts`, import.meta.url))], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`${name} failed (exit ${run.status ?? run.signal})`);
  }
  console.log(`(${name}: ${Math.round((Date.now() - started) / 1000)} s)`);
}
process.exitCode = failed > 0 ? 1 : 0;
