/**
 * Teams' limits on how fast a bot may send: sliding windows per key (a
 * conversation, or the tenant). A send over any window is refused with the
 * whole seconds until every window has room again (the `Retry-After`).
 */

export interface RateWindow {
  /** Window length in seconds. */
  seconds: number;
  /** Sends accepted in any such window. */
  max: number;
}

/**
 * Microsoft's published per-bot, per-conversation (thread) limits for
 * sending: 7 per second, 8 per 2 seconds, 60 per 30 seconds, 1,800 per hour.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = Object.freeze([
  { seconds: 1, max: 7 },
  { seconds: 2, max: 8 },
  { seconds: 30, max: 60 },
  { seconds: 3600, max: 1800 },
]);

/** Microsoft's published global limit for an app in one tenant: 50 requests per second, all conversations together. */
export const TEAMS_TENANT_LIMITS: readonly RateWindow[] = Object.freeze([{ seconds: 1, max: 50 }]);

export class SlidingWindowLimiter {
  readonly #windows: readonly RateWindow[];
  readonly #longestMs: number;
  readonly #accepted = new Map<string, number[]>();

  constructor(windows: readonly RateWindow[]) {
    this.#windows = windows;
    this.#longestMs = Math.max(0, ...windows.map((w) => w.seconds * 1000));
  }

  /** Seconds to wait when a send now would exceed a window (nothing counted); null when it may go. */
  check(key: string, nowMs: number): number | null {
    const waitMs = this.waitMs(key, nowMs);
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : null;
  }

  /** Milliseconds until a send may go (0: now). */
  waitMs(key: string, nowMs: number): number {
    const recent = this.#recent(key, nowMs);
    let waitMs = 0;
    for (const window of this.#windows) {
      const windowMs = window.seconds * 1000;
      const first = firstAfter(recent, nowMs - windowMs);
      if (recent.length - first < window.max) continue;
      // The window has room once its oldest accepted sends, beyond max-1, have aged out.
      const freeAt = (recent[recent.length - window.max] ?? nowMs) + windowMs;
      waitMs = Math.max(waitMs, freeAt - nowMs);
    }
    return waitMs;
  }

  /** Counts a send that was accepted. */
  record(key: string, nowMs: number): void {
    const recent = this.#recent(key, nowMs);
    // Kept sorted, so a clock that steps back (a test rewinding) still counts right.
    let i = recent.length;
    while (i > 0 && (recent[i - 1] ?? 0) > nowMs) i -= 1;
    recent.splice(i, 0, nowMs);
  }

  clear(): void {
    this.#accepted.clear();
  }

  /** The key's accepted sends still inside the longest window, oldest first. */
  #recent(key: string, nowMs: number): number[] {
    const kept = this.#accepted.get(key) ?? [];
    const expired = firstAfter(kept, nowMs - this.#longestMs);
    if (expired > 0) kept.splice(0, expired);
    this.#accepted.set(key, kept);
    return kept;
  }
}

/**
 * The shortest time from the first to the last of `count` sends to one
 * conversation that the limits allow (each sent as early as they let it):
 * the floor a fan-out benchmark compares against. 20 sends under Teams'
 * limits: 7 at 0 s, 1 at 1 s, 7 at 2 s, 1 at 3 s, 4 at 4 s → 4,000 ms.
 */
export function minimumSpanMs(count: number, windows: readonly RateWindow[] = TEAMS_CONVERSATION_LIMITS): number {
  const limiter = new SlidingWindowLimiter(windows);
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    at += limiter.waitMs('c', at);
    limiter.record('c', at);
  }
  return at;
}

/** The index of the first time in sorted `times` later than `after`. */
function firstAfter(times: readonly number[], after: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] ?? 0) > after) high = mid;
    else low = mid + 1;
  }
  return low;
}
