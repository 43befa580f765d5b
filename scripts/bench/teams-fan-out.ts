/**
 * Teams fan-out benchmark (issue 14): 1,000 reminder cards to 50 Teams
 * channels (20 each) through the fake Bot Connector enforcing Teams'
 * published limits on arrival (per conversation 7 per second, 8 per 2 s,
 * 60 per 30 s, 1,800 per hour; for the app in the tenant 50 per second:
 * HTTP 429 + Retry-After beyond them), delivered by the real dispatcher
 * (real clock, real sleeps, the bot's own options) with the real Teams
 * notifier and pacer as the bot composes them (composeTeams: the SDK's API
 * client, the bot's token from the fake token endpoint, the Graph lookup),
 * from an outbox on SQLite and, when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server, on PostgreSQL. The structure mirrors the
 * Slack fan-out (scripts/bench/fan-out.ts); one difference: the fake runs in
 * a process of its own (fake-teams-server.ts), because at Teams' rates the
 * fake's own work (a JWT check and a JSON parse per card) would otherwise
 * take a third of the bot's event loop, which Microsoft's servers never do.
 *
 * The floor is what the limits alone allow, each send as early as every
 * window lets it: the tenant's 50 per second puts 1,000 cards 19.0 s from
 * the first to the last (50 at 0 s, 50 at 1 s, … 50 at 19 s), longer than
 * one conversation's 20 cards need (4.0 s: 7 at 0 s, 1 at 1 s, 7 at 2 s,
 * 1 at 3 s, 4 at 4 s); minimumSpanMs in test/fakes/fake-teams/rate-limits.ts.
 * The measured total runs from dispatcher.start() to the moment the last
 * message is recorded as sent; the target is total ≤ 1.2 × floor, with 0
 * lost (an outbox key never posted) and 0 duplicated (a key posted twice),
 * read from the key each card carries.
 *
 *   node --import tsx scripts/bench/teams-fan-out.ts
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { composeTeams } from '../../src/adapters/teams/compose-teams.ts';
import { outboxKeyOfCard } from '../../src/adapters/teams/outbox-card.ts';
import { SILENT_TEAMS_LOGGER } from '../../src/adapters/teams/sdk-logger.ts';
import type { ReminderMessage } from '../../src/app/ports.ts';
import { minimumSpanMs, TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS, type ConnectorCall, type RateLimitViolation, type StoredActivity } from '../../test/fakes/fake-teams/index.ts';
import type { FakeChildMessage, FakeParentMessage, FakeTeamsInfo } from './fake-teams-server.ts';
import type { BenchDatabase } from './lib/bench-database.ts';
import { channelPacing, dispatchAll, lostAndDuplicated, onEachDatabase, roundRatio, type FanOutFigures } from './lib/fan-out-run.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { formatTable, writeResult } from './lib/report.ts';

export const TEAMS = 5;
export const CHANNELS_PER_TEAM = 10;
export const CHANNELS = TEAMS * CHANNELS_PER_TEAM;
export const PER_CHANNEL = 20;
export const TARGET_RATIO = 1.2;
/** The limits alone: see the file comment. */
export const FLOOR_MS = Math.max(minimumSpanMs(PER_CHANNEL), minimumSpanMs(CHANNELS * PER_CHANNEL, TEAMS_TENANT_LIMITS));

export interface TeamsFanOutResult extends FanOutFigures {
  /** Requests to the token endpoint: the bot caches its token, so 1 in a run this short. */
  tokenRequests: number;
  /**
   * CPU time of this process (dispatcher, notifier, SDK client, database)
   * per card, from start to the last card recorded: what the bot itself
   * costs, whatever else shares the cores. The fake's is not in it.
   */
  botCpuMsPerCard: number;
  /** The kernel's part of it (socket writes, the database's fsync on each commit). */
  botCpuSystemMsPerCard: number;
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
    const run = await dispatchAll({ store, notifier: parts.notifier, pacer: parts.pacer, messages: keys.length });

    const posts = (await fake.inspect<ConnectorCall[]>('calls')).filter((call) => call.method === 'POST' && /\/activities$/u.test(call.path));
    const violations = await fake.inspect<RateLimitViolation[]>('violations');
    const tokenRequests = (await fake.inspect<unknown[]>('tokens')).length;
    const activities = await fake.inspect<StoredActivity[]>('activities');
    const byChannel = new Map<string, number[]>();
    for (const stored of activities) byChannel.set(stored.conversationId, [...(byChannel.get(stored.conversationId) ?? []), stored.createdAt]);
    const rows = await store.list();
    const ratio = run.totalMs / FLOOR_MS;
    const perCard = (ms: number) => Math.round((ms / keys.length) * 100) / 100;
    return {
      dialect: database.dialect,
      messages: keys.length,
      channels: channels.length,
      floorMs: FLOOR_MS,
      totalMs: Math.round(run.totalMs),
      ratio: roundRatio(ratio),
      targetMet: ratio <= TARGET_RATIO,
      rateLimited: violations.length,
      postCalls: posts.length,
      ...lostAndDuplicated(keys, activities.flatMap((stored) => keyOf(stored) ?? [])),
      notSent: rows.filter((row) => row.status !== 'sent').length,
      ...channelPacing(byChannel.values()),
      tokenRequests,
      dispatcherErrors: run.dispatcherErrors,
      botCpuMsPerCard: perCard(run.cpuUserMs + run.cpuSystemMs),
      botCpuSystemMsPerCard: perCard(run.cpuSystemMs),
    };
  } finally {
    await fake.stop();
  }
}

async function main(): Promise<void> {
  const machine = machineInfo();
  const results = await onEachDatabase((dialect) => `Teams fan-out on ${dialect}: ${CHANNELS * PER_CHANNEL} cards to ${CHANNELS} channels within Teams' limits`, runTeamsFanOut);

  const limits = (windows: typeof TEAMS_CONVERSATION_LIMITS) => windows.map((w) => `${w.max}/${w.seconds} s`).join(', ');
  console.log(
    `\nTeams fan-out: ${CHANNELS * PER_CHANNEL} cards, ${CHANNELS} channels × ${PER_CHANNEL}, fake Bot Connector limits ${limits(TEAMS_CONVERSATION_LIMITS)} per conversation and ${limits(TEAMS_TENANT_LIMITS)} per tenant — ${describeMachine(machine)}`,
  );
  console.log(
    formatTable(
      ['database', 'total s', 'floor s', 'ratio', 'target ≤1.2', '429s', 'posts', 'lost', 'dup', 'not sent', 'max span s', 'min gap ms', 'bot CPU ms/card', 'of it kernel'],
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
        r.botCpuSystemMsPerCard,
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
        tenantLimits: TEAMS_TENANT_LIMITS,
        floorRule: 'max(minimumSpanMs(perChannel), minimumSpanMs(channels × perChannel, tenantLimits)): each send as early as every window allows',
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
