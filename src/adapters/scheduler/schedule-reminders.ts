/**
 * node-cron → use cases, nothing else (STYLE): fires the reminder tick every
 * day at the reminder time in the plan's time zone (the tick itself decides
 * whether the day is a business day) and keeps the outbox dispatcher running.
 */
import type cron from 'node-cron';
import { cronExpressionFor, scheduleDaily } from './schedule-daily.ts';
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

export { cronExpressionFor };

/**
 * Starts the dispatcher, runs one tick at once (the catch-up after a
 * restart), then schedules the daily tick. A failing tick is reported to
 * `onError` and retried by the next one; it never stops the scheduler.
 */
export async function startScheduler(options: SchedulerOptions): Promise<RunningScheduler> {
  options.dispatcher.start();
  const job = await scheduleDaily({
    name: 'shinchoku-reminder-tick',
    time: options.reminderTime,
    timeZone: options.timeZone,
    run: async () => {
      const summary = await options.tick(options.clock.now());
      options.onTick?.(summary);
      if (summary.messages > 0) options.dispatcher.wake();
    },
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
  return {
    nextRun: () => job.nextRun(),
    async stop() {
      await job.stop();
      await options.dispatcher.stop();
    },
  };
}
