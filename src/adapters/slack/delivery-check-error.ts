/**
 * Thrown by findDelivered when Slack could not be asked whether a message
 * already went out. "Could not check" must never read as "not delivered":
 * that answer would send the message a second time.
 */
import type { SendFailure } from './classify-slack-error.ts';

export class DeliveryCheckError extends Error {
  override readonly name = 'DeliveryCheckError';
  /** Same meaning as a failed send: wait (`rate_limited`), retry later (`transient`), or needs a person (`permanent`). */
  readonly kind: SendFailure['kind'];
  /** For `rate_limited`: how long Slack asked us to wait. */
  readonly retryAfterMs: number | undefined;
  /** The Slack error code or a short reason, as for a failed send. */
  readonly reason: string;

  constructor(channel: string, failure: SendFailure) {
    super(`conversations.history on ${channel}: ${failure.error}`);
    this.kind = failure.kind;
    this.reason = failure.error;
    this.retryAfterMs = failure.kind === 'rate_limited' ? failure.retryAfterMs : undefined;
  }
}
