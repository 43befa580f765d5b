/**
 * Fan-out benchmark (SPEC §8, issue 8): 1,000 reminder messages to 50
 * channels (20 each) through the fake Slack Web API enforcing 1 message per
 * second per channel (HTTP 429 + Retry-After beyond that), delivered by the
 * real dispatcher (real clock, real sleeps, default options) with the real
 * Slack notifier over HTTP, from an outbox on SQLite and, when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL names a server, on PostgreSQL.
 *
 * The floor is what the rate limit alone allows: a channel whose n messages
 * may be accepted at most r in any one second needs (⌈n/r⌉ − 1) seconds from
 * its first accepted message to its last; with n = 20 and r = 1 that is
 * 19 s, and all channels run in parallel, so the floor of the whole fan-out is
 * 19.0 s. The measured total runs from dispatcher.start() to the moment the
 * last message is recorded as sent; the target is total ≤ 1.2 × floor, with
 * 0 lost (an outbox key never posted) and 0 duplicated (a key posted twice).
 *
 *   node --import tsx scripts/bench/fan-out.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import { createDispatcher, type DispatchEvent } from '../../src/app/dispatch-outbox.ts';
import type { ReminderMessage } from '../../src/app/ports.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../test/fakes/fake-slack-api.ts';
import { openBenchPostgres, openBenchSqlite, postgresServerUrl, type BenchDatabase } from './lib/bench-database.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, median, writeResult } from './lib/report.ts';

export const CHANNELS = 50;
export const PER_CHANNEL = 20;
export const PER_SECOND = 1;
export const TARGET_RATIO = 1.2;
/** (⌈n/r⌉ − 1) seconds: see the file comment. */
export const FLOOR_MS = (Math.ceil(PER_CHANNEL / PER_SECOND) - 1) * 1000;
/** A run that takes this long has failed; the benchmark stops instead of hanging. */
const GIVE_UP_MS = 5 * 60_000;

export interface FanOutResult {
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
  /** Per channel, first accepted to last accepted message, as Slack (the fake) saw them. */
  channelSpanMs: { min: number; median: number; max: number };
  /** Between consecutive accepted messages of one channel, as the fake saw them. */
  acceptedGapMs: { min: number; median: number; max: number };
  /** For each 429: how long after the channel's previous accepted message it arrived at the fake. */
  rateLimitedGapMs: { min: number; median: number; max: number };
  dispatcherErrors: number;
}

function message(division: string, n: number): ReminderMessage {
  return {
    type: 'reminders',
    lang: 'ja',
    day: '2020-07-22',
    division,
    unmapped: false,
    missed: false,
    lines: [
      {
        kind: 'lead',
        milestoneId: `1-1-${n + 1}`,
        title: '次長級職員を対象とした指導力向上研修のプログラムの検討、実施',
        checkpoint: null,
        due: '2020-07-31',
        status: 'not_started',
      },
    ],
  };
}

/** Enqueues PER_CHANNEL messages on each of CHANNELS channels, interleaved as a tick would; returns their keys. */
async function fillOutbox(store: OutboxStore): Promise<string[]> {
  return store.tickTransaction('bench', new Date(), async (tx) => {
    const keys: string[] = [];
    for (let n = 0; n < PER_CHANNEL; n++) {
      for (let c = 0; c < CHANNELS; c++) {
        const division = `ベンチ課${String(c).padStart(2, '0')}`;
        const enqueued = await tx.enqueue(
          { baseKey: `bench|${n}|${division}`, day: '2020-07-22', division, channel: `CBENCH${String(c).padStart(3, '0')}`, body: message(division, n) },
          [],
        );
        keys.push(enqueued.key);
      }
    }
    return keys;
  });
}

const keyOf = (metadata: unknown): string | undefined => (metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

const spread = (values: number[]) => (values.length === 0 ? { min: 0, median: 0, max: 0 } : { min: Math.min(...values), median: median(values), max: Math.max(...values) });

/** One fan-out on one database. */
export async function runFanOut(database: BenchDatabase): Promise<FanOutResult> {
  const slack: FakeSlackApi = await startFakeSlackApi({ channelRateLimit: { perSecond: PER_SECOND } });
  try {
    const store = createOutboxStore(database.db);
    const keys = await fillOutbox(store);
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
      outbox: store,
      notifier: createSlackNotifier({ token: 'xoxb-bench', slackApiUrl: slack.url }),
      clock: { now: () => new Date() },
      owner: `bench:${process.pid}`,
      onEvent,
    });

    const start = performance.now();
    dispatcher.start();
    while (delivered < keys.length && performance.now() - start < GIVE_UP_MS) await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    const totalMs = (delivered >= keys.length ? lastDeliveredAt : performance.now()) - start;

    const posts = slack.callsTo('chat.postMessage');
    const seen = new Map<string, number>();
    for (const m of slack.allMessages()) {
      const key = keyOf(m.metadata);
      if (key !== undefined) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const byChannel = new Map<string, number[]>();
    const rateLimitedGaps: number[] = [];
    for (const call of posts) {
      const channel = String(call.params.channel);
      const times = byChannel.get(channel) ?? [];
      if (call.status === 200 && call.response?.ok === true) byChannel.set(channel, [...times, call.at]);
      else if (call.status === 429 && times.length > 0) rateLimitedGaps.push(call.at - times[times.length - 1]!);
    }
    const spans: number[] = [];
    const gaps: number[] = [];
    for (const times of byChannel.values()) {
      spans.push(times[times.length - 1]! - times[0]!);
      for (let i = 1; i < times.length; i++) gaps.push(times[i]! - times[i - 1]!);
    }
    const rows = await store.list();
    const ratio = totalMs / FLOOR_MS;
    return {
      dialect: database.dialect,
      messages: keys.length,
      channels: CHANNELS,
      floorMs: FLOOR_MS,
      totalMs: Math.round(totalMs),
      ratio: Math.round(ratio * 1000) / 1000,
      targetMet: ratio <= TARGET_RATIO,
      rateLimited: posts.filter((call) => call.status === 429).length,
      postCalls: posts.length,
      lost: keys.filter((key) => !seen.has(key)).length,
      duplicated: [...seen.values()].filter((count) => count > 1).length,
      notSent: rows.filter((row) => row.status !== 'sent').length,
      channelSpanMs: spread(spans),
      acceptedGapMs: spread(gaps),
      rateLimitedGapMs: spread(rateLimitedGaps),
      dispatcherErrors: errors,
    };
  } finally {
    await slack.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const server = postgresServerUrl();
  const databases: Array<() => Promise<BenchDatabase>> = [openBenchSqlite, ...(server ? [() => openBenchPostgres(server)] : [])];
  const results: FanOutResult[] = [];
  for (const open of databases) {
    const database = await open();
    try {
      process.stderr.write(`fan-out on ${database.dialect}: ${CHANNELS * PER_CHANNEL} messages to ${CHANNELS} channels at ${PER_SECOND}/s per channel…\n`);
      results.push(await runFanOut(database));
    } finally {
      await database.dispose();
    }
  }
  if (!server) process.stderr.write('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to postgres://… to include it.\n');

  console.log(`\nFan-out: ${CHANNELS * PER_CHANNEL} messages, ${CHANNELS} channels × ${PER_CHANNEL}, fake Slack limit ${PER_SECOND}/s per channel — ${describeMachine(machine)}`);
  console.log(
    formatTable(
      ['database', 'total s', 'floor s', 'ratio', 'target ≤1.2', '429s', 'posts', 'lost', 'dup', 'not sent', 'max span s', 'min gap ms'],
      results.map((r) => [
        r.dialect,
        r.totalMs / 1000,
        r.floorMs / 1000,
        r.ratio,
        r.targetMet ? 'met' : 'MISSED',
        r.rateLimited,
        r.postCalls,
        r.lost,
        r.duplicated,
        r.notSent,
        r.channelSpanMs.max / 1000,
        r.acceptedGapMs.min,
      ]),
    ),
  );
  const path = writeResult('fan-out', {
    command: 'node --import tsx scripts/bench/fan-out.ts',
    setup: { channels: CHANNELS, perChannel: PER_CHANNEL, perSecond: PER_SECOND, floorRule: '(ceil(perChannel / perSecond) - 1) s', targetRatio: TARGET_RATIO },
    results,
  }, machine);
  console.log(`\nwritten ${path}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
