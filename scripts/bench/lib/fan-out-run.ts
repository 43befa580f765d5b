/**
 * What the Slack and Teams fan-out benchmarks (fan-out.ts, teams-fan-out.ts)
 * share: running the real dispatcher until every message is recorded, and
 * reading delivery (lost, duplicated) and pacing (per-channel spans and gaps)
 * from what the fake platform accepted.
 */
import { performance } from 'node:perf_hooks';
import type { OutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import type { ChannelPacer } from '../../../src/app/channel-pacer.ts';
import { createDispatcher, type DispatchEvent } from '../../../src/app/dispatch-outbox.ts';
import type { Notifier } from '../../../src/app/ports.ts';
import { openBenchPostgres, openBenchSqlite, postgresServerUrl, type BenchDatabase } from './bench-database.ts';
import { median } from './report.ts';

/** A run that takes this long has failed; the benchmark stops instead of hanging. */
const GIVE_UP_MS = 5 * 60_000;

export interface Spread {
  min: number;
  median: number;
  max: number;
}

export const spread = (values: number[]): Spread => (values.length === 0 ? { min: 0, median: 0, max: 0 } : { min: Math.min(...values), median: median(values), max: Math.max(...values) });

export interface DispatchRun {
  /** From dispatcher.start() to the last message recorded as sent (or to giving up). */
  totalMs: number;
  dispatcherErrors: number;
  /** CPU time of this process over the run, in ms: user (JavaScript, parsing) and system (the kernel's share: sockets, fsync). */
  cpuUserMs: number;
  cpuSystemMs: number;
}

/** Starts the real dispatcher (the bot's options, real clock and sleeps) and waits until `messages` are recorded. */
export async function dispatchAll(options: { store: OutboxStore; notifier: Notifier; pacer?: ChannelPacer; messages: number }): Promise<DispatchRun> {
  let delivered = 0;
  let errors = 0;
  let lastDeliveredAt = 0;
  const onEvent = (event: DispatchEvent) => {
    if (event.kind === 'sent' || event.kind === 'already_delivered') {
      delivered++;
      lastDeliveredAt = performance.now();
    } else if (event.kind === 'error') errors++;
  };
  const dispatcher = createDispatcher({
    outbox: options.store,
    notifier: options.notifier,
    ...(options.pacer ? { pacer: options.pacer } : {}),
    clock: { now: () => new Date() },
    owner: `bench:${process.pid}`,
    onEvent,
  });
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  dispatcher.start();
  while (delivered < options.messages && performance.now() - start < GIVE_UP_MS) await new Promise((resolve) => setTimeout(resolve, 20));
  await dispatcher.stop();
  const cpu = process.cpuUsage(cpuBefore);
  return {
    totalMs: (delivered >= options.messages ? lastDeliveredAt : performance.now()) - start,
    dispatcherErrors: errors,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
  };
}

/** Keys never posted (lost) and keys posted more than once (duplicated), from the key of each accepted message. */
export function lostAndDuplicated(keys: readonly string[], postedKeys: Iterable<string>): { lost: number; duplicated: number } {
  const seen = new Map<string, number>();
  for (const key of postedKeys) seen.set(key, (seen.get(key) ?? 0) + 1);
  return { lost: keys.filter((key) => !seen.has(key)).length, duplicated: [...seen.values()].filter((count) => count > 1).length };
}

/** Per channel, first to last accepted message; and between consecutive accepted messages of one channel. */
export function channelPacing(acceptedAtByChannel: Iterable<readonly number[]>): { channelSpanMs: Spread; acceptedGapMs: Spread } {
  const spans: number[] = [];
  const gaps: number[] = [];
  for (const times of acceptedAtByChannel) {
    if (times.length === 0) continue;
    spans.push(times[times.length - 1]! - times[0]!);
    for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
  }
  return { channelSpanMs: spread(spans), acceptedGapMs: spread(gaps) };
}

/** Rounds a ratio to three decimals, as the results print it. */
export const roundRatio = (ratio: number) => Math.round(ratio * 1000) / 1000;

/** What both fan-out benchmarks report for one database. */
export interface FanOutFigures {
  dialect: string;
  messages: number;
  channels: number;
  floorMs: number;
  totalMs: number;
  ratio: number;
  targetMet: boolean;
  /** HTTP 429 answers the dispatcher received. */
  rateLimited: number;
  postCalls: number;
  lost: number;
  duplicated: number;
  /** Outbox rows not `sent` at the end. */
  notSent: number;
  /** Per channel, first accepted to last accepted message, as the fake saw them. */
  channelSpanMs: Spread;
  /** Between consecutive accepted messages of one channel, as the fake saw them. */
  acceptedGapMs: Spread;
  dispatcherErrors: number;
}

/** Runs `run` on a fresh SQLite database and, when a server is named, on a fresh PostgreSQL schema. */
export async function onEachDatabase<T>(what: (dialect: string) => string, run: (database: BenchDatabase) => Promise<T>): Promise<T[]> {
  const server = postgresServerUrl();
  const databases: Array<() => Promise<BenchDatabase>> = [openBenchSqlite, ...(server ? [() => openBenchPostgres(server)] : [])];
  const results: T[] = [];
  for (const open of databases) {
    const database = await open();
    try {
      process.stderr.write(`${what(database.dialect)}…\n`);
      results.push(await run(database));
    } finally {
      await database.dispose();
    }
  }
  if (!server) process.stderr.write('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to postgres://… to include it.\n');
  return results;
}
