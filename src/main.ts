// The composition root: builds the adapters from the configuration and hands
// them to the use cases. Nothing else in the code base news up an adapter.
import { hostname } from 'node:os';
import { digestScheduleOf, reminderPolicyOf, slackModeOf, startTimeOf, type Config } from './config.ts';
import type { Kysely } from 'kysely';
import type { Clock, Notifier } from './app/ports.ts';
import type { DirectoryStore } from './app/commands/ports.ts';
import type { Database } from './adapters/db/schema.ts';
import { runReminderTick } from './app/run-reminder-tick.ts';
import { createDispatcher } from './app/dispatch-outbox.ts';
import { postDigest } from './app/post-digest.ts';
import { openDatabase, closeDatabase } from './adapters/db/connect.ts';
import { createPlanStore, type PlanStore } from './adapters/db/plan-store.ts';
import { createStatusStore } from './adapters/db/status-store.ts';
import { createOutboxStore } from './adapters/db/outbox-store.ts';
import { createDigestStore } from './adapters/db/digest-store.ts';
import { loadDirectory } from './adapters/directory/load-directory.ts';
import { createDirectoryFile } from './adapters/directory/directory-file.ts';
import { createUserPrefsStore } from './adapters/db/user-prefs-store.ts';
import { startSlackApp, type RunningSlackApp } from './adapters/slack/app/start-slack-app.ts';
import { bindDigestCommands } from './app/commands/bind-digest.ts';
import { createJapaneseCalendar } from './adapters/calendar/japan-holidays.ts';
import { createClock } from './adapters/clock/create-clock.ts';
import { createLogger, type Logger } from './adapters/log/create-logger.ts';
import { createSlackNotifier } from './adapters/slack/slack-notifier.ts';
import { createTerminalNotifier } from './adapters/shell/terminal-notifier.ts';
import { startScheduler } from './adapters/scheduler/schedule-reminders.ts';
import { startDigestScheduler } from './adapters/scheduler/schedule-digest.ts';
import { readPlanSource } from './import/read-plan-source.ts';
import { translator } from './i18n/catalog.ts';
import type { Problem } from './domain/result.ts';

export interface RunningBot {
  /** The port the Slack app listens on in HTTP mode (the real one when PORT is 0); null otherwise. */
  slackPort: number | null;
  stop(): Promise<void>;
}

export class StartupError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** A bot with no chat platform configured prints its messages in the terminal. */
function chooseNotifier(config: Config, logger: Logger, write: (text: string) => void): { notifier: Notifier; mode: string } {
  if (config.SLACK_BOT_TOKEN) {
    return {
      notifier: createSlackNotifier({ token: config.SLACK_BOT_TOKEN, ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}), logger }),
      mode: 'slack',
    };
  }
  return { notifier: createTerminalNotifier(write), mode: 'shell' };
}

/**
 * Starts the bot: database (migrated), plan (the bundled one imported when
 * the database has none), directory, notifier, then one catch-up tick and
 * the daily schedule, and the same for the weekly digest. `write` is where
 * the terminal notifier prints.
 */
export async function startBot(config: Config, write: (text: string) => void): Promise<RunningBot> {
  const logger = createLogger();
  const t = translator(config.SHINCHOKU_LANG);
  const clock = createClock(startTimeOf(config));
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const plans = createPlanStore(db);
    let plan = await plans.load();
    if (!plan) {
      const source = await readPlanSource(config.SHINCHOKU_PLAN, config.SHINCHOKU_LANG);
      if (!source.ok) throw new StartupError(source.error);
      await plans.save(source.value, config.SHINCHOKU_PLAN, clock.now().toISOString());
      plan = source.value;
      logger.info({ plan: config.SHINCHOKU_PLAN, warnings: plan.warnings.length }, 'imported the plan into an empty database');
    }
    const loaded = await loadDirectory(config.SHINCHOKU_DIRECTORY);
    if (!loaded.ok) throw new StartupError(loaded.error);
    // `/plan owner` changes the directory while the bot runs: everything reads it through this.
    const directory = createDirectoryFile(config.SHINCHOKU_DIRECTORY, loaded.value);

    const { notifier, mode } = chooseNotifier(config, logger, write);
    write(t('start.banner', { mode, plan: plan.title, database: config.DATABASE_URL, directory: config.SHINCHOKU_DIRECTORY }));

    const outbox = createOutboxStore(db);
    const dispatcher = createDispatcher({
      outbox,
      notifier,
      clock,
      owner: `${hostname()}:${process.pid}`,
      onEvent: (event) => logger.info(event, 'outbox delivery'),
    });
    // Commands, buttons and the App Home start before the schedules, so a bad token stops the start cleanly.
    const slack = await startChatApp(config, { db, plans, directory, clock, logger, wake: () => dispatcher.wake() });
    const scheduler = await startScheduler({
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
      dispatcher,
      clock,
      reminderTime: config.REMINDER_TIME,
      timeZone: config.SHINCHOKU_TIMEZONE,
      onTick: (summary) => logger.info(summary, 'reminder tick'),
      onError: (error) => logger.error({ err: error }, 'reminder tick failed'),
    });
    // The weekly digest (SPEC §6) goes out through the same outbox and dispatcher.
    const digestSchedule = digestScheduleOf(config);
    const digestScheduler = await startDigestScheduler({
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
      dispatcher,
      clock,
      time: digestSchedule.time,
      timeZone: config.SHINCHOKU_TIMEZONE,
      onPost: (result) => logger.info(result.ok ? result.value : { problem: result.error }, 'weekly digest'),
      onError: (error) => logger.error({ err: error }, 'weekly digest failed'),
    });
    logger.info({ mode, slackPort: slack?.port, nextTick: scheduler.nextRun()?.toISOString(), nextDigestCheck: digestScheduler.nextRun()?.toISOString() }, 'started');

    return {
      slackPort: slack?.port ?? null,
      async stop() {
        await slack?.stop();
        await digestScheduler.stop();
        await scheduler.stop();
        await closeDatabase(db);
        logger.info('stopped');
      },
    };
  } catch (error) {
    await closeDatabase(db);
    throw error;
  }
}

interface ChatAppParts {
  db: Kysely<Database>;
  plans: PlanStore;
  directory: DirectoryStore;
  clock: Clock;
  logger: Logger;
  /** Wakes the outbox dispatcher after `/plan digest post` enqueued a message. */
  wake: () => void;
}

/** The Slack app for `/plan`, buttons, modals and the App Home, when the settings ask for it (SPEC §7). */
async function startChatApp(config: Config, parts: ChatAppParts): Promise<RunningSlackApp | null> {
  const mode = slackModeOf(config);
  if (mode.kind === 'none') return null;
  const { db, plans, directory, clock, logger } = parts;
  const statuses = createStatusStore(db);
  const calendar = createJapaneseCalendar();
  const started = await startSlackApp({
    botToken: mode.botToken,
    mode: mode.kind === 'socket' ? { kind: 'socket', appToken: mode.appToken } : { kind: 'http', signingSecret: mode.signingSecret, port: mode.port },
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    deps: {
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
        onPosted: parts.wake,
      }),
    },
    channelLang: config.SHINCHOKU_LANG,
    logger,
  });
  if (!started.ok) throw new StartupError(started.error);
  return started.value;
}
