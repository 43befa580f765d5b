/**
 * A server of the Teams command-latency benchmark in a process of its own,
 * so that the load-generating client (scripts/bench/teams-command-latency.ts,
 * the parent, which also runs the fake Microsoft services) never runs on the
 * server's event loop:
 *
 *   teams-command-latency-server.ts bot FOLDER FAKE NOW   the real bot: startBot in Teams mode on FOLDER/bot.db and FOLDER/directory.yaml, its clock at NOW
 *   teams-command-latency-server.ts bare FAKE             a bare Teams SDK app whose message handler replies a constant
 *
 * FAKE is the JSON of FakeTeamsSettings: where the fake issuer, token
 * endpoint and Bot Connector listen, and the app's id and secret. Both
 * serve POST /api/messages on a free port with the same SDK, built by the
 * same createSdkApp (every token verified against the fake issuer's keys,
 * the bot's own token from the fake token endpoint). The IPC messages are
 * those of command-latency-server.ts (ready, usage, stop).
 */
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createBotTokenSource } from '../../src/adapters/teams/bot-token-source.ts';
import { createSdkApp } from '../../src/adapters/teams/create-sdk-app.ts';
import { SILENT_TEAMS_LOGGER } from '../../src/adapters/teams/sdk-logger.ts';
import { teamsEndpointsOf } from '../../src/adapters/teams/teams-endpoints.ts';
import { loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/main.ts';
import type { ChildMessage, ParentMessage, ServerUsage } from './command-latency-server.ts';

export interface FakeTeamsSettings {
  appId: string;
  appPassword: string;
  tenantId: string;
  urls: { serviceUrl: string; openIdMetadataUrl: string; loginUrl: string; graphUrl: string };
}

/**
 * The bot as `shinchoku start` runs it on Teams. As in the Slack benchmark
 * (command-latency-server.ts), its clock starts at `now` (00:00 of a
 * business day) with REMINDER_TIME 23:59, so no tick or digest posts
 * anything while the benchmark runs.
 */
async function startRealBot(folder: string, fake: FakeTeamsSettings, now: string): Promise<{ port: number; stop(): Promise<void> }> {
  const config = loadConfig({
    DATABASE_URL: join(folder, 'bot.db'),
    SHINCHOKU_PLAN: join(folder, 'plan.yaml'),
    SHINCHOKU_DIRECTORY: join(folder, 'directory.yaml'),
    SHINCHOKU_NOW: now,
    SHINCHOKU_TIMEZONE: 'Asia/Tokyo',
    REMINDER_TIME: '23:59',
    TEAMS_APP_ID: fake.appId,
    TEAMS_APP_PASSWORD: fake.appPassword,
    TEAMS_TENANT_ID: fake.tenantId,
    TEAMS_SERVICE_URL: fake.urls.serviceUrl,
    TEAMS_OPENID_METADATA_URL: fake.urls.openIdMetadataUrl,
    TEAMS_LOGIN_URL: fake.urls.loginUrl,
    TEAMS_GRAPH_URL: fake.urls.graphUrl,
    PORT: '0',
    // As in production unless the caller says otherwise (LOG_LEVEL in the environment).
    LOG_LEVEL: process.env.LOG_LEVEL,
  });
  if (!config.ok) throw new Error(config.error.message);
  const bot = await startBot(config.value, (text) => process.stdout.write(text));
  if (bot.mode !== 'teams' || bot.teamsPort === null) throw new Error(`the bot started in ${bot.mode} mode without a Teams port`);
  return { port: bot.teamsPort, stop: () => bot.stop() };
}

/** The floor: the SDK's HTTP server, token verification, routing and one reply through the connector, nothing else. */
async function startBareApp(fake: FakeTeamsSettings): Promise<{ port: number; stop(): Promise<void> }> {
  const endpoints = teamsEndpointsOf({ cloud: 'public', tenantId: fake.tenantId, ...fake.urls });
  const tokens = createBotTokenSource({ tokenUrl: endpoints.tokenUrl, clientId: fake.appId, clientSecret: fake.appPassword });
  // The bot's own token at start, as the bot does, rather than on the first request.
  await tokens.token(endpoints.botScope);
  const { app, server } = createSdkApp({ appId: fake.appId, tenantId: fake.tenantId, endpoints, tokens, logger: SILENT_TEAMS_LOGGER });
  app.on('message', async ({ reply }) => {
    await reply('ok');
  });
  await app.initialize();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function usage(): ServerUsage {
  const cpu = process.cpuUsage();
  return {
    cpuUserMs: Math.round(cpu.user / 1000),
    cpuSystemMs: Math.round(cpu.system / 1000),
    rssMiB: Math.round(process.memoryUsage.rss() / 2 ** 20),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function main(argv: string[]): Promise<void> {
  const [role, ...rest] = argv;
  const send = (message: ChildMessage) => process.send?.(message);
  if (!process.send) throw new Error('teams-command-latency-server.ts is started by teams-command-latency.ts (fork, with an IPC channel)');
  const server =
    role === 'bot' ? await startRealBot(rest[0] ?? '', JSON.parse(rest[1] ?? '{}') as FakeTeamsSettings, rest[2] ?? '')
    : role === 'bare' ? await startBareApp(JSON.parse(rest[0] ?? '{}') as FakeTeamsSettings)
    : null;
  if (!server) throw new Error(`unknown role ${role}: bot FOLDER FAKE NOW | bare FAKE`);

  process.on('message', (message: ParentMessage) => {
    if (message.kind === 'usage') send({ kind: 'usage', usage: usage() });
    else if (message.kind === 'stop') {
      void server.stop().finally(() => process.exit(0));
    }
  });
  // The parent died without saying stop: do not linger.
  process.on('disconnect', () => void server.stop().finally(() => process.exit(0)));
  send({ kind: 'ready', port: server.port });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
