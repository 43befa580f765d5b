/**
 * A local fake of Slack's Web API: a real HTTP server on 127.0.0.1 that speaks
 * the wire format (form or JSON bodies, `Authorization: Bearer`, `{ ok, … }`
 * answers, HTTP 429 with `Retry-After`) and records every call. Point
 * `slackApiUrl` (WebClient, Bolt's `clientOptions`) at `fake.url`.
 *
 * It imports nothing but Node, so a benchmark or a child process can run it
 * too; `GET /_fake/calls`, `/_fake/messages?channel=C` and `/_fake/responses`
 * let another process read what it recorded.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type ChannelRateLimit, type ChannelRateLimiter, createChannelRateLimiter } from './fake-slack/channel-rate-limit.ts';
import { type FakeSlackMessage, MessageStore, paginate, stringParam } from './fake-slack/message-store.ts';
import { parseBody, readApiRequest, readBody } from './fake-slack/read-request.ts';
import { type FakeSlackFile, FileUploads } from './fake-slack/file-uploads.ts';

export type { ChannelRateLimit } from './fake-slack/channel-rate-limit.ts';
export type { FakeSlackMessage } from './fake-slack/message-store.ts';
export type { FakeSlackFile } from './fake-slack/file-uploads.ts';

export interface FakeSlackOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Only these tokens are accepted (others get `invalid_auth`); by default any token is. */
  tokens?: readonly string[];
  /** Wall clock for message ts, in epoch ms; pass a virtual clock for simulated time. Default Date.now. */
  now?: () => number;
  /** Delay before every answer, to make concurrency visible. Default 0. */
  latencyMs?: number;
  /** Per-channel posting limit; default none. */
  channelRateLimit?: ChannelRateLimit | null;
  /** The scopes named in every answer's `x-oauth-scopes` header, as Slack does; default FAKE_SCOPES. */
  scopes?: readonly string[];
}

/** One recorded Web API call, in arrival order. */
export interface FakeSlackCall {
  method: string;
  params: Record<string, unknown>;
  token: string | null;
  /** The HTTP status answered (200, 429, 503…); 0 when the connection was dropped unanswered. */
  status: number;
  /** The JSON body answered, if any. */
  response: Record<string, unknown> | null;
  /** Epoch ms (real time) when the call arrived. */
  at: number;
}

export interface FakeSlackResponse {
  id: string;
  body: unknown;
  at: number;
}

export interface FakeSlackView {
  id: string;
  method: 'views.open' | 'views.publish' | 'views.update';
  userId: string | null;
  triggerId: string | null;
  view: unknown;
}

/**
 * What the next calls of a method do instead of answering normally:
 * an HTTP status (503, or 429 with Retry-After), a Slack error code with
 * HTTP 200, or a dropped connection before or after the call took effect
 * (`after`: Slack accepted the message but the answer never arrived).
 */
export type FakeSlackFault = { status: number; retryAfterSec?: number } | { error: string } | { drop: 'before' | 'after' };

export const FAKE_TEAM = Object.freeze({ teamId: 'T0FAKE', team: 'Fake Prefecture', botUserId: 'U0BOT', botId: 'B0BOT' });

/** The scopes a bot installed from the repository's manifest.yaml has. */
export const FAKE_SCOPES: readonly string[] = Object.freeze(['commands', 'chat:write', 'channels:history', 'groups:history', 'channels:read', 'groups:read', 'files:write', 'im:write']);

type Handler = (params: Record<string, unknown>) => Record<string, unknown>;

/** Methods whose `channel` parameter is subject to setChannelError. */
const CHANNEL_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'conversations.members', 'conversations.history', 'conversations.info']);

export class FakeSlackApi {
  readonly #calls: FakeSlackCall[] = [];
  readonly #messages: MessageStore;
  readonly #responses: FakeSlackResponse[] = [];
  readonly #views: FakeSlackView[] = [];
  readonly #uploads = new FileUploads();
  readonly #members = new Map<string, string[]>();
  /** Channels the bot has not joined; it is a member of every other one. */
  readonly #notJoined = new Set<string>();
  #scopes: readonly string[];
  #sendScopes = true;
  readonly #channelErrors = new Map<string, string>();
  readonly #faults = new Map<string, FakeSlackFault[]>();
  readonly #handlers: Record<string, Handler>;
  #tokens: ReadonlySet<string> | null;
  #socketModeUrl: string | null = null;
  #latencyMs: number;
  #rateLimiter: ChannelRateLimiter | null = null;
  #server: Server | null = null;
  #origin: string | null = null;
  #inFlight = 0;
  #peakInFlight = 0;
  readonly #port: number;

  constructor(options: FakeSlackOptions = {}) {
    this.#port = options.port ?? 0;
    this.#tokens = options.tokens ? new Set(options.tokens) : null;
    this.#latencyMs = options.latencyMs ?? 0;
    this.#scopes = options.scopes ?? FAKE_SCOPES;
    this.#messages = new MessageStore(options.now ?? Date.now, { user: FAKE_TEAM.botUserId, botId: FAKE_TEAM.botId });
    this.setChannelRateLimit(options.channelRateLimit ?? null);
    this.#handlers = {
      'auth.test': () => ({
        url: 'https://fake-prefecture.slack.com/',
        team: FAKE_TEAM.team,
        user: 'shinchoku',
        team_id: FAKE_TEAM.teamId,
        user_id: FAKE_TEAM.botUserId,
        bot_id: FAKE_TEAM.botId,
        is_enterprise_install: false,
      }),
      'chat.postMessage': (p) => this.#messages.post(p),
      'chat.update': (p) => this.#messages.update(p),
      'views.open': (p) => this.#view('views.open', p),
      'views.publish': (p) => this.#view('views.publish', p),
      'views.update': (p) => this.#view('views.update', p),
      'conversations.members': (p) => this.#conversationMembers(p),
      'conversations.history': (p) => this.#messages.history(p),
      // Socket Mode: the WebSocket URL to connect to (see fake-socket-mode.ts).
      'apps.connections.open': () => (this.#socketModeUrl === null ? { ok: false, error: 'not_allowed_token_type' } : { url: this.#socketModeUrl }),
      // A direct message with a user: its channel id (`D…`), the same for the same user.
      'conversations.open': (p) => (stringParam(p.users) === '' ? { ok: false, error: 'user_not_found' } : { channel: { id: `D${stringParam(p.users).replace(/^[UW]/u, '')}` } }),
      'files.getUploadURLExternal': (p) => this.#uploads.begin(p, this.#requireOrigin()),
      'files.completeUploadExternal': (p) => this.#uploads.complete(p, (channel, ts) => this.#messages.list(channel).some((m) => m.ts === ts)),
      'conversations.info': (p) => ({ channel: { id: stringParam(p.channel), is_channel: true, is_member: !this.#notJoined.has(stringParam(p.channel)) } }),
    };
  }

  // ── lifecycle ──

  async start(): Promise<this> {
    if (this.#server) return this;
    const server = createServer((req, res) => void this.#route(req, res));
    // Slack's edge keeps idle connections for about a minute, far longer than
    // Node's client agent (5 s). Node's server default is also 5 s, which makes
    // both ends drop an idle socket at the same moment and a reused socket fail
    // with "socket hang up" under load: a race the real service does not have.
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    // Clients keep connections alive; close() alone would wait for them.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The `slackApiUrl`: `http://127.0.0.1:PORT/api/`. */
  get url(): string {
    return `${this.#requireOrigin()}/api/`;
  }

  /** A response_url that records what is POSTed to it (see responses). */
  responseUrl(id: string = randomUUID()): string {
    return `${this.#requireOrigin()}/response/${encodeURIComponent(id)}`;
  }

  // ── what happened ──

  get calls(): readonly FakeSlackCall[] {
    return this.#calls;
  }

  callsTo(method: string): FakeSlackCall[] {
    return this.#calls.filter((c) => c.method === method);
  }

  /** The messages in a channel, oldest first, as they stand now (after updates). */
  messages(channel: string): FakeSlackMessage[] {
    return this.#messages.list(channel);
  }

  /** Every message in every channel, in the order they were posted. */
  allMessages(): FakeSlackMessage[] {
    return this.#messages.all();
  }

  get responses(): readonly FakeSlackResponse[] {
    return this.#responses;
  }

  /**
   * What Slack shows for a slash command or interaction, as Slack decides
   * it: the message in the HTTP acknowledgement (`ack`), if it carries one,
   * else the first message POSTed to the request's response_url (`responseId`),
   * waited for up to `ms`. Undefined when neither comes.
   */
  async answerTo(ack: { status: number; body: string }, responseId: string, ms = 5000): Promise<{ body: Record<string, unknown>; via: 'ack' | 'response_url'; at: number } | undefined> {
    if (ack.status === 200 && ack.body.trim().startsWith('{')) {
      const body = JSON.parse(ack.body) as Record<string, unknown>;
      if (body.text !== undefined || body.blocks !== undefined) return { body, via: 'ack', at: Date.now() };
    }
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.#responses.find((r) => r.id === responseId);
      if (found) return { body: found.body as Record<string, unknown>, via: 'response_url', at: found.at };
      if (Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Every file whose upload began, with the bytes POSTed for it. */
  get files(): FakeSlackFile[] {
    return this.#uploads.files;
  }

  get views(): readonly FakeSlackView[] {
    return this.#views;
  }

  /** The most requests that were being answered at the same time. */
  get peakInFlight(): number {
    return this.#peakInFlight;
  }

  // ── scripting ──

  setMembers(channel: string, users: readonly string[]): void {
    this.#members.set(channel, [...users]);
  }

  /** Whether the bot is in `channel` (conversations.info's is_member); it is in every channel until told otherwise. */
  setBotMember(channel: string, member: boolean): void {
    if (member) this.#notJoined.delete(channel);
    else this.#notJoined.add(channel);
  }

  /** The scopes the next answers name in `x-oauth-scopes`; null leaves the header out. */
  setScopes(scopes: readonly string[] | null): void {
    this.#scopes = scopes ?? [];
    this.#sendScopes = scopes !== null;
  }

  /** Every call on this channel answers `{ ok: false, error }` (not_in_channel, channel_not_found, is_archived…); null clears. */
  setChannelError(channel: string, error: string | null): void {
    if (error === null) this.#channelErrors.delete(channel);
    else this.#channelErrors.set(channel, error);
  }

  /** The next `count` calls of `method` meet `fault` (default: HTTP 503). */
  failNext(method: string, count = 1, fault: FakeSlackFault = { status: 503 }): void {
    const queue = this.#faults.get(method) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(fault);
    this.#faults.set(method, queue);
  }

  setChannelRateLimit(limit: ChannelRateLimit | null): void {
    this.#rateLimiter = limit ? createChannelRateLimiter(limit, () => performance.now()) : null;
  }

  /** What apps.connections.open answers (a FakeSocketMode's URL); null: Socket Mode is off. */
  setSocketModeUrl(url: string | null): void {
    this.#socketModeUrl = url;
  }

  /** Only these tokens pass (others: invalid_auth); null accepts any token. */
  setValidTokens(tokens: readonly string[] | null): void {
    this.#tokens = tokens ? new Set(tokens) : null;
  }

  setLatency(ms: number): void {
    this.#latencyMs = ms;
  }

  /** Forgets calls, messages, responses, views and every scripted fault. */
  reset(): void {
    this.#calls.length = 0;
    this.#responses.length = 0;
    this.#views.length = 0;
    this.#uploads.clear();
    this.#messages.clear();
    this.#members.clear();
    this.#notJoined.clear();
    this.#channelErrors.clear();
    this.#faults.clear();
    this.#peakInFlight = 0;
  }

  // ── HTTP ──

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#inFlight += 1;
    this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight);
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (this.#latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#latencyMs));
      if (url.pathname.startsWith('/api/')) await this.#apiCall(decodeURIComponent(url.pathname.slice('/api/'.length)), req, res, url.searchParams);
      else if (url.pathname.startsWith('/response/') && req.method === 'POST') await this.#responseUrlPost(url.pathname, req, res);
      else if (url.pathname.startsWith('/upload/') && req.method === 'POST') {
        const received = await this.#uploads.receive(decodeURIComponent(url.pathname.slice('/upload/'.length)), req);
        res.writeHead(received ? 200 : 404, { 'Content-Type': 'text/plain' }).end(received ? 'OK' : 'not found');
      }
      else if (url.pathname.startsWith('/_fake/') && req.method === 'GET') this.#inspect(url, res);
      else sendJson(res, 404, { ok: false, error: 'not_found' });
    } catch (error) {
      sendJson(res, 500, { ok: false, error: 'fake_internal_error', detail: String(error) });
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #apiCall(method: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const { params, token } = await readApiRequest(req, query);
    const call: FakeSlackCall = { method, params, token, status: 200, response: null, at: Date.now() };
    this.#calls.push(call);
    const fault = this.#faults.get(method)?.shift();
    if (fault && 'drop' in fault) {
      if (fault.drop === 'after') this.#answer(method, params, token);
      call.status = 0;
      res.socket?.destroy();
      return;
    }
    if (fault && 'status' in fault) {
      call.status = fault.status;
      const headers = fault.retryAfterSec === undefined ? {} : { 'Retry-After': String(fault.retryAfterSec) };
      res.writeHead(fault.status, { 'Content-Type': 'text/plain', ...headers }).end(`fake fault: HTTP ${fault.status}`);
      return;
    }
    const answer: Answer = fault ? { status: 200, body: { ok: false, error: fault.error } } : this.#answer(method, params, token);
    call.status = answer.status;
    call.response = answer.body;
    // Slack names the token's scopes on every answer to an authenticated call.
    const authenticated = token !== null && (!this.#tokens || this.#tokens.has(token));
    const scopes: Record<string, string> = authenticated && this.#sendScopes ? { 'X-OAuth-Scopes': this.#scopes.join(',') } : {};
    sendJson(res, answer.status, answer.body, { ...scopes, ...answer.headers });
  }

  /** The answer to a call that met no scripted fault. */
  #answer(method: string, params: Record<string, unknown>, token: string | null): Answer {
    const error = (code: string): Answer => ({ status: 200, body: { ok: false, error: code } });
    if (token === null) return error('not_authed');
    if (this.#tokens && !this.#tokens.has(token)) return error('invalid_auth');
    const handler = this.#handlers[method];
    if (!handler) return error('unknown_method');
    const channel = typeof params.channel === 'string' ? params.channel : null;
    const channelError = channel !== null && CHANNEL_METHODS.has(method) ? this.#channelErrors.get(channel) : undefined;
    if (channelError) return error(channelError);
    const retryAfter = method === 'chat.postMessage' && channel !== null ? (this.#rateLimiter?.take(channel) ?? null) : null;
    if (retryAfter !== null) return { status: 429, headers: { 'Retry-After': String(retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    return { status: 200, body: { ok: true, ...handler(params) } };
  }

  async #responseUrlPost(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    this.#responses.push({ id: decodeURIComponent(pathname.slice('/response/'.length)), body: parseBody(raw, req.headers['content-type']), at: Date.now() });
    sendJson(res, 200, { ok: true });
  }

  #inspect(url: URL, res: ServerResponse): void {
    const channel = url.searchParams.get('channel');
    const views: Record<string, () => unknown> = {
      '/_fake/calls': () => this.#calls,
      '/_fake/messages': () => (channel === null ? this.allMessages() : this.messages(channel)),
      '/_fake/responses': () => this.#responses,
      '/_fake/views': () => this.#views,
    };
    const view = views[url.pathname];
    if (view) sendJson(res, 200, { ok: true, result: view() });
    else sendJson(res, 404, { ok: false, error: 'not_found' });
  }

  #requireOrigin(): string {
    if (this.#origin === null) throw new Error('FakeSlackApi: call start() first');
    return this.#origin;
  }

  // ── methods ──

  #view(method: FakeSlackView['method'], p: Record<string, unknown>): Record<string, unknown> {
    if (typeof p.view !== 'object' || p.view === null) return { ok: false, error: 'invalid_arguments' };
    if (method === 'views.open' && !stringParam(p.trigger_id)) return { ok: false, error: 'invalid_trigger_id' };
    if (method === 'views.publish' && !stringParam(p.user_id)) return { ok: false, error: 'user_not_found' };
    const previous = method === 'views.update' ? this.#views.find((v) => v.id === p.view_id) : undefined;
    if (method === 'views.update' && !previous) return { ok: false, error: 'not_found' };
    const id = previous?.id ?? `V${randomUUID().replace(/-/gu, '').slice(0, 10).toUpperCase()}`;
    this.#views.push({ id, method, userId: stringParam(p.user_id) || null, triggerId: stringParam(p.trigger_id) || null, view: p.view });
    return { view: { ...(p.view as Record<string, unknown>), id, team_id: FAKE_TEAM.teamId } };
  }

  #conversationMembers(p: Record<string, unknown>): Record<string, unknown> {
    const members = this.#members.get(stringParam(p.channel)) ?? [];
    const { page, nextCursor } = paginate(members, p);
    return { members: page, response_metadata: { next_cursor: nextCursor } };
  }
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

/** Starts a fake on a free port; `await fake.stop()` when done. */
export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  return new FakeSlackApi(options).start();
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}
