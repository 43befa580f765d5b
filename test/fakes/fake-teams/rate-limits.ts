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
    const recent = this.#recent(key, nowMs);
    let waitMs = 0;
    for (const window of this.#windows) {
      const windowMs = window.seconds * 1000;
      const inWindow = recent.filter((at) => nowMs - at < windowMs);
      if (inWindow.length < window.max) continue;
      // The window has room once its oldest accepted sends, beyond max-1, have aged out.
      const freeAt = (inWindow[inWindow.length - window.max] ?? nowMs) + windowMs;
      waitMs = Math.max(waitMs, freeAt - nowMs);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : null;
  }

  /** Counts a send that was accepted. */
  record(key: string, nowMs: number): void {
    this.#recent(key, nowMs).push(nowMs);
  }

  clear(): void {
    this.#accepted.clear();
  }

  #recent(key: string, nowMs: number): number[] {
    const kept = (this.#accepted.get(key) ?? []).filter((at) => nowMs - at < this.#longestMs);
    this.#accepted.set(key, kept);
    return kept;
  }
}
