/**
 * An in-memory Notifier for dispatcher tests: records every call, keeps what
 * was delivered per channel (so findDelivered can find it, as Slack's
 * metadata search would), and answers as a test scripts it.
 */
import type { Clock, Notifier, OutgoingMessage, SendResult } from '../../src/app/ports.ts';

export interface SendCall {
  key: string;
  channel: string;
  /** The clock's time when send was called. */
  at: Date;
  result: SendResult;
}

export interface Delivery {
  key: string;
  channel: string;
  ts: string;
  at: Date;
  message: OutgoingMessage;
}

/** Decides the answer to one send; `attempt` counts this key's sends from 1. Return undefined for success. */
export type SendScript = (message: OutgoingMessage, attempt: number) => SendResult | undefined | Promise<SendResult | undefined>;

export class FakeNotifier implements Notifier {
  readonly calls: SendCall[] = [];
  readonly deliveries: Delivery[] = [];
  readonly checks: { channel: string; key: string; since: Date }[] = [];
  private script: SendScript = () => undefined;
  private nextTs = 1;

  constructor(private readonly clock: Clock = { now: () => new Date() }) {}

  /** Replaces the answering rule. */
  answer(script: SendScript): this {
    this.script = script;
    return this;
  }

  async send(message: OutgoingMessage): Promise<SendResult> {
    const attempt = this.calls.filter((call) => call.key === message.key).length + 1;
    const at = this.clock.now();
    const scripted = await this.script(message, attempt);
    const result: SendResult = scripted ?? { ok: true, ts: `${Math.floor(at.getTime() / 1000)}.${String(this.nextTs++).padStart(6, '0')}` };
    this.calls.push({ key: message.key, channel: message.channel, at, result });
    if (result.ok) this.deliveries.push({ key: message.key, channel: message.channel, ts: result.ts, at, message });
    return result;
  }

  async findDelivered(channel: string, key: string, since: Date): Promise<string | null> {
    this.checks.push({ channel, key, since });
    return this.deliveries.find((d) => d.channel === channel && d.key === key)?.ts ?? null;
  }

  /** How many times each key was delivered; every value must be 1. */
  deliveriesPerKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.deliveries) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
    return counts;
  }
}
