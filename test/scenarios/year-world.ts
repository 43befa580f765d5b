/**
 * The bot of the year scenario (SPEC §8): wired as startBot (src/main.ts)
 * wires it, from the same settings, but with a virtual clock. The chat app
 * on a free port (Slack: the real Bolt app in HTTP mode, every request
 * signed; Teams: year-teams-world.ts), the bundled FY2020
 * plan imported into an empty SQLite file, a directory file, the platform's
 * notifier against its fake, the reminder and digest schedulers
 * with their daily jobs captured instead of handed to node-cron, and the
 * outbox dispatcher driven pass by pass (runOnce) with a sleep that moves
 * the virtual clock, instead of its own loop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type cron from 'node-cron';
import { stringify } from 'yaml';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createDigestStore } from '../../src/adapters/db/digest-store.ts';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../src/adapters/db/plan-store.ts';
import type { Database } from '../../src/adapters/db/schema.ts';
import { createStatusStore, type StatusStore } from '../../src/adapters/db/status-store.ts';
import { createUserPrefsStore } from '../../src/adapters/db/user-prefs-store.ts';
import { createDirectoryFile } from '../../src/adapters/directory/directory-file.ts';
import { loadDirectory } from '../../src/adapters/directory/load-directory.ts';
import { startDigestScheduler, type RunningDigestScheduler } from '../../src/adapters/scheduler/schedule-digest.ts';
import { startScheduler, type RunningScheduler } from '../../src/adapters/scheduler/schedule-reminders.ts';
import { EVENTS_PATH, startSlackApp, type RunningSlackApp } from '../../src/adapters/slack/app/start-slack-app.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import type { AdapterLogger } from '../../src/adapters/slack/web-api-logger.ts';
import type { ChannelPacer } from '../../src/app/channel-pacer.ts';
import { bindDigestCommands } from '../../src/app/commands/bind-digest.ts';
import type { CommandDeps } from '../../src/app/commands/ports.ts';
import type { Notifier } from '../../src/app/ports.ts';
import { createDispatcher, type DispatchEvent, type Dispatcher, type DispatchSummary } from '../../src/app/dispatch-outbox.ts';
import { postDigest, type PostDigestOutcome } from '../../src/app/post-digest.ts';
import { runReminderTick, type TickSummary } from '../../src/app/run-reminder-tick.ts';
import { digestScheduleOf, loadConfig, reminderPolicyOf, slackModeOf, type Config } from '../../src/config.ts';
import type { Plan } from '../../src/domain/plan.ts';
import { instantAt } from '../../src/domain/zoned-time.ts';
import type { LocalDate } from '../../src/domain/plan.ts';
import { readPlanSource } from '../../src/import/read-plan-source.ts';
import { expect } from 'vitest';
import { ANSWERS, daysFrom, type Answer } from './year-script.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { SlackRequests } from '../fakes/slack-requests.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';

export const BOT_TOKEN = 'xoxb-year-scenario';
export const SIGNING_SECRET = 'year-scenario-signing-secret-0123456789';
export const TIME_ZONE = 'Asia/Tokyo';
const PLAN_FILE = new URL('../../config/plans/fy2020-mie.yaml', import.meta.url).pathname;

/** The reform office: escalations, the digest and the unmapped division's reminders come here. */
export const COORDINATOR = Object.freeze({ division: '総務部行財政改革推進課', channel: 'C0REFORM01', users: ['U0COORD01', 'U0COORD02'] });

export interface DivisionEntry {
  channel: string;
  users: string[];
  deputies: string[];
}

/** Every owner division of the plan with a channel of its own, except UNMAPPED. */
export const DIVISIONS: Readonly<Record<string, DivisionEntry>> = Object.freeze({
  総務部人事課: { channel: 'C0JINJI001', users: ['U0JINJI01', 'U0JINJI02'], deputies: ['U0JINJI03'] },
  総務部スマート改革推進課: { channel: 'C0SMART001', users: ['U0SMART01'], deputies: ['U0SMART02'] },
  総務部税務企画課: { channel: 'C0ZEIMU001', users: ['U0ZEIMU01'], deputies: [] },
  出納局出納総務課: { channel: 'C0SUITO001', users: ['U0SUITO01', 'U0SUITO02'], deputies: [] },
  総務部総務課: { channel: 'C0SOUMU001', users: ['U0SOUMU01'], deputies: ['U0SOUMU02'] },
  総務部法務・文書課: { channel: 'C0HOMU0001', users: ['U0HOMU001'], deputies: [] },
  総務部財政課: { channel: 'C0ZAISEI01', users: ['U0ZAISEI1'], deputies: ['U0ZAISEI2'] },
  総務部税収確保課: { channel: 'C0ZEISHU01', users: ['U0ZEISHU1'], deputies: [] },
});

/** The one owner division of the plan left out of the directory. */
export const UNMAPPED = '総務部管財課';
/** The division whose channel never invited the bot: every post there answers `not_in_channel`. */
export const REFUSING = '総務部税収確保課';
export const REFUSING_CHANNEL = DIVISIONS[REFUSING]!.channel;

/** Where a division's reminders should go, read from the tables above (not from the bot's own lookup). */
export function expectedChannel(division: string): { channel: string; unmapped: boolean } {
  const entry = DIVISIONS[division];
  if (entry) return { channel: entry.channel, unmapped: false };
  return { channel: COORDINATOR.channel, unmapped: division !== COORDINATOR.division };
}

/** What the app's logger was told at warn level or above, other than the notifier's expected refusals. */
export interface LoggedProblem {
  level: 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** What the year's bot has whatever the platform: the store, the jobs, the dispatcher. */
export interface YearBot {
  folder: string;
  config: Config;
  clock: VirtualClock;
  db: Kysely<Database>;
  outbox: OutboxStore;
  statuses: StatusStore;
  plan: Plan;
  /** The port the chat app listens on. */
  port: number;
  /** The digest scheduler's daily job (at DIGEST_CRON's time), as node-cron would fire it. */
  fireDigest(): Promise<void>;
  /** The reminder scheduler's daily job (at REMINDER_TIME). */
  fireTick(): Promise<void>;
  /** One pass of the dispatcher; its pacing sleeps move the virtual clock. */
  dispatch(): Promise<DispatchSummary>;
  ticks: TickSummary[];
  digests: PostDigestOutcome[];
  dispatchEvents: DispatchEvent[];
  /** Times the jobs woke the dispatcher (the bot's loop would then run a pass). */
  wakes: number;
  /** Failures the schedulers caught (a failing job is only logged by the bot). */
  jobErrors: unknown[];
  logged: LoggedProblem[];
  /** Waits (polling, real time) until `condition` holds; fails after `ms`. */
  until(condition: () => boolean, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The chat platform's part of the year's bot: its settings, its notifier and its app. */
export interface YearChat {
  /** The platform's settings (loadConfig's input), besides the database, plan, directory and PORT. */
  env: Record<string, string>;
  /** The directory file: the coordinator and the divisions, with the platform's ids. */
  directory: { coordinator: object; divisions: object };
  /** Warnings the notifier gives for the refusing channel: expected, and counted elsewhere. */
  expectedWarning(obj: object): boolean;
  compose(config: Config, db: Kysely<Database>, logger: AdapterLogger): {
    notifier: Notifier;
    /** The platform's pacing (Slack's default interval when absent). */
    pacer?: ChannelPacer;
    start(deps: Omit<CommandDeps, 'members' | 'files'>, outbox: OutboxStore): Promise<{ port: number; stop(): Promise<void> }>;
  };
  stop(): Promise<void>;
}

/**
 * Starts the bot at `start` (a virtual instant) on `chat`'s platform, wired
 * as startBot wires it.
 */
export async function startYearBot(start: Date, clock: VirtualClock, chat: YearChat): Promise<YearBot> {
  const folder = mkdtempSync(join(tmpdir(), 'shinchoku-year-'));
  clock.set(start);
  const directoryPath = join(folder, 'directory.yaml');
  writeFileSync(directoryPath, stringify(chat.directory));
  const loadedConfig = loadConfig({
    DATABASE_URL: join(folder, 'shinchoku.db'),
    SHINCHOKU_PLAN: PLAN_FILE,
    SHINCHOKU_DIRECTORY: directoryPath,
    PORT: '0',
    ...chat.env,
  });
  if (!loadedConfig.ok) throw new Error(loadedConfig.error.message);
  const config = loadedConfig.value;

  const logged: LoggedProblem[] = [];
  const logger: AdapterLogger = {
    debug() {},
    info() {},
    warn(obj, msg) {
      if (chat.expectedWarning(obj)) return;
      logged.push({ level: 'warn', obj, msg });
    },
    error(obj, msg) {
      logged.push({ level: 'error', obj, msg });
    },
  };

  // As startBot: the database, the plan imported into it when it has none, the directory.
  const db = await openDatabase(config.DATABASE_URL);
  const plans = createPlanStore(db);
  const source = await readPlanSource(config.SHINCHOKU_PLAN, config.SHINCHOKU_LANG);
  if (!source.ok) throw new Error(source.error.message);
  await plans.save(source.value, config.SHINCHOKU_PLAN, clock.now().toISOString());
  const plan = (await plans.load())!;
  const loaded = await loadDirectory(config.SHINCHOKU_DIRECTORY);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const directory = createDirectoryFile(config.SHINCHOKU_DIRECTORY, loaded.value);
  const calendar = createJapaneseCalendar();
  const statuses = createStatusStore(db);

  const platform = chat.compose(config, db, logger);
  const outbox = createOutboxStore(db);
  const dispatchEvents: DispatchEvent[] = [];
  const dispatcher = createDispatcher({
    outbox,
    notifier: platform.notifier,
    clock,
    sleep: clock.sleep,
    owner: 'year-scenario',
    ...(platform.pacer ? { pacer: platform.pacer } : {}),
    onEvent: (event) => dispatchEvents.push(event),
  });

  // As startChatApp in src/main.ts.
  const app = await platform.start(
    {
      plans,
      statuses,
      directory,
      prefs: createUserPrefsStore(db),
      calendar,
      clock,
      timeZone: config.SHINCHOKU_TIMEZONE,
      defaultLang: config.SHINCHOKU_LANG,
      digest: bindDigestCommands({
        plans,
        statuses,
        digests: createDigestStore(db),
        directory: () => directory.current(),
        calendar,
        policy: reminderPolicyOf(config),
        timeZone: config.SHINCHOKU_TIMEZONE,
        schedule: digestScheduleOf(config),
        lang: config.SHINCHOKU_LANG,
        onPosted: () => dispatcher.wake(),
      }),
    },
    outbox,
  );

  // node-cron stands aside: each job is kept, and the test fires it at its time on the virtual clock.
  const jobs = new Map<string, () => Promise<void>>();
  const schedule = ((_expression: string, job: () => Promise<void>, options: { name?: string }) => {
    jobs.set(options.name ?? '', job);
    return { stop: () => undefined, destroy: () => undefined, getNextRun: () => null };
  }) as unknown as typeof cron.schedule;
  // The dispatcher's own loop would sleep on the virtual clock without end; the test runs its passes instead.
  let wakes = 0;
  const driven: Dispatcher = { runOnce: () => dispatcher.runOnce(), start: () => undefined, wake: () => void wakes++, stop: () => dispatcher.stop() };

  const ticks: TickSummary[] = [];
  const digests: PostDigestOutcome[] = [];
  const jobErrors: unknown[] = [];
  const digestSchedule = digestScheduleOf(config);
  // As startBot: the same use cases, with the same dependencies.
  const scheduler: RunningScheduler = await startScheduler({
    tick: (now) =>
      runReminderTick(now, {
        plans,
        statuses: createStatusStore(db),
        outbox,
        directory: directory.current(),
        calendar: createJapaneseCalendar(),
        policy: reminderPolicyOf(config),
        timeZone: config.SHINCHOKU_TIMEZONE,
        reminderTime: config.REMINDER_TIME,
        lang: config.SHINCHOKU_LANG,
      }),
    dispatcher: driven,
    clock,
    reminderTime: config.REMINDER_TIME,
    timeZone: config.SHINCHOKU_TIMEZONE,
    onTick: (summary) => ticks.push(summary),
    onError: (error) => jobErrors.push(error),
    schedule,
  });
  const digestScheduler: RunningDigestScheduler = await startDigestScheduler({
    post: (now) =>
      postDigest(now, {
        plans,
        statuses: createStatusStore(db),
        digests: createDigestStore(db),
        directory: directory.current(),
        calendar: createJapaneseCalendar(),
        policy: reminderPolicyOf(config),
        timeZone: config.SHINCHOKU_TIMEZONE,
        schedule: digestSchedule,
        lang: config.SHINCHOKU_LANG,
      }),
    dispatcher: driven,
    clock,
    time: digestSchedule.time,
    timeZone: config.SHINCHOKU_TIMEZONE,
    onPost: (result) => (result.ok ? digests.push(result.value) : jobErrors.push(result.error)),
    onError: (error) => jobErrors.push(error),
    schedule,
  });
  const job = (name: string) => {
    const found = jobs.get(name);
    if (!found) throw new Error(`no scheduled job named ${name}`);
    return found;
  };

  const until = async (condition: () => boolean, ms = 10_000): Promise<void> => {
    const end = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };

  return {
    folder,
    config,
    clock,
    db,
    outbox,
    statuses,
    plan,
    port: app.port,
    fireDigest: job('shinchoku-digest'),
    fireTick: job('shinchoku-reminder-tick'),
    dispatch: () => dispatcher.runOnce(),
    ticks,
    digests,
    dispatchEvents,
    get wakes() {
      return wakes;
    },
    jobErrors,
    logged,
    until,
    async stop() {
      // As RunningBot.stop.
      await app.stop();
      await digestScheduler.stop();
      await scheduler.stop();
      await closeDatabase(db);
      await chat.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Moves the virtual clock forward (never back) to `day` `time` in Tokyo. */
export function moveTo(bot: YearBot, day: LocalDate, time: string): void {
  const at = instantAt(day, time, TIME_ZONE);
  if (at.getTime() < bot.clock.now().getTime()) throw new Error(`the clock would go back to ${day} ${time} from ${bot.clock.now().toISOString()}`);
  bot.clock.set(at);
}

/**
 * Walks the year day by day: the digest job at 09:00 and the reminder job at
 * 09:30, each followed by a dispatcher pass that must go through without
 * store or unexpected errors, then the day's scripted answers, played by `play`.
 */
export async function walkYear(bot: YearBot, first: LocalDate, last: LocalDate, play: (answer: Answer, index: number) => Promise<void>): Promise<void> {
  const dispatch = async () => expect(await bot.dispatch()).toMatchObject({ errors: 0, notClaimed: 0, retrying: 0, rateLimited: 0 });
  const answers = [...ANSWERS.entries()];
  for (const day of daysFrom(first, last)) {
    moveTo(bot, day, '09:00');
    await bot.fireDigest();
    await dispatch();
    moveTo(bot, day, '09:30');
    await bot.fireTick();
    await dispatch();
    for (const [index, answer] of answers.filter(([, a]) => a.on === day)) {
      moveTo(bot, answer.on, answer.at);
      await play(answer, index);
    }
  }
}

export interface YearWorld extends YearBot {
  fake: FakeSlackApi;
  requests: SlackRequests;
}

/** The Slack bot of the year: the real Bolt app in HTTP mode, the Slack notifier, the fake Slack Web API. */
export async function startYearWorld(start: Date): Promise<YearWorld> {
  const clock = new VirtualClock(start);
  // Message ts follow the virtual clock, so the day a message reached Slack can be read off it.
  const fake = await startFakeSlackApi({ tokens: [BOT_TOKEN], now: () => clock.now().getTime() });
  fake.setChannelError(REFUSING_CHANNEL, 'not_in_channel');
  const bot = await startYearBot(start, clock, {
    env: { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.url },
    directory: { coordinator: COORDINATOR, divisions: DIVISIONS },
    // The notifier warns about each post the refusing channel turns down.
    expectedWarning: (obj) => (obj as { error?: unknown }).error === 'not_in_channel',
    compose(config, _db, logger) {
      const mode = slackModeOf(config);
      if (mode.kind !== 'http') throw new Error(`expected HTTP mode, got ${mode.kind}`);
      return {
        notifier: createSlackNotifier({ token: BOT_TOKEN, slackApiUrl: fake.url, logger }),
        async start(deps) {
          const started = await startSlackApp({
            botToken: mode.botToken,
            mode: { kind: 'http', signingSecret: mode.signingSecret, port: mode.port },
            slackApiUrl: fake.url,
            deps,
            channelLang: config.SHINCHOKU_LANG,
            logger,
          });
          if (!started.ok) throw new Error(started.error.message);
          const app: RunningSlackApp = started.value;
          return { port: app.port!, stop: () => app.stop() };
        },
      };
    },
    stop: () => fake.stop(),
  });
  return Object.assign(bot, { fake, requests: new SlackRequests(`http://127.0.0.1:${bot.port}${EVENTS_PATH}`, SIGNING_SECRET) });
}
