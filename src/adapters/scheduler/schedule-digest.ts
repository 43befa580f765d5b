/**
 * node-cron → the digest use case, nothing else (STYLE): calls postDigest
 * every day at the digest time in the plan's time zone, and once at start
 * (the catch-up after a restart). The use case decides whether today is the
 * day; a cron expression cannot say "the first business day of the week".
 */
import type cron from 'node-cron';
import type { Dispatcher } from '../../app/dispatch-outbox.ts';
import type { Clock } from '../../app/ports.ts';
import type { PostDigestOutcome } from '../../app/post-digest.ts';
import type { DigestProblem } from '../../app/build-digest.ts';
import type { Result } from '../../domain/result.ts';
import { scheduleDaily } from './schedule-daily.ts';

export interface DigestSchedulerOptions {
  /** postDigest with its dependencies bound. */
  post: (now: Date) => Promise<Result<PostDigestOutcome, DigestProblem>>;
  /** Woken when a digest was enqueued; started and stopped by the reminder scheduler. */
  dispatcher: Pick<Dispatcher, 'wake'>;
  clock: Clock;
  /** `HH:MM` (the time of DIGEST_CRON). */
  time: string;
  timeZone: string;
  onPost?: (result: Result<PostDigestOutcome, DigestProblem>) => void;
  onError?: (error: unknown) => void;
  /** node-cron's schedule; tests pass their own. */
  schedule?: typeof cron.schedule;
}

export interface RunningDigestScheduler {
  /** When it fires next, as node-cron sees it. */
  nextRun(): Date | null;
  /** Stops the timer and waits for a running post; the dispatcher is left to its owner. */
  stop(): Promise<void>;
}

/** Runs the digest once now, then schedules it daily. A failure is reported and retried the next day. */
export async function startDigestScheduler(options: DigestSchedulerOptions): Promise<RunningDigestScheduler> {
  return scheduleDaily({
    name: 'shinchoku-digest',
    time: options.time,
    timeZone: options.timeZone,
    run: async () => {
      const result = await options.post(options.clock.now());
      options.onPost?.(result);
      if (result.ok && result.value.kind === 'enqueued') options.dispatcher.wake();
    },
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.schedule ? { schedule: options.schedule } : {}),
  });
}
