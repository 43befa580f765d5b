/**
 * Delivers one outbox message: lease, check, send, record. The lease keeps
 * two dispatchers off the same message; the check keeps a dispatcher that
 * took over after a crash from sending what the crashed one already sent.
 */
import type { OutboxEntry, OutboxQueue } from './outbox-port.ts';
import type { Notifier } from './ports.ts';

export interface DeliverySettings {
  /** Identifies this dispatcher in lease_owner. */
  owner: string;
  /** How long a claim stays exclusive. Must exceed the notifier's own timeout. */
  leaseMs: number;
  /** Failed attempts after which a transient error becomes a failure. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** In [0, 1): the jitter source. */
  random: () => number;
}

/** What became of one message. */
export type DeliveryOutcome =
  /** `recorded` is false when the lease ran out first and another dispatcher took the message over. */
  | { kind: 'sent'; ts: string; recorded: boolean }
  /** The platform already had it (a previous attempt got through); recorded without sending. */
  | { kind: 'already_delivered'; ts: string }
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'retry'; attempts: number; at: Date; error: string }
  | { kind: 'failed'; attempts: number; error: string }
  /** Another dispatcher holds it, or it is no longer due. */
  | { kind: 'not_claimed' };

export interface DeliveryContext {
  outbox: OutboxQueue;
  notifier: Notifier;
  now: () => Date;
  settings: DeliverySettings;
  /**
   * Called once the platform has answered a send (or the send failed), so the
   * caller can pace the channel from the moment the platform surely had it.
   */
  afterSend: () => void;
}

/**
 * Delivers `entry` as listed by OutboxQueue.listDue. Store failures propagate
 * (the lease then runs out and another attempt picks the message up);
 * everything the notifier reports becomes an outcome. When the lease was lost
 * to another dispatcher before recording, the outcome still says what
 * happened here: the other dispatcher's check will see the message.
 */
export async function deliverOutboxMessage(entry: OutboxEntry, ctx: DeliveryContext): Promise<DeliveryOutcome> {
  const { outbox, notifier, settings } = ctx;
  const owner = settings.owner;
  // A message in this state was never handed to the platform (see OutboxQueue.claim).
  const fresh = entry.status === 'pending' && entry.attempts === 0 && entry.lastError === null;
  const claimedAt = ctx.now();
  const claimed = await outbox.claim(entry.id, { owner, now: claimedAt, leaseUntil: new Date(claimedAt.getTime() + settings.leaseMs), fresh });
  if (!claimed) return { kind: 'not_claimed' };

  if (!fresh) {
    let ts: string | null;
    try {
      ts = await notifier.findDelivered(claimed.channel, claimed.key, claimed.createdAt);
    } catch (error) {
      // Sending blind could post it twice; waiting costs only time.
      return retryLater(claimed, ctx, `could not check for an earlier delivery: ${describe(error)}`);
    }
    if (ts !== null) {
      await outbox.markSent(claimed.id, owner, ts, ctx.now());
      return { kind: 'already_delivered', ts };
    }
  }

  let result: Awaited<ReturnType<Notifier['send']>>;
  try {
    result = await notifier.send({ key: claimed.key, channel: claimed.channel, body: claimed.body });
  } catch (error) {
    result = { ok: false, kind: 'transient', error: describe(error) };
  }
  ctx.afterSend();

  if (result.ok) {
    const recorded = await outbox.markSent(claimed.id, owner, result.ts, ctx.now());
    return { kind: 'sent', ts: result.ts, recorded };
  }
  switch (result.kind) {
    case 'rate_limited': {
      // The platform said when; this is not the message's fault, so no attempt is counted.
      const retryAfterMs = Math.max(0, result.retryAfterMs);
      const at = new Date(ctx.now().getTime() + retryAfterMs);
      await outbox.reschedule(claimed.id, owner, { at, attempts: claimed.attempts, error: `rate_limited: ${result.error}` }, ctx.now());
      return { kind: 'rate_limited', retryAfterMs };
    }
    case 'transient':
      return retryLater(claimed, ctx, result.error);
    case 'permanent': {
      const attempts = claimed.attempts + 1;
      await outbox.markFailed(claimed.id, owner, { attempts, error: result.error }, ctx.now());
      return { kind: 'failed', attempts, error: result.error };
    }
  }
}

/** Counts a failed attempt and schedules the next one, or gives up after maxAttempts. */
async function retryLater(claimed: OutboxEntry, ctx: DeliveryContext, error: string): Promise<DeliveryOutcome> {
  const { settings } = ctx;
  const attempts = claimed.attempts + 1;
  const now = ctx.now();
  if (attempts >= settings.maxAttempts) {
    await ctx.outbox.markFailed(claimed.id, settings.owner, { attempts, error }, now);
    return { kind: 'failed', attempts, error };
  }
  const at = new Date(now.getTime() + backoffDelay(attempts, settings));
  await ctx.outbox.reschedule(claimed.id, settings.owner, { at, attempts, error }, now);
  return { kind: 'retry', attempts, at, error };
}

/**
 * Exponential backoff with full jitter: a uniformly random wait up to
 * base·2^(attempts−1), capped. Spreads retries of many messages that failed
 * together (a Slack outage) instead of sending them back in one burst.
 */
export function backoffDelay(attempts: number, settings: Pick<DeliverySettings, 'backoffBaseMs' | 'backoffCapMs' | 'random'>): number {
  const ceiling = Math.min(settings.backoffCapMs, settings.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(settings.random() * ceiling);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
