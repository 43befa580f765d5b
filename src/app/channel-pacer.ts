/**
 * How fast the dispatcher may post to one channel: Slack's one message per
 * second, or Teams' sliding windows (7 per second, 8 per 2 s, 60 per 30 s,
 * 1,800 per hour per conversation). The dispatcher asks when a channel is
 * next free and reports each message the platform answered.
 */

export interface ChannelPacer {
  /** The earliest moment (epoch ms) the next message to `channel` may start. */
  freeAt(channel: string): number;
  /** The platform answered a message to `channel` at `at` (epoch ms). */
  sent(channel: string, at: number): void;
  /** The platform throttled `channel` until `until` (epoch ms, from Retry-After). */
  holdUntil(channel: string, until: number): void;
}

/** One limit: at most `count` messages in any `ms` window. */
export interface RateWindow {
  count: number;
  ms: number;
}

/** Teams' published per-conversation limits for bots (Microsoft Learn, "Rate limiting for bots"). */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = Object.freeze([
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
]);

/**
 * A fixed gap from each answer to the next request (Slack). Paced from the
 * answer, not the request: the platform counts a message when it arrives,
 * somewhere in between.
 */
export function intervalPacer(minIntervalMs: number): ChannelPacer {
  const freeAt = new Map<string, number>();
  return {
    freeAt: (channel) => freeAt.get(channel) ?? 0,
    sent: (channel, at) => freeAt.set(channel, Math.max(freeAt.get(channel) ?? 0, at + minIntervalMs)),
    holdUntil: (channel, until) => freeAt.set(channel, Math.max(freeAt.get(channel) ?? 0, until)),
  };
}

/**
 * Sliding windows: the next message may start once every window has room,
 * counting each message from its answer (later than the platform saw it, so
 * the platform's own count is never fuller than ours). `marginMs` covers the
 * difference between our clock and the platform's.
 */
export function windowPacer(windows: readonly RateWindow[], marginMs = 50): ChannelPacer {
  const longest = Math.max(0, ...windows.map((w) => w.ms));
  const stamps = new Map<string, number[]>();
  const held = new Map<string, number>();
  return {
    freeAt(channel) {
      const list = stamps.get(channel) ?? [];
      let free = held.get(channel) ?? 0;
      for (const window of windows) {
        if (list.length < window.count) continue;
        // The window has room once its oldest counted message leaves it.
        const oldest = list[list.length - window.count]!;
        free = Math.max(free, oldest + window.ms + marginMs);
      }
      return free;
    },
    sent(channel, at) {
      const list = stamps.get(channel) ?? [];
      list.push(at);
      // Only what the longest window can still count is kept.
      while (list.length > 0 && list[0]! <= at - longest) list.shift();
      stamps.set(channel, list);
    },
    holdUntil(channel, until) {
      held.set(channel, Math.max(held.get(channel) ?? 0, until));
    },
  };
}
