/**
 * The outbox dispatcher (SPEC §4): delivers due messages through a Notifier,
 * at most one message per channel per interval, channels in parallel, and
 * keeps going until stopped. What happens to each message is decided in
 * deliver-outbox-message.ts; this file only paces and loops.
 */
import { setMaxListeners } from 'node:events';
import { deliverOutboxMessage, type DeliveryOutcome, type DeliverySettings } from './deliver-outbox-message.ts';
import type { OutboxEntry, OutboxQueue } from './outbox-port.ts';
import { intervalPacer, type ChannelPacer } from './channel-pacer.ts';
import type { Clock, Notifier } from './ports.ts';

/** Waits `ms`; resolves early (never rejects) when `signal` aborts. Tests pass a virtual one. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface DispatcherOptions {
  outbox: OutboxQueue;
  notifier: Notifier;
  clock: Clock;
  sleep?: Sleep;
  /** Identifies this dispatcher in leases; unique per process (e.g. host:pid:random). */
  owner: string;
  /** Default 60 s. Must exceed the notifier's request timeout. */
  leaseMs?: number;
  /**
   * From the answer to one message of a channel to the next request on it.
   * Default 1 s: Slack allows about one message per second per channel.
   */
  minIntervalPerChannelMs?: number;
  /** How each channel is paced instead of minIntervalPerChannelMs (Teams' sliding windows). */
  pacer?: ChannelPacer;
  /** Default 8. */
  maxAttempts?: number;
  /** Default 1 s. */
  backoffBaseMs?: number;
  /** Default 5 min. */
  backoffCapMs?: number;
  /** Default Math.random. */
  random?: () => number;
  /** How long the loop sleeps at most before looking again. Default 30 s. */
  pollMs?: number;
  /** Messages taken per pass. Default 1,000. */
  batchSize?: number;
  /** Told what happened to each message, for logs. */
  onEvent?: (event: DispatchEvent) => void;
}

export type DispatchEvent =
  | ({ id: number; key: string; channel: string } & Exclude<DeliveryOutcome, { kind: 'not_claimed' }>)
  | { kind: 'error'; id?: number; key?: string; error: string };

export interface DispatchSummary {
  sent: number;
  /** Found already delivered by an earlier attempt and recorded without sending. */
  alreadyDelivered: number;
  rateLimited: number;
  /** Failed for now, scheduled again with backoff. */
  retrying: number;
  failed: number;
  /** Taken by another dispatcher first. */
  notClaimed: number;
  /** Store or unexpected errors; the message's lease runs out and it is tried again. */
  errors: number;
}

export interface Dispatcher {
  /** Delivers every message due now (pacing each channel), then says what happened. */
  runOnce(): Promise<DispatchSummary>;
  /** Starts the loop: passes, then sleeps until the next message is due (or pollMs). */
  start(): void;
  /** Cuts the loop's current sleep short, e.g. right after a tick enqueued messages. */
  wake(): void;
  /** Ends the loop; resolves once the messages in flight are delivered and recorded. */
  stop(): Promise<void>;
}

const DEFAULTS = {
  leaseMs: 60_000,
  minIntervalPerChannelMs: 1_000,
  maxAttempts: 8,
  backoffBaseMs: 1_000,
  backoffCapMs: 300_000,
  pollMs: 30_000,
  batchSize: 1_000,
};

/** Creates a dispatcher; nothing runs until runOnce() or start(). */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const opts = { ...DEFAULTS, ...definedOnly(options) };
  const sleep = options.sleep ?? realSleep;
  const settings: DeliverySettings = {
    owner: options.owner,
    leaseMs: opts.leaseMs,
    maxAttempts: opts.maxAttempts,
    backoffBaseMs: opts.backoffBaseMs,
    backoffCapMs: opts.backoffCapMs,
    random: options.random ?? Math.random,
  };
  const now = () => options.clock.now();
  const emit = (event: DispatchEvent) => options.onEvent?.(event);

  /** Per channel, when the next message may start. Survives passes. */
  const pacer = options.pacer ?? intervalPacer(opts.minIntervalPerChannelMs);
  const stopping = new AbortController();
  // Every channel's pacing sleep listens to it at once; Node warns past 10 listeners.
  setMaxListeners(0, stopping.signal);
  let wakeUp = new AbortController();
  let loop: Promise<void> | null = null;

  async function deliverChannel(channel: string, entries: OutboxEntry[], summary: DispatchSummary): Promise<void> {
    for (const entry of entries) {
      // Stop between messages, never in the middle of one.
      if (!(await waitForStart(channel))) return;
      let answered = false;
      try {
        const outcome = await deliverOutboxMessage(entry, {
          outbox: options.outbox,
          notifier: options.notifier,
          now,
          settings,
          // Paced from the answer, not from the request: the platform counts a
          // message when it arrives, which is somewhere in between, and
          // pacing from the request let uneven latency (50 channels posting
          // at the same instant) bring two messages of one channel closer
          // than the interval at Slack: a 429, and its Retry-After of a
          // whole second, for about one message in three (scripts/bench/fan-out.ts).
          afterSend: () => {
            answered = true;
            pacer.sent(channel, now().getTime());
          },
        });
        count(summary, outcome);
        if (outcome.kind === 'rate_limited') {
          // The whole channel is throttled, not just this message.
          pacer.holdUntil(channel, now().getTime() + outcome.retryAfterMs);
        }
        if (outcome.kind !== 'not_claimed') emit({ id: entry.id, key: entry.key, channel, ...outcome });
      } catch (error) {
        summary.errors++;
        emit({ kind: 'error', id: entry.id, key: entry.key, error: error instanceof Error ? error.message : String(error) });
      } finally {
        if (!answered) pacer.release?.(channel);
      }
    }
  }

  /**
   * Waits until `channel` may start its next message and takes the start;
   * false when the dispatcher stops first. A limit over all channels (Teams'
   * per tenant) can be taken by another channel between the wait and the
   * take: then it waits again.
   */
  async function waitForStart(channel: string): Promise<boolean> {
    for (;;) {
      if (stopping.signal.aborted) return false;
      const at = now().getTime();
      const wait = pacer.freeAt(channel, at) - at;
      if (wait > 0) {
        await sleep(wait, stopping.signal);
        continue;
      }
      if (pacer.take?.(channel, at) ?? true) return true;
    }
  }

  async function runPass(): Promise<DispatchSummary> {
    const summary: DispatchSummary = { sent: 0, alreadyDelivered: 0, rateLimited: 0, retrying: 0, failed: 0, notClaimed: 0, errors: 0 };
    const due = await options.outbox.listDue(now(), opts.batchSize);
    const byChannel = new Map<string, OutboxEntry[]>();
    for (const entry of due) {
      const list = byChannel.get(entry.channel);
      if (list) list.push(entry);
      else byChannel.set(entry.channel, [entry]);
    }
    await Promise.all([...byChannel].map(([channel, entries]) => deliverChannel(channel, entries, summary)));
    return summary;
  }

  // One pass at a time per dispatcher: a second caller waits, then runs its own pass.
  let passes: Promise<unknown> = Promise.resolve();
  function runOnce(): Promise<DispatchSummary> {
    const next = passes.then(runPass, runPass);
    passes = next.catch(() => undefined);
    return next;
  }

  async function runLoop(): Promise<void> {
    while (!stopping.signal.aborted) {
      let busy = false;
      try {
        const summary = await runOnce();
        busy = Object.values(summary).some((n) => n > 0);
      } catch (error) {
        emit({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
      }
      if (stopping.signal.aborted) break;
      let wait = opts.pollMs;
      try {
        const next = await options.outbox.nextDueAt();
        if (next) wait = Math.min(wait, Math.max(0, next.getTime() - now().getTime()));
      } catch (error) {
        emit({ kind: 'error', error: error instanceof Error ? error.message : String(error) });
      }
      // A message that is due but could not be taken (another dispatcher's race) must not spin the loop.
      if (!busy) wait = Math.max(wait, 100);
      if (wait > 0 && !wakeUp.signal.aborted) await sleep(wait, wakeUp.signal);
      wakeUp = new AbortController();
    }
  }

  return {
    runOnce,
    start() {
      if (loop || stopping.signal.aborted) return;
      loop = runLoop();
    },
    wake() {
      wakeUp.abort();
    },
    async stop() {
      stopping.abort();
      wakeUp.abort();
      await loop;
      await passes;
    },
  };
}

function count(summary: DispatchSummary, outcome: DeliveryOutcome): void {
  switch (outcome.kind) {
    case 'sent':
      summary.sent++;
      break;
    case 'already_delivered':
      summary.alreadyDelivered++;
      break;
    case 'rate_limited':
      summary.rateLimited++;
      break;
    case 'retry':
      summary.retrying++;
      break;
    case 'failed':
      summary.failed++;
      break;
    case 'not_claimed':
      summary.notClaimed++;
      break;
  }
}

/** The options the caller set, so that an explicit `undefined` does not erase a default. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** setTimeout that an AbortSignal cuts short. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
