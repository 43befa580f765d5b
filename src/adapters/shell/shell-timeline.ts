/**
 * The shell's stand-in for the scheduler (src/adapters/scheduler/): the same
 * two daily jobs, the reminder tick at REMINDER_TIME and the digest check at
 * the DIGEST_CRON time, driven by the shell's own clock instead of node-cron
 * on the real one. Moving the clock forward runs every job that fell due in
 * between, in order, each at its own time and followed by the dispatcher,
 * exactly as the bot would have done had it run through those days.
 */
import type { AdjustableClock } from '../clock/adjustable-clock.ts';
import { addDays, compareLocalDates } from '../../domain/local-date.ts';
import { instantAt, wallClock } from '../../domain/zoned-time.ts';

export interface TimelineJobs {
  /** The reminder tick at `now` (runReminderTick, bound); reports its own failures. */
  tick(now: Date): Promise<void>;
  /** The weekly digest check at `now` (postDigest, bound); reports its own failures. */
  digest(now: Date): Promise<void>;
  /** Delivers what is due in the outbox; returns how many messages went out. */
  dispatch(): Promise<number>;
}

export interface ShellTimelineOptions {
  clock: AdjustableClock;
  jobs: TimelineJobs;
  /** `HH:MM` (REMINDER_TIME). */
  reminderTime: string;
  /** `HH:MM` (the time of DIGEST_CRON). */
  digestTime: string;
  timeZone: string;
}

export interface ShellTimeline {
  /** What the bot does when it starts: one tick and one digest check now (the catch-up), then delivery. */
  start(): Promise<number>;
  /** Moves the clock to `target`, running every job due on the way; returns the messages delivered. */
  advanceTo(target: Date): Promise<number>;
  /** When the next job is due, for a timer that follows the clock as it runs on. */
  nextJobAt(): Date;
}

interface Job {
  at: Date;
  run: (now: Date) => Promise<void>;
}

export function createShellTimeline(options: ShellTimelineOptions): ShellTimeline {
  const { clock, jobs, timeZone } = options;
  // Jobs up to this instant have run (or were before the start).
  let handledUntil = clock.now();

  /** The jobs due in (from, to], in time order; the tick first when both fall on one minute, as at start. */
  const jobsBetween = (from: Date, to: Date): Job[] => {
    const found: Job[] = [];
    const last = wallClock(to, timeZone).date;
    for (let day = wallClock(from, timeZone).date; compareLocalDates(day, last) <= 0; day = addDays(day, 1)) {
      found.push({ at: instantAt(day, options.reminderTime, timeZone), run: jobs.tick }, { at: instantAt(day, options.digestTime, timeZone), run: jobs.digest });
    }
    return found.filter((job) => job.at > from && job.at <= to).sort((a, b) => a.at.getTime() - b.at.getTime());
  };

  return {
    async start() {
      const now = clock.now();
      await jobs.tick(now);
      await jobs.digest(now);
      handledUntil = now;
      return jobs.dispatch();
    },
    async advanceTo(target) {
      let delivered = 0;
      for (const job of jobsBetween(handledUntil, target)) {
        if (job.at > clock.now()) clock.jumpTo(job.at);
        await job.run(clock.now());
        delivered += await jobs.dispatch();
      }
      if (target > clock.now()) clock.jumpTo(target);
      if (target > handledUntil) handledUntil = target;
      return delivered;
    },
    nextJobAt() {
      const from = handledUntil;
      // Both jobs run every day, so the next one is at most two days away.
      return jobsBetween(from, new Date(from.getTime() + 2 * 86_400_000))[0]!.at;
    },
  };
}
