/**
 * How fast the dispatcher may post to one channel: Slack's one message per
 * second, or Teams' sliding windows (7 per second, 8 per 2 s, 60 per 30 s,
 * 1,800 per hour per conversation, and 50 per second for the app in the
 * whole tenant). The dispatcher asks when a channel is next free, takes its
 * start, and reports each message the platform answered.
 */

export interface ChannelPacer {
  /** The earliest moment (epoch ms) the next message to `channel` may start, asked at `now`. */
  freeAt(channel: string, now: number): number;
  /**
   * For a limit over all channels together: takes a start for `channel` at
   * `now`, or false when other channels took the last one first (ask freeAt
   * again). Without it, a channel free by freeAt may start.
   */
  take?(channel: string, now: number): boolean;
  /** The platform answered a message to `channel` at `at` (epoch ms). */
  sent(channel: string, at: number): void;
  /** A message that took its start was not sent after all (not claimed, found delivered, stopped). */
  release?(channel: string): void;
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

/** Teams' global limit for an app in a tenant, all conversations and requests together (the same page). */
export const TEAMS_TENANT_WINDOW: RateWindow = Object.freeze({ count: 50, ms: 1_000 });

/** While every shared start is in flight, how soon the dispatcher asks again. */
const IN_FLIGHT_RECHECK_MS = 10;

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
 *
 * `allChannels` is a limit over every channel together (Teams' 50 per second
 * per tenant). Many channels send at once there, so a message takes its
 * start (take) before it goes and counts until a window after its answer:
 * then no window of the platform's can see more arrivals than the limit. (Of
 * any limit+1 arrivals within one window, the one that started last started
 * before the window ended, and each of the others had started and been
 * answered after the window began, so was still counted then: limit+1 at
 * once, which take never allows.)
 */
export function windowPacer(windows: readonly RateWindow[], options: { marginMs?: number; allChannels?: RateWindow } = {}): ChannelPacer {
  const marginMs = options.marginMs ?? 50;
  const longest = Math.max(0, ...windows.map((w) => w.ms));
  const stamps = new Map<string, number[]>();
  const held = new Map<string, number>();
  const shared = options.allChannels ? sharedStarts(options.allChannels, marginMs) : null;
  return {
    freeAt(channel, now) {
      const list = stamps.get(channel) ?? [];
      let free = held.get(channel) ?? 0;
      for (const window of windows) {
        if (list.length < window.count) continue;
        // The window has room once its oldest counted message leaves it.
        const oldest = list[list.length - window.count]!;
        free = Math.max(free, oldest + window.ms + marginMs);
      }
      return shared ? Math.max(free, shared.freeAt(now)) : free;
    },
    ...(shared ? { take: (_channel: string, now: number) => shared.take(now), release: () => shared.release() } : {}),
    sent(channel, at) {
      const list = stamps.get(channel) ?? [];
      list.push(at);
      // Only what the longest window can still count is kept.
      while (list.length > 0 && list[0]! <= at - longest) list.shift();
      stamps.set(channel, list);
      shared?.sent(at);
    },
    holdUntil(channel, until) {
      held.set(channel, Math.max(held.get(channel) ?? 0, until));
    },
  };
}

/**
 * The starts of one window shared by all channels: in flight, or answered
 * and still counted. A new pacer (a bot just started) cannot know what the
 * process before it sent in the last window, up to a crash: it starts with
 * the window full, so its first message waits one window.
 */
function sharedStarts(window: RateWindow, marginMs: number) {
  let inFlight = 0;
  /** When each answered start stops counting, ascending. */
  const frees: number[] = [];
  let quietUntil: number | null = null;
  const counted = (now: number) => {
    quietUntil ??= now + window.ms + marginMs;
    if (now < quietUntil) return window.count;
    while (frees.length > 0 && frees[0]! <= now) frees.shift();
    return inFlight + frees.length;
  };
  return {
    freeAt(now: number): number {
      if (counted(now) < window.count) return now;
      if (now < quietUntil!) return quietUntil!;
      // All taken: the first answered one to age out, or (all in flight) a look again soon.
      return frees.length > 0 ? frees[0]! : now + IN_FLIGHT_RECHECK_MS;
    },
    take(now: number): boolean {
      if (counted(now) >= window.count) return false;
      inFlight++;
      return true;
    },
    sent(at: number) {
      inFlight = Math.max(0, inFlight - 1);
      const until = at + window.ms + marginMs;
      let i = frees.length;
      while (i > 0 && frees[i - 1]! > until) i--;
      frees.splice(i, 0, until);
    },
    release() {
      inFlight = Math.max(0, inFlight - 1);
    },
  };
}
