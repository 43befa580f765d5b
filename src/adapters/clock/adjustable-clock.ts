// The bot's clock: the real one, or one that starts at SHINCHOKU_NOW (or
// --now) and runs on from there at real speed. The shell also moves it
// forward when the person at the prompt says `:next` or `:advance`, so a
// fiscal year can be walked through in minutes.
import type { Clock } from '../../app/ports.ts';

export interface AdjustableClock extends Clock {
  /** Moves the clock to `instant`; it keeps running at real speed from there. */
  jumpTo(instant: Date): void;
}

export function createAdjustableClock(start?: Date, realNow: () => number = Date.now): AdjustableClock {
  let offset = start ? start.getTime() - realNow() : 0;
  return {
    now: () => new Date(realNow() + offset),
    jumpTo(instant) {
      offset = instant.getTime() - realNow();
    },
  };
}
