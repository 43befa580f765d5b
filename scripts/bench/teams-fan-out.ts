/**
 * Teams fan-out benchmark (issue 14): 1,000 reminder cards to 50 Teams
 * channels (20 each) through the fake Bot Connector enforcing Teams'
 * published per-conversation limits (7 per second, 8 per 2 s, 60 per 30 s,
 * 1,800 per hour: HTTP 429 + Retry-After beyond them), delivered by the real
 * dispatcher (real clock, real sleeps, the bot's own options) with the real
 * Teams notifier and pacer as the bot composes them (composeTeams: the SDK's
 * API client, the bot's token from the fake token endpoint, the Graph
 * lookup), from an outbox on SQLite and, when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server, on PostgreSQL. The structure mirrors the
 * Slack fan-out (scripts/bench/fan-out.ts); one difference: the fake runs in
 * a process of its own (fake-teams-server.ts), because at Teams' rates the
 * fake's own work (a JWT check and a JSON parse per card) would otherwise
 * take a third of the bot's event loop, which Microsoft's servers never do.
 *
 * The floor is what the limits alone allow: 20 sends to one conversation,
 * each as early as the windows let it, span 4.0 s from the first to the last
 * (7 at 0 s, 1 at 1 s, 7 at 2 s, 1 at 3 s, 4 at 4 s: minimumSpanMs in
 * test/fakes/fake-teams/rate-limits.ts); the channels run in parallel, so
 * that is the floor of the whole fan-out. The measured total runs from
 * dispatcher.start() to the moment the last message is recorded as sent;
 * the target is total ≤ 1.2 × floor, with 0 lost (an outbox key never
 * posted) and 0 duplicated (a key posted twice), read from the key each
 * card carries.
 *
 *   node --import tsx scripts/bench/teams-fan-out.ts
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { composeTeams } from '../../src/adapters/teams/compose-teams.ts';
import { outboxKeyOfCard } from '../../src/adapters/teams/outbox-card.ts';
import { SILENT_TEAMS_LOGGER } from '../../src/adapters/teams/sdk-logger.ts';
import { createDispatcher, type DispatchEvent } from '../../src/app/dispatch-outbox.ts';
import type { ReminderMessage } from '../../src/app/ports.ts';
import { minimumSpanMs, TEAMS_CONVERSATION_LIMITS, type ConnectorCall, type RateLimitViolation, type StoredActivity } from '../../test/fakes/fake-teams/index.ts';
import type { FakeChildMessage, FakeParentMessage, FakeTeamsInfo } from './fake-teams-server.ts';
import { openBenchPostgres, openBenchSqlite, postgresServerUrl, type BenchDatabase } from './lib/bench-database.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, median, writeResult } from './lib/report.ts';

export const TEAMS = 5;
export const CHANNELS_PER_TEAM = 10;
export const CHANNELS = TEAMS * CHANNELS_PER_TEAM;
export const PER_CHANNEL = 20;
export const TARGET_RATIO = 1.2;
/** The limits alone: see the file comment. */
export const FLOOR_MS = minimumSpanMs(PER_CHANNEL);
/** A run that takes this long has failed; the benchmark stops instead of hanging. */
const GIVE_UP_MS = 5 * 60_000;

export interface TeamsFanOutResult {
  dialect: string;
  messages: number;
  channels: number;
  floorMs: number;
  totalMs: number;
  ratio: number;
  targetMet: boolean;
  /** HTTP 429 answers the dispatcher received (the fake's rate-limit violations). */
  rateLimited: number;
  postCalls: number;
  lost: number;
  duplicated: number;
  /** Outbox rows not `sent` at the end. */
  notSent: number;
  /** Per channel, first accepted to last accepted card, as the fake connector saw them. */
  channelSpanMs: { min: number; median: number; max: number };
  /** Between consecutive accepted cards of one channel, as the fake saw them. */
  acceptedGapMs: { min: number; median: number; max: number };
  /** Requests to the token endpoint: the bot caches its token, so 1 in a run this short. */
  tokenRequests: number;
  dispatcherErrors: number;
  /**
   * CPU time of this process (dispatcher, notifier, SDK client, database)
   * per card, from start to the last card recorded: what the bot itself
   * costs, whatever else shares the cores. The fake's is not in it.
   */
  botCpuMsPerCard: number;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FAKE_SERVER = fileURLToPath(new URL('./fake-teams-server.ts', import.meta.url));

/** The fake Microsoft services in a child process, until stop(). */
async function startFakeTeamsProcess(): Promise<{ info: FakeTeamsInfo; inspect<T>(view: string): Promise<T>; stop(): Promise<void> }> {
  const child = fork(FAKE_SERVER, [String(TEAMS), String(CHANNELS_PER_TEAM)], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const info = await new Promise<FakeTeamsInfo>((ready, failed) => {
    child.on('message', (message: FakeChildMessage) => {
      if (message.kind === 'ready') ready(message.fake);
    });
    void exited.then((code) => failed(new Error(`the fake Teams process exited with ${code} before it listened`)));
  });
  return {
    info,
    async inspect<T>(view: string): Promise<T> {
      const response = await fetch(`${info.origin}/_fake/${view}`);
      return (await response.json()) as T;
    },
    async stop() {
      if (child.connected) child.send({ kind: 'stop' } satisfies FakeParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
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

/** Enqueues PER_CHANNEL messages on each channel, interleaved as a tick would; returns their keys. */
async function fillOutbox(store: OutboxStore, channels: readonly string[]): Promise<string[]> {
  return store.tickTransaction('bench', new Date(), async (tx) => {
    const keys: string[] = [];
    for (let n = 0; n < PER_CHANNEL; n++) {
      for (const [c, channel] of channels.entries()) {
        const division = `ベンチ課${String(c).padStart(2, '0')}`;
        const enqueued = await tx.enqueue({ baseKey: `bench|${n}|${division}`, day: '2020-07-22', division, channel, body: message(division, n) }, []);
        keys.push(enqueued.key);
      }
    }
    return keys;
  });
}

/** The outbox key a posted card carries, as the Graph lookup reads it. */
function keyOf(stored: StoredActivity): string | null {
  const attachments = stored.activity.attachments;
  if (!Array.isArray(attachments)) return null;
  const content = (attachments[0] as { content?: unknown } | undefined)?.content;
  return content === undefined ? null : outboxKeyOfCard(JSON.stringify(content));
}

const spread = (values: number[]) => (values.length === 0 ? { min: 0, median: 0, max: 0 } : { min: Math.min(...values), median: median(values), max: Math.max(...values) });

/** One fan-out on one database. */
export async function runTeamsFanOut(database: BenchDatabase): Promise<TeamsFanOutResult> {
  const fake = await startFakeTeamsProcess();
  try {
    const { info } = fake;
    const channels = info.teams.flatMap((team) => team.channels.map((c) => c.id));
    const parts = composeTeams(
      {
        appId: info.appId,
        appPassword: info.appPassword,
        tenantId: info.tenantId,
        cloud: 'public',
        serviceUrl: info.urls.serviceUrl,
        openIdMetadataUrl: info.urls.openIdMetadataUrl,
        loginUrl: info.urls.loginUrl,
        graphUrl: info.urls.graphUrl,
        port: 0,
      },
      database.db,
      SILENT_TEAMS_LOGGER,
      {},
    );
    // What the bot learns when the app is added to each team: its channels, group and service URL.
    for (const team of info.teams) {
      await parts.conversations.recordTeam(
        { teamId: team.id, aadGroupId: team.aadGroupId, tenantId: info.tenantId, serviceUrl: info.urls.serviceUrl, channels: team.channels },
        new Date().toISOString(),
      );
    }
    // The bot fetches its token when it starts the app, before any delivery.
    await parts.tokens.token(parts.endpoints.botScope);
    const store = createOutboxStore(database.db);
    const keys = await fillOutbox(store, channels);
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
      notifier: parts.notifier,
      pacer: parts.pacer,
      clock: { now: () => new Date() },
      owner: `bench:${process.pid}`,
      onEvent,
    });

    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    dispatcher.start();
    while (delivered < keys.length && performance.now() - start < GIVE_UP_MS) await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const totalMs = (delivered >= keys.length ? lastDeliveredAt : performance.now()) - start;

    const posts = (await fake.inspect<ConnectorCall[]>('calls')).filter((call) => call.method === 'POST' && /\/activities$/u.test(call.path));
    const violations = await fake.inspect<RateLimitViolation[]>('violations');
    const tokenRequests = (await fake.inspect<unknown[]>('tokens')).length;
    const seen = new Map<string, number>();
    const byChannel = new Map<string, number[]>();
    for (const stored of await fake.inspect<StoredActivity[]>('activities')) {
      const key = keyOf(stored);
      if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
      byChannel.set(stored.conversationId, [...(byChannel.get(stored.conversationId) ?? []), stored.createdAt]);
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
      channels: channels.length,
      floorMs: FLOOR_MS,
      totalMs: Math.round(totalMs),
      ratio: Math.round(ratio * 1000) / 1000,
      targetMet: ratio <= TARGET_RATIO,
      rateLimited: violations.length,
      postCalls: posts.length,
      lost: keys.filter((key) => !seen.has(key)).length,
      duplicated: [...seen.values()].filter((count) => count > 1).length,
      notSent: rows.filter((row) => row.status !== 'sent').length,
      channelSpanMs: spread(spans),
      acceptedGapMs: spread(gaps),
      tokenRequests,
      dispatcherErrors: errors,
      botCpuMsPerCard: Math.round((cpu.user + cpu.system) / 1000 / keys.length * 100) / 100,
    };
  } finally {
    await fake.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const server = postgresServerUrl();
  const databases: Array<() => Promise<BenchDatabase>> = [openBenchSqlite, ...(server ? [() => openBenchPostgres(server)] : [])];
  const results: TeamsFanOutResult[] = [];
  for (const open of databases) {
    const database = await open();
    try {
      process.stderr.write(`Teams fan-out on ${database.dialect}: ${CHANNELS * PER_CHANNEL} cards to ${CHANNELS} channels within Teams' limits…\n`);
      results.push(await runTeamsFanOut(database));
    } finally {
      await database.dispose();
    }
  }
  if (!server) process.stderr.write('PostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to postgres://… to include it.\n');

  const limits = TEAMS_CONVERSATION_LIMITS.map((w) => `${w.max}/${w.seconds} s`).join(', ');
  console.log(`\nTeams fan-out: ${CHANNELS * PER_CHANNEL} cards, ${CHANNELS} channels × ${PER_CHANNEL}, fake Bot Connector limits ${limits} per conversation — ${describeMachine(machine)}`);
  console.log(
    formatTable(
      ['database', 'total s', 'floor s', 'ratio', 'target ≤1.2', '429s', 'posts', 'lost', 'dup', 'not sent', 'max span s', 'min gap ms', 'bot CPU ms/card'],
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
        r.botCpuMsPerCard,
      ]),
    ),
  );
  const path = writeResult(
    'teams-fan-out',
    {
      command: 'node --import tsx scripts/bench/teams-fan-out.ts',
      setup: {
        teams: TEAMS,
        channels: CHANNELS,
        perChannel: PER_CHANNEL,
        conversationLimits: TEAMS_CONVERSATION_LIMITS,
        tenantLimits: null,
        floorRule: 'minimumSpanMs(perChannel): each send as early as every window allows',
        targetRatio: TARGET_RATIO,
      },
      results,
    },
    machine,
  );
  console.log(`1-minute load average ${machine.loadAverage1m} at the start (this run keeps about 2 busy: more means something else shared the cores)`);
  console.log(`\nwritten ${path}`);
  if (results.some((r) => r.lost > 0 || r.duplicated > 0 || r.notSent > 0)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
