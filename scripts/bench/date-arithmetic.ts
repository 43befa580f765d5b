/**
 * Why the domain keeps its calendar arithmetic on plain `YYYY-MM-DD` strings
 * (src/domain/local-date.ts) while what people type is parsed by dayjs
 * (src/domain/typed-time.ts): the tick and the digest add days and compare
 * dates for every milestone, every day; this measures that operation both
 * ways on the same inputs, in one process, medians of 7 rounds.
 *
 *   node --import tsx scripts/bench/date-arithmetic.ts
 */
import dayjs from 'dayjs';
import { addDays } from '../../src/domain/local-date.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, median, writeResult } from './lib/report.ts';

const OPERATIONS = 200_000;
const ROUNDS = 7;
const START = '2020-04-01';

function time(run: () => string): { ms: number; last: string } {
  const started = performance.now();
  const last = run();
  return { ms: performance.now() - started, last };
}

function strings(): string {
  let last = '';
  for (let i = 0; i < OPERATIONS; i++) last = addDays(START, i % 365);
  return last;
}

function withDayjs(): string {
  let last = '';
  for (let i = 0; i < OPERATIONS; i++) last = dayjs(START).add(i % 365, 'day').format('YYYY-MM-DD');
  return last;
}

const results = { strings: [] as number[], dayjs: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const a = time(strings);
  const b = time(withDayjs);
  if (a.last !== b.last) throw new Error(`the two disagree: ${a.last} vs ${b.last}`);
  results.strings.push(a.ms);
  results.dayjs.push(b.ms);
}
const stringsMs = median(results.strings);
const dayjsMs = median(results.dayjs);
const ratio = dayjsMs / stringsMs;

console.log(`date arithmetic on ${describeMachine(machineInfo())}: ${OPERATIONS.toLocaleString('en')} additions of days, median of ${ROUNDS}`);
console.log(
  formatTable(
    ['way', 'median ms', 'ns per addition'],
    [
      ['YYYY-MM-DD strings (local-date.ts)', stringsMs.toFixed(1), ((stringsMs * 1e6) / OPERATIONS).toFixed(0)],
      ['dayjs add + format', dayjsMs.toFixed(1), ((dayjsMs * 1e6) / OPERATIONS).toFixed(0)],
    ],
  ),
);
console.log(`dayjs / strings: ${ratio.toFixed(1)}×`);
writeResult('date-arithmetic', {
  command: 'node --import tsx scripts/bench/date-arithmetic.ts',
  setup: { operations: OPERATIONS, rounds: ROUNDS, operation: 'add 0–364 days to 2020-04-01 and write YYYY-MM-DD' },
  stringsMs: results.strings,
  dayjsMs: results.dayjs,
  medians: { stringsMs, dayjsMs, ratio },
});
