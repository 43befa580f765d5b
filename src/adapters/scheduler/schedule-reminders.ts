/**
 * node-cron → use cases, nothing else (STYLE): fires the reminder tick every
 * day at the reminder time in the plan's time zone (the tick itself decides
 * whether the day is a business day) and keeps the outbox dispatcher running.
 */
import cron from 'node-cron';
import type { Dispatcher } from '../../app/dispatch-outbox.ts';
import type { Clock } from '../../app/ports.ts';
import type { TickSummary } from '../../app/run-reminder-tick.ts';

export interface SchedulerOptions {
  /** Runs the reminder tick at `now`: runReminderTick with its dependencies bound. */
  tick: (now: Date) => Promise<TickSummary>;
  dispatcher: Dispatcher;
  clock: Clock;
  /** `HH:MM`, 24-hour (REMINDER_TIME). */
  reminderTime: string;
  /** IANA zone (SHINCHOKU_TIMEZONE). */
  timeZone: string;
  onTick?: (summary: TickSummary) => void;
  onError?: (error: unknown) => void;
  /** node-cron's schedule; tests pass their own. */
  schedule?: typeof cron.schedule;
}

export interface RunningScheduler {
  /** When the tick fires next, as node-cron sees it. */
  nextRun(): Date | null;
  /** Stops the timer, waits for a running tick, then stops the dispatcher after its message in flight. */
  stop(): Promise<void>;
}

/** The daily cron expression for `HH:MM`: `09:30` → `30 9 * * *`. */
export function cronExpressionFor(time: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`reminder time must be HH:MM (24-hour): ${JSON.stringify(time)}`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

/**
 * Starts the dispatcher, runs one tick at once (the catch-up after a
 * restart), then schedules the daily tick. A failing tick is reported to
 * `onError` and retried by the next one; it never stops the scheduler.
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  const schedule = options.schedule ?? cron.schedule;
  let running: Promise<void> = Promise.resolve();

  const runTick = (): Promise<void> => {
    running = (async () => {
      try {
        const summary = await options.tick(options.clock.now());
        options.onTick?.(summary);
        if (summary.messages > 0) options.dispatcher.wake();
      } catch (error) {
        options.onError?.(error);
      }
    })();
    return running;
  };

  options.dispatcher.start();
  await runTick();
  const task = schedule(cronExpressionFor(options.reminderTime), runTick, {
    timezone: options.timeZone,
    // A tick still running (a slow database) is not started twice.
    noOverlap: true,
    name: 'shinchoku-reminder-tick',
  });

  return {
    nextRun: () => task.getNextRun(),
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
      await options.dispatcher.stop();
    },
  };
}
