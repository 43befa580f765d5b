/**
 * The one way shinchoku uses node-cron: run a job once now (the catch-up
 * after a restart), then every day at `time` in `timeZone`, never two at
 * once. A failing run is reported and the next day's run tries again.
 */
import cron from 'node-cron';

export interface DailyJobOptions {
  name: string;
  /** `HH:MM`, 24-hour. */
  time: string;
  timeZone: string;
  run: () => Promise<void>;
  onError?: (error: unknown) => void;
  /** node-cron's schedule; tests pass their own. */
  schedule?: typeof cron.schedule;
}

export interface DailyJob {
  /** When it fires next, as node-cron sees it. */
  nextRun(): Date | null;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/** `09:30` → `30 9 * * *`; throws RangeError for anything that is not HH:MM. */
export function cronExpressionFor(time: string): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`time of day must be HH:MM (24-hour): ${JSON.stringify(time)}`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}

export async function scheduleDaily(options: DailyJobOptions): Promise<DailyJob> {
  const schedule = options.schedule ?? cron.schedule;
  let running: Promise<void> = Promise.resolve();
  const runOnce = (): Promise<void> => {
    running = options.run().catch((error: unknown) => options.onError?.(error));
    return running;
  };
  await runOnce();
  // noOverlap: a run still going (a slow database) is not started twice.
  const task = schedule(cronExpressionFor(options.time), runOnce, { timezone: options.timeZone, noOverlap: true, name: options.name });
  return {
    nextRun: () => task.getNextRun(),
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
