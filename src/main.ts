// The composition root: builds the adapters from the configuration and hands
// them to the use cases. Nothing else in the code base news up an adapter.
import { hostname } from 'node:os';
import { reminderPolicyOf, startTimeOf, type Config } from './config.ts';
import type { Notifier } from './app/ports.ts';
import { runReminderTick } from './app/run-reminder-tick.ts';
import { createDispatcher } from './app/dispatch-outbox.ts';
import { openDatabase, closeDatabase } from './adapters/db/connect.ts';
import { createPlanStore } from './adapters/db/plan-store.ts';
import { createStatusStore } from './adapters/db/status-store.ts';
import { createOutboxStore } from './adapters/db/outbox-store.ts';
import { loadDirectory } from './adapters/directory/load-directory.ts';
import { createJapaneseCalendar } from './adapters/calendar/japan-holidays.ts';
import { createClock } from './adapters/clock/create-clock.ts';
import { createLogger, type Logger } from './adapters/log/create-logger.ts';
import { createSlackNotifier } from './adapters/slack/slack-notifier.ts';
import { createTerminalNotifier } from './adapters/shell/terminal-notifier.ts';
import { startScheduler } from './adapters/scheduler/schedule-reminders.ts';
import { readPlanSource } from './import/read-plan-source.ts';
import { translator } from './i18n/catalog.ts';
import type { Problem } from './domain/result.ts';

export interface RunningBot {
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
 * the daily schedule. `write` is where the terminal notifier prints.
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
    const directory = await loadDirectory(config.SHINCHOKU_DIRECTORY);
    if (!directory.ok) throw new StartupError(directory.error);

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
    const scheduler = await startScheduler({
      tick: (now) =>
        runReminderTick(now, {
          plans,
          statuses: createStatusStore(db),
          outbox,
          directory: directory.value,
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
    logger.info({ mode, nextTick: scheduler.nextRun()?.toISOString() }, 'started');

    return {
      async stop() {
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
