// The bot's clock: the real one, or one that starts at SHINCHOKU_NOW and
// runs on from there at real speed (shell runs and demonstrations).
import type { Clock } from '../../app/ports.ts';

export function createClock(start?: Date, realNow: () => number = Date.now): Clock {
  if (!start) return { now: () => new Date(realNow()) };
  const offset = start.getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
