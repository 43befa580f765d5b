/**
 * A server of the command-latency benchmark in a process of its own, so that
 * the load-generating client (scripts/bench/command-latency.ts, the parent)
 * never runs on the server's event loop:
 *
 *   command-latency-server.ts bot FOLDER SLACK_API_URL NOW   the real bot: startBot on FOLDER/bot.db and FOLDER/directory.yaml, its clock at NOW
 *   command-latency-server.ts bare SLACK_API_URL             a bare Bolt app whose `/plan` acks a constant
 *
 * Both listen on a free port in HTTP mode at /slack/events, with the same
 * signing secret and Bolt's default receiver. Started with fork(): they talk
 * to the parent over the IPC channel only (the bot's logs go to stderr, its
 * banner to stdout):
 *
 *   child → parent  { kind: 'ready', port }               listening
 *   parent → child  { kind: 'usage' }                     → { kind: 'usage', usage: ServerUsage }
 *   parent → child  { kind: 'stop' }                      stops the server, then exits 0
 */
import { App } from '@slack/bolt';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { startBot } from '../../src/main.ts';
import { BOT_TOKEN, EVENTS_PATH, SIGNING_SECRET } from './command-latency.ts';

/** CPU time and memory of a server process so far. */
export interface ServerUsage {
  cpuUserMs: number;
  cpuSystemMs: number;
  rssMiB: number;
  peakRssMiB: number;
}

export type ParentMessage = { kind: 'usage' } | { kind: 'stop' };
export type ChildMessage = { kind: 'ready'; port: number } | { kind: 'usage'; usage: ServerUsage };

/**
 * The bot as `shinchoku start` runs it in HTTP mode. Its clock starts at
 * `now` (wall-clock time in Asia/Tokyo; the benchmark passes 00:00 of a
 * business day) and runs at real speed. REMINDER_TIME is 23:59, so neither
 * the catch-up tick at start nor node-cron's daily run (at 23:59 real time)
 * enqueues reminders while the benchmark runs: a tick before the reminder
 * time only marks the day. The digest check at start, and node-cron's at
 * 09:00 real time, find the bot's clock before the digest time (09:00) and
 * post nothing. So nothing but the benchmark's commands runs on the bot.
 */
async function startRealBot(folder: string, slackApiUrl: string, now: string): Promise<{ port: number; stop(): Promise<void> }> {
  const config = loadConfig({
    DATABASE_URL: join(folder, 'bot.db'),
    SHINCHOKU_PLAN: join(folder, 'plan.yaml'),
    SHINCHOKU_DIRECTORY: join(folder, 'directory.yaml'),
    SHINCHOKU_NOW: now,
    SHINCHOKU_TIMEZONE: 'Asia/Tokyo',
    REMINDER_TIME: '23:59',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: '0',
    // As in production unless the caller says otherwise (LOG_LEVEL in the environment).
    LOG_LEVEL: process.env.LOG_LEVEL,
  });
  if (!config.ok) throw new Error(config.error.message);
  const bot = await startBot(config.value, (text) => process.stdout.write(text));
  if (bot.mode !== 'slack' || bot.slackPort === null) throw new Error(`the bot started in ${bot.mode} mode without an HTTP port`);
  return { port: bot.slackPort, stop: () => bot.stop() };
}

/** The floor: Bolt's HTTP receiver, signature check and listener dispatch, nothing else. */
async function startBareApp(slackApiUrl: string): Promise<{ port: number; stop(): Promise<void> }> {
  const app = new App({
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    endpoints: EVENTS_PATH,
    clientOptions: { slackApiUrl },
    // auth.test at start, as the bot does, rather than on the first request.
    deferInitialization: true,
  });
  await app.init();
  app.command('/plan', async ({ ack }) => {
    await ack('ok');
  });
  const server = (await app.start(0)) as { address(): { port: number } | string | null };
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the bare app has no port');
  return { port: address.port, stop: () => app.stop().then(() => undefined) };
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
  if (!process.send) throw new Error('command-latency-server.ts is started by command-latency.ts (fork, with an IPC channel)');
  const server =
    role === 'bot' ? await startRealBot(rest[0] ?? '', rest[1] ?? '', rest[2] ?? '')
    : role === 'bare' ? await startBareApp(rest[0] ?? '')
    : null;
  if (!server) throw new Error(`unknown role ${role}: bot FOLDER SLACK_API_URL NOW | bare SLACK_API_URL`);

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
