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
import { pathToFileURL } from 'node:url';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import type { ReminderMessage } from '../../src/app/ports.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../test/fakes/fake-slack-api.ts';
import type { BenchDatabase } from './lib/bench-database.ts';
import { channelPacing, dispatchAll, lostAndDuplicated, onEachDatabase, roundRatio, type FanOutFigures, spread, type Spread } from './lib/fan-out-run.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, writeResult } from './lib/report.ts';

export const CHANNELS = 50;
export const PER_CHANNEL = 20;
export const PER_SECOND = 1;
export const TARGET_RATIO = 1.2;
/** (⌈n/r⌉ − 1) seconds: see the file comment. */
export const FLOOR_MS = (Math.ceil(PER_CHANNEL / PER_SECOND) - 1) * 1000;

export interface FanOutResult extends FanOutFigures {
  /** For each 429: how long after the channel's previous accepted message it arrived at the fake. */
  rateLimitedGapMs: Spread;
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

/** One fan-out on one database. */
export async function runFanOut(database: BenchDatabase): Promise<FanOutResult> {
  const slack: FakeSlackApi = await startFakeSlackApi({ channelRateLimit: { perSecond: PER_SECOND } });
  try {
    const store = createOutboxStore(database.db);
    const keys = await fillOutbox(store);
    const run = await dispatchAll({ store, notifier: createSlackNotifier({ token: 'xoxb-bench', slackApiUrl: slack.url }), messages: keys.length });

    const posts = slack.callsTo('chat.postMessage');
    const byChannel = new Map<string, number[]>();
    const rateLimitedGaps: number[] = [];
    for (const call of posts) {
      const channel = String(call.params.channel);
      const times = byChannel.get(channel) ?? [];
      if (call.status === 200 && call.response?.ok === true) byChannel.set(channel, [...times, call.at]);
      else if (call.status === 429 && times.length > 0) rateLimitedGaps.push(call.at - times[times.length - 1]!);
    }
    const rows = await store.list();
    const ratio = run.totalMs / FLOOR_MS;
    return {
      dialect: database.dialect,
      messages: keys.length,
      channels: CHANNELS,
      floorMs: FLOOR_MS,
      totalMs: Math.round(run.totalMs),
      ratio: roundRatio(ratio),
      targetMet: ratio <= TARGET_RATIO,
      rateLimited: posts.filter((call) => call.status === 429).length,
      postCalls: posts.length,
      ...lostAndDuplicated(keys, slack.allMessages().flatMap((m) => keyOf(m.metadata) ?? [])),
      notSent: rows.filter((row) => row.status !== 'sent').length,
      ...channelPacing(byChannel.values()),
      rateLimitedGapMs: spread(rateLimitedGaps),
      dispatcherErrors: run.dispatcherErrors,
    };
  } finally {
    await slack.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results = await onEachDatabase((dialect) => `fan-out on ${dialect}: ${CHANNELS * PER_CHANNEL} messages to ${CHANNELS} channels at ${PER_SECOND}/s per channel`, runFanOut);

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
