/**
 * Slack's special limit on posting: about one message per second per channel,
 * answered with HTTP 429 and `Retry-After`. A sliding one-second window per
 * channel; time comes from a monotonic clock so a virtual plan clock does not
 * change how fast the fake lets messages through.
 */
export interface ChannelRateLimit {
  /** Messages accepted per channel in any one second. */
  perSecond: number;
  /** Fixed `Retry-After` seconds; by default, the whole seconds until the window has room. */
  retryAfterSec?: number;
}

export interface ChannelRateLimiter {
  /** Null when the message may go now (and counts it), else the Retry-After in seconds. */
  take(channel: string): number | null;
}

export function createChannelRateLimiter(limit: ChannelRateLimit, nowMs: () => number): ChannelRateLimiter {
  const accepted = new Map<string, number[]>();
  return {
    take(channel) {
      const now = nowMs();
      const recent = (accepted.get(channel) ?? []).filter((at) => now - at < 1000);
      if (recent.length >= limit.perSecond) {
        accepted.set(channel, recent);
        const freeInMs = (recent[0] ?? now) + 1000 - now;
        return limit.retryAfterSec ?? Math.max(1, Math.ceil(freeInMs / 1000));
      }
      recent.push(now);
      accepted.set(channel, recent);
      return null;
    },
  };
}
