/**
 * Requests as Slack sends them to an app's request URL, correctly signed:
 * `X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{raw body}")`
 * and `X-Slack-Request-Timestamp`, with slash commands and interactions as
 * `application/x-www-form-urlencoded` (interactions as one `payload=` JSON
 * field) and events as JSON. Imports nothing but Node, so benchmarks can use it.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

export const FORM = 'application/x-www-form-urlencoded';

export interface SignOptions {
  /** Seconds since the epoch; default now. A value 6 minutes back makes a stale request. */
  timestamp?: number;
  /** Replaces the computed signature (a forged request). */
  signature?: string;
  /** Sends no signature headers at all. */
  unsigned?: boolean;
}

export interface SlackHttpResponse {
  status: number;
  body: string;
  /** Milliseconds from sending to the full answer. */
  elapsedMs: number;
}

/** The `v0=` signature Slack computes for `body` at `timestamp`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Headers of a signed request. */
export function signedHeaders(secret: string, body: string, contentType: string, options: SignOptions = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (options.unsigned) return headers;
  headers['X-Slack-Request-Timestamp'] = String(timestamp);
  headers['X-Slack-Signature'] = options.signature ?? slackSignature(secret, timestamp, body);
  return headers;
}

/** What a slash command invocation carries; the rest is filled as Slack fills it. */
export interface SlashCommandFields {
  text: string;
  user_id: string;
  channel_id?: string;
  response_url: string;
  command?: string;
  user_name?: string;
  trigger_id?: string;
}

/** The form body of a slash command, field for field as Slack sends it. */
export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0FAKE',
    team_domain: 'fake-prefecture',
    channel_id: fields.channel_id ?? 'C0JINJI001',
    channel_name: 'jinji',
    user_id: fields.user_id,
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command ?? '/plan',
    text: fields.text,
    api_app_id: 'A0SHINCHOKU',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? `${Date.now()}.${randomUUID()}`,
  }).toString();
}

/** The form body of an interaction (block_actions, view_submission): one `payload` field holding JSON. */
export function interactionBody(payload: object): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The JSON body of an Events API callback. */
export function eventBody(event: object): string {
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: 'T0FAKE',
    api_app_id: 'A0SHINCHOKU',
    event,
    type: 'event_callback',
    event_id: `Ev${randomUUID().replace(/-/gu, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: 'T0FAKE', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** Sends one request to the app's request URL and reads the whole answer. */
export async function postToSlackApp(url: string, body: string, headers: Record<string, string>): Promise<SlackHttpResponse> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, body: text, elapsedMs: performance.now() - started };
}

/** A client of one app: its request URL and signing secret. */
export class SlackRequests {
  constructor(
    readonly url: string,
    readonly signingSecret: string,
  ) {}

  slashCommand(fields: SlashCommandFields, options: SignOptions = {}): Promise<SlackHttpResponse> {
    const body = slashCommandBody(fields);
    return postToSlackApp(this.url, body, signedHeaders(this.signingSecret, body, FORM, options));
  }

  interaction(payload: object, options: SignOptions = {}): Promise<SlackHttpResponse> {
    const body = interactionBody(payload);
    return postToSlackApp(this.url, body, signedHeaders(this.signingSecret, body, FORM, options));
  }

  event(event: object, options: SignOptions = {}): Promise<SlackHttpResponse> {
    const body = eventBody(event);
    return postToSlackApp(this.url, body, signedHeaders(this.signingSecret, body, 'application/json', options));
  }
}

/** A block_actions payload for a button clicked on a message in a channel. */
export function messageButtonPayload(args: {
  userId: string;
  channel: string;
  message: { ts: string; text?: string; blocks: unknown };
  action: { action_id: string; block_id: string; value: string };
  responseUrl: string;
  triggerId?: string;
}): object {
  return {
    type: 'block_actions',
    user: { id: args.userId, username: args.userId.toLowerCase(), name: args.userId.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0SHINCHOKU',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: args.message.ts, channel_id: args.channel, is_ephemeral: false },
    trigger_id: args.triggerId ?? `${Date.now()}.${randomUUID()}`,
    team: { id: 'T0FAKE', domain: 'fake-prefecture' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: args.channel, name: 'channel' },
    message: { type: 'message', user: 'U0BOT', bot_id: 'B0BOT', ts: args.message.ts, text: args.message.text ?? '', blocks: args.message.blocks },
    state: { values: {} },
    response_url: args.responseUrl,
    actions: [{ type: 'button', action_id: args.action.action_id, block_id: args.action.block_id, value: args.action.value, text: { type: 'plain_text', text: 'x' }, action_ts: `${Date.now() / 1000}` }],
  };
}

/** A block_actions payload for a button clicked on the App Home. */
export function homeButtonPayload(args: { userId: string; viewId: string; action: { action_id: string; block_id: string; value: string }; triggerId?: string }): object {
  return {
    type: 'block_actions',
    user: { id: args.userId, username: args.userId.toLowerCase(), name: args.userId.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0SHINCHOKU',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: args.viewId },
    trigger_id: args.triggerId ?? `${Date.now()}.${randomUUID()}`,
    team: { id: 'T0FAKE', domain: 'fake-prefecture' },
    is_enterprise_install: false,
    view: { id: args.viewId, type: 'home', blocks: [], private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h', app_id: 'A0SHINCHOKU', team_id: 'T0FAKE', bot_id: 'B0BOT' },
    actions: [{ type: 'button', action_id: args.action.action_id, block_id: args.action.block_id, value: args.action.value, text: { type: 'plain_text', text: 'x' }, action_ts: `${Date.now() / 1000}` }],
  };
}

/** A view_submission payload for a modal the app opened, with the user's input as `state.values`. */
export function viewSubmissionPayload(args: { userId: string; view: Record<string, unknown>; values: Record<string, Record<string, unknown>> }): object {
  return {
    type: 'view_submission',
    team: { id: 'T0FAKE', domain: 'fake-prefecture' },
    user: { id: args.userId, username: args.userId.toLowerCase(), name: args.userId.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0SHINCHOKU',
    token: 'deprecated-verification-token',
    trigger_id: `${Date.now()}.${randomUUID()}`,
    view: { id: 'V0MODAL', team_id: 'T0FAKE', type: 'modal', ...args.view, state: { values: args.values }, hash: 'h', app_id: 'A0SHINCHOKU', bot_id: 'B0BOT' },
    response_urls: [],
    is_enterprise_install: false,
  };
}
