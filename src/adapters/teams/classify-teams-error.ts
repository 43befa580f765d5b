/**
 * What a failed Bot Connector or Graph call means for delivery, as
 * classify-slack-error.ts does for Slack: wait (429), retry with backoff
 * (412, 502, 504, other 5xx, network), or stop and show it to the operator
 * (403 app removed or blocked, 404 conversation gone, 413 too large, and any
 * other refusal). The `error` string is a catalogue-independent code that
 * `shinchoku outbox --failed` shows with its catalogued reason.
 */
import type { SendResult } from '../../app/ports.ts';
import { redactSecrets } from './redact-secrets.ts';

export type SendFailure = Extract<SendResult, { ok: false }>;

/** Codes of permanent failures, each with a reason in the catalogue (outbox.reason.*, shown by `shinchoku outbox`). */
export const TEAMS_PERMANENT_CODES = ['teams_forbidden', 'teams_not_found', 'teams_too_large', 'teams_unauthorized', 'teams_bad_request'] as const;

const PERMANENT_BY_STATUS: Record<number, string> = {
  400: 'teams_bad_request',
  401: 'teams_unauthorized',
  403: 'teams_forbidden',
  404: 'teams_not_found',
  413: 'teams_too_large',
};

/** Retry-After's absence: back off from 1 s, jittered, doubling per consecutive 429 (the dispatcher's backoff is per attempt; a 429 counts none). */
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 60_000;

export interface ClassifyOptions {
  random?: () => number;
  /** How many 429s in a row this conversation has had, for the backoff without Retry-After. */
  consecutive429?: number;
}

/**
 * Classifies an error thrown by the SDK's HTTP client (axios: `response.status`,
 * `response.headers`), by our own requests (`status`/`headers` fields), or by the network.
 */
export function classifyTeamsError(error: unknown, options: ClassifyOptions = {}): SendFailure {
  const response = responseOf(error);
  if (response === null) return { ok: false, kind: 'transient', error: `network: ${messageOf(error)}` };
  const { status, headers } = response;
  if (status === 429) {
    const retryAfterMs = retryAfterOf(headers) ?? jitteredBackoff(options);
    return { ok: false, kind: 'rate_limited', retryAfterMs, error: 'teams_rate_limited' };
  }
  if (status === 412 || status === 408 || status >= 500) return { ok: false, kind: 'transient', error: `http_${status}` };
  return { ok: false, kind: 'permanent', error: PERMANENT_BY_STATUS[status] ?? `http_${status}` };
}

function jitteredBackoff(options: ClassifyOptions): number {
  const random = options.random ?? Math.random;
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.min(10, options.consecutive429 ?? 0));
  // Between half and the whole: conversations throttled together do not come back together.
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Retry-After in seconds or as an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterOf(headers: Record<string, unknown>): number | null {
  const raw = headers['retry-after'] ?? headers['Retry-After'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(String(value));
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function responseOf(error: unknown): { status: number; headers: Record<string, unknown> } | null {
  if (typeof error !== 'object' || error === null) return null;
  const withResponse = (error as { response?: { status?: unknown; headers?: unknown } }).response;
  if (withResponse && typeof withResponse.status === 'number') return { status: withResponse.status, headers: headersOf(withResponse.headers) };
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status > 0) return { status, headers: headersOf((error as { headers?: unknown }).headers) };
  return null;
}

function headersOf(headers: unknown): Record<string, unknown> {
  if (typeof headers !== 'object' || headers === null) return {};
  // AxiosHeaders keeps them as own properties, lower-cased.
  return Object.fromEntries(Object.entries(headers as Record<string, unknown>).map(([name, value]) => [name.toLowerCase(), value]));
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return redactSecrets(`${typeof code === 'string' ? `${code} ` : ''}${error.message}`);
  }
  return redactSecrets(String(error));
}
