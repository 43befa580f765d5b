/**
 * What a failed Web API call means for delivery: wait and retry (rate
 * limited), retry with backoff (transient), or stop and show it to the
 * operator (permanent). The dispatcher acts on the kind; the `error` string
 * is what `shinchoku outbox --failed` shows.
 */
import { webApi } from '@slack/bolt';
import type { SendResult } from '../../app/ports.ts';
import { redactTokens } from '../log/redact-tokens.ts';

export type SendFailure = Extract<SendResult, { ok: false }>;

/** Used when Slack says `ratelimited` without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * Slack's codes for trouble on its side: the same request may succeed later.
 * (https://docs.slack.dev/reference/methods/chat.postMessage, "Errors")
 */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/**
 * Codes the dispatcher is known to meet, listed for the reader; every code not
 * in TRANSIENT_CODES is permanent anyway. Each needs a person: invite the bot,
 * fix the directory, reinstall the app, or fix the renderer.
 */
export const PERMANENT_CODES: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'msg_too_long',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_metadata_format',
  'metadata_too_large',
  'restricted_action',
]);

/**
 * Classifies an error thrown by a WebClient configured with
 * `rejectRateLimitedCalls: true` and `retryConfig: { retries: 0 }`.
 *
 * - HTTP 429 → `rate_limited`, Retry-After in ms (the body code `ratelimited` too).
 * - HTTP 5xx and 408, network errors, timeouts → `transient`.
 * - Slack error codes in TRANSIENT_CODES → `transient`.
 * - Every other Slack error code → `permanent`, known or not. Slack answering
 *   `ok: false` is a deliberate refusal of this request; its documented
 *   passing conditions are the short list above. Retrying an unknown refusal
 *   forever would hold the channel's later messages behind it, whereas a
 *   permanent failure stays visible in `shinchoku outbox --failed` and is one
 *   `shinchoku outbox retry ID` away once someone has looked.
 * - Any other HTTP status (a proxy's 403, a wrong SLACK_API_URL's 404) → `permanent`, for the same reason.
 * - Anything unrecognised → `transient`: it did not come from Slack, so Slack has not refused anything.
 */
export function classifySlackError(error: unknown): SendFailure {
  const code = codeOf(error);
  if (code === webApi.ErrorCode.RateLimitedError) {
    const retryAfterSec = numberField(error, 'retryAfter');
    return { ok: false, kind: 'rate_limited', retryAfterMs: retryAfterSec === null ? DEFAULT_RETRY_AFTER_MS : retryAfterSec * 1000, error: 'ratelimited' };
  }
  if (code === webApi.ErrorCode.PlatformError) return classifyPlatformError(error);
  if (code === webApi.ErrorCode.HTTPError) {
    const status = numberField(error, 'statusCode') ?? 0;
    return { ok: false, kind: status >= 500 || status === 408 ? 'transient' : 'permanent', error: `http_${status}` };
  }
  if (code === webApi.ErrorCode.RequestError) {
    return { ok: false, kind: 'transient', error: `request_error: ${messageOf(originalOf(error))}` };
  }
  return { ok: false, kind: 'transient', error: messageOf(error) };
}

function classifyPlatformError(error: unknown): SendFailure {
  const data = (error as { data?: { error?: unknown; response_metadata?: { retryAfter?: unknown } } }).data;
  const slackCode = typeof data?.error === 'string' ? data.error : 'unknown_error';
  if (slackCode === 'ratelimited') {
    const retryAfter = data?.response_metadata?.retryAfter;
    return { ok: false, kind: 'rate_limited', retryAfterMs: typeof retryAfter === 'number' ? retryAfter * 1000 : DEFAULT_RETRY_AFTER_MS, error: slackCode };
  }
  return { ok: false, kind: TRANSIENT_CODES.has(slackCode) ? 'transient' : 'permanent', error: slackCode };
}

// Codes rather than instanceof: a second copy of @slack/web-api in node_modules
// (Bolt's and ours) would make instanceof fail for identical errors.
function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function numberField(error: unknown, field: string): number | null {
  const value = (error as Record<string, unknown>)[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function originalOf(error: unknown): unknown {
  const original = (error as { original?: unknown }).original;
  // fetch reports the socket error as the cause of a generic "fetch failed".
  const cause = original instanceof Error ? original.cause : undefined;
  return cause ?? original;
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return redactTokens(text);
}
