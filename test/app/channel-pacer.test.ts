import { describe, expect, it } from 'vitest';
import { intervalPacer, TEAMS_CONVERSATION_WINDOWS, windowPacer } from '../../src/app/channel-pacer.ts';

/** Sends `count` messages as early as the pacer allows; returns when each went. */
function drive(pacer: ReturnType<typeof windowPacer>, count: number, channel = 'c'): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i++) {
    now = Math.max(now, pacer.freeAt(channel));
    times.push(now);
    pacer.sent(channel, now);
  }
  return times;
}

/** The most messages in any window of `ms` starting at a send. */
function busiest(times: number[], ms: number): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));
}

describe('windowPacer with Teams’ limits', () => {
  it('never exceeds 7/1 s, 8/2 s, 60/30 s, and sends 20 messages about as fast as the limits allow', () => {
    const times = drive(windowPacer(TEAMS_CONVERSATION_WINDOWS, 0), 200);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
    // 8 per 2 s: the 20th message leaves after two full windows.
    expect(times[19]).toBe(4_000);
  });

  it('keeps 1,800 per hour', () => {
    const times = drive(windowPacer(TEAMS_CONVERSATION_WINDOWS, 0), 1_900);
    expect(busiest(times, 3_600_000)).toBeLessThanOrEqual(1_800);
    expect(times[1_800]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('paces channels independently and honours a hold from Retry-After', () => {
    const pacer = windowPacer(TEAMS_CONVERSATION_WINDOWS, 0);
    pacer.holdUntil('a', 5_000);
    expect(pacer.freeAt('a')).toBe(5_000);
    expect(pacer.freeAt('b')).toBe(0);
  });
});

describe('intervalPacer', () => {
  it('waits the interval after each answer', () => {
    const pacer = intervalPacer(1_000);
    pacer.sent('c', 500);
    expect(pacer.freeAt('c')).toBe(1_500);
    pacer.holdUntil('c', 3_000);
    expect(pacer.freeAt('c')).toBe(3_000);
  });
});
