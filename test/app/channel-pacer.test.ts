import { describe, expect, it } from 'vitest';
import { intervalPacer, TEAMS_CONVERSATION_WINDOWS, windowPacer } from '../../src/app/channel-pacer.ts';

/** Sends `count` messages as early as the pacer allows; returns when each went. */
function drive(pacer: ReturnType<typeof windowPacer>, count: number, channel = 'c'): number[] {
  const times: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i++) {
    now = Math.max(now, pacer.freeAt(channel, now));
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
    const times = drive(windowPacer(TEAMS_CONVERSATION_WINDOWS, { marginMs: 0 }), 200);
    expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
    expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
    // 8 per 2 s: the 20th message leaves after two full windows.
    expect(times[19]).toBe(4_000);
  });

  it('keeps 1,800 per hour', () => {
    const times = drive(windowPacer(TEAMS_CONVERSATION_WINDOWS, { marginMs: 0 }), 1_900);
    expect(busiest(times, 3_600_000)).toBeLessThanOrEqual(1_800);
    expect(times[1_800]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('paces channels independently and honours a hold from Retry-After', () => {
    const pacer = windowPacer(TEAMS_CONVERSATION_WINDOWS, { marginMs: 0 });
    pacer.holdUntil('a', 5_000);
    expect(pacer.freeAt('a', 0)).toBe(5_000);
    expect(pacer.freeAt('b', 0)).toBe(0);
  });
});

describe('windowPacer with a limit over all channels (Teams’ 50 per second per tenant)', () => {
  it('never lets the platform see more than the limit in any second, however the answers are late, and keeps close to it', () => {
    // 60 channels sending at once, each one message at a time, with seeded random
    // latencies: up to 80 ms to arrive, up to 80 ms more for the answer.
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pacer = windowPacer(TEAMS_CONVERSATION_WINDOWS, { marginMs: 0, allChannels: { count: 50, ms: 1_000 } });
    const arrivals: number[] = [];
    const perChannel = 30;
    const left = new Map(Array.from({ length: 60 }, (_, c) => [`c${c}`, perChannel]));
    // Events: a channel asks to start at `at`, or a request's answer comes at `at`.
    const events: Array<{ at: number; channel: string; answer: boolean }> = [...left.keys()].map((channel) => ({ at: 0, channel, answer: false }));
    while (events.length > 0) {
      events.sort((a, b) => a.at - b.at || Number(b.answer) - Number(a.answer));
      const { at, channel, answer } = events.shift()!;
      if (answer) {
        pacer.sent(channel, at);
        if (left.get(channel)! > 0) events.push({ at, channel, answer: false });
        continue;
      }
      const free = pacer.freeAt(channel, at);
      if (free > at || !pacer.take!(channel, at)) {
        events.push({ at: Math.max(free, at + 1), channel, answer: false });
        continue;
      }
      left.set(channel, left.get(channel)! - 1);
      const arrival = at + Math.floor(random() * 80);
      arrivals.push(arrival);
      events.push({ at: arrival + Math.floor(random() * 80), channel, answer: true });
    }
    arrivals.sort((a, b) => a - b);
    expect(arrivals).toHaveLength(60 * perChannel);
    // The platform's sliding second: arrivals in (t − 1 s, t] for every arrival t.
    const busiestSecond = Math.max(...arrivals.map((t) => arrivals.filter((u) => u > t - 1_000 && u <= t).length));
    expect(busiestSecond).toBeLessThanOrEqual(50);
    expect(busiestSecond).toBeGreaterThanOrEqual(45);
    // One window of quiet at the start, then 1,800 messages at 50 per (1 s + the round trip): not much over 37 s.
    expect(arrivals[0]).toBeGreaterThanOrEqual(1_000);
    expect(arrivals.at(-1)!).toBeLessThan(46_000);
  });

  it('waits one window before its first start: what a crashed process sent last is still counted', () => {
    const pacer = windowPacer([], { marginMs: 50, allChannels: { count: 50, ms: 1_000 } });
    expect(pacer.freeAt('a', 10_000)).toBe(11_050);
    expect(pacer.take!('a', 10_000)).toBe(false);
    expect(pacer.take!('a', 11_050)).toBe(true);
  });

  it('gives a start back when the message was not sent', () => {
    const pacer = windowPacer([], { marginMs: 0, allChannels: { count: 1, ms: 1_000 } });
    expect(pacer.freeAt('a', 0)).toBe(1_000);
    expect(pacer.take!('a', 1_000)).toBe(true);
    expect(pacer.take!('b', 1_000)).toBe(false);
    expect(pacer.freeAt('b', 1_000)).toBeGreaterThan(1_000);
    pacer.release!('a');
    expect(pacer.freeAt('b', 1_000)).toBe(1_000);
    expect(pacer.take!('b', 1_000)).toBe(true);
    pacer.sent('b', 1_100);
    expect(pacer.freeAt('a', 1_100)).toBe(2_100);
  });
});

describe('intervalPacer', () => {
  it('waits the interval after each answer', () => {
    const pacer = intervalPacer(1_000);
    pacer.sent('c', 500);
    expect(pacer.freeAt('c', 0)).toBe(1_500);
    pacer.holdUntil('c', 3_000);
    expect(pacer.freeAt('c', 0)).toBe(3_000);
  });
});
