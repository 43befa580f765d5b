/**
 * A clock that only moves when told to: sleeping advances it at once, so a
 * test of a one-minute backoff takes no time at all.
 */
import type { Clock } from '../../src/app/ports.ts';
import type { Sleep } from '../../src/app/dispatch-outbox.ts';

export class VirtualClock implements Clock {
  private time: number;
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(start: Date | string) {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  set(at: Date | string): void {
    this.time = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.time += ms;
  }

  /** Advances the clock by `ms`, then yields to other tasks, as a real sleep would. */
  readonly sleep: Sleep = async (ms, signal) => {
    if (signal.aborted) return;
    this.sleeps.push(ms);
    this.time += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };
}
