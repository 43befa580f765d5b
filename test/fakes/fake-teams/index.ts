/**
 * A local fake of the Microsoft services a Teams bot talks to, speaking
 * their wire formats, so the real Teams SDK can be tested end to end.
 * One HTTP server on 127.0.0.1 routes by path:
 *
 *   /v1/.well-known/openidconfiguration, /v1/.well-known/keys
 *                      the Bot Framework token issuer (RS256, `endorsements`)
 *   POST /{tenant}/oauth2/v2.0/token
 *                      Entra ID client credentials (form: client_id, client_secret, scope)
 *   /teams/v3/…        the Bot Connector (conversations, activities, members, teams);
 *                      the service URL is `…/teams/`, with a path, as Microsoft's is
 *   /v1.0/teams/{group-id}/channels/{channel-id}/messages
 *                      Microsoft Graph
 *
 * Usage:
 *
 *   const fake = await new FakeTeams().start();
 *   const team = fake.addTeam({ id: '19:general@thread.tacv2', name: '総務部', channels: [{ id: '19:jinji@thread.tacv2', name: '人事課' }], members: [alice] });
 *   // The bot: clientId fake.appId, secret fake.appPassword, tenant fake.tenantId,
 *   // cloud withOverrides(PUBLIC, { openIdMetadataUrl: fake.urls.openIdMetadataUrl,
 *   //   loginEndpoint: fake.urls.loginUrl, graphScope: `${fake.urls.graphUrl}/.default` }),
 *   // serviceUrl fake.urls.serviceUrl, and a `token` callback that POSTs to
 *   // `${fake.urls.loginUrl}/${fake.tenantId}/oauth2/v2.0/token`.
 *   const activity = fake.activities.message({ from: alice, teamId: team.id, text: 'status', mention: true });
 *   const { status } = await fake.sendActivity('http://127.0.0.1:3978/api/messages', activity);
 *   fake.activitiesIn(team.id);        // what the bot posted there, with update history
 *   fake.rateLimitViolations;          // 0 for a bot that paces itself
 *   fake.failNext('*', { status: 429, retryAfterSeconds: 3 });   // also 403/404/412/413/502/504
 *   fake.dropNext(team.id, { after: true });   // stored, but the answer never arrives
 *   fake.setInstalled(team.id, false);         // 403 BotNotInConversationRoster
 *   fake.setChannelMessageReadGranted(team.id, false);   // Graph answers 403
 *   await fake.waitForActivities(team.id, 3);  // delivery in the bot is asynchronous
 *   fake.reset();                              // between tests; the teams stay
 *   await fake.close();
 *
 * Signing keys are made once per process (a 2048-bit key pair takes up to a
 * second on a busy machine), so two fakes in one process trust each other's
 * tokens; give them different appIds when that matters.
 *
 * Rate limits (per channel or personal chat — a thread's `;messageid=` is
 * ignored — and optionally per tenant) count sends, replies, new threads and,
 * unless `limitUpdates: false`, updates. Over a limit: 429, `Retry-After`
 * in whole seconds, body `{ error: { code: 'TooManyRequests', … } }`.
 * An activity body over `maxMessageBytes` (default 40 KB): 413 with
 * `{ error: { code: 'MessageSizeTooBig', message: 'The activity is N bytes; the limit is M bytes.' } }`.
 * Errors use the connector's `{ error: { code, message } }`; a missing or bad
 * token answers 401 `{ message: 'Authorization has been denied for this request.' }`.
 *
 * Test-only inspection over HTTP (for benchmarks in another process):
 * `GET /_fake/activities?conversation=ID`, `/_fake/violations`, `/_fake/tokens`.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ActivityBuilder } from './activities.ts';
import { ActivityStore, type StoredActivity } from './activity-store.ts';
import { BotConnector, baseId, type ConnectorCall, type RateLimitViolation } from './connector.ts';
import { FaultQueue, type FailNextOptions } from './faults.ts';
import { FakeGraph, type GraphCall } from './graph.ts';
import { readBody, sendJson } from './http.ts';
import { TokenIssuer, type ActivityTokenOptions } from './issuer.ts';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_LIMITS, type RateWindow } from './rate-limits.ts';
import { TokenEndpoint, type TokenRequest } from './token-endpoint.ts';
import { TeamsWorld, guidFrom, type AddTeamInput, type FakeChannel, type FakeMember, type FakeTeam, type PersonalChat } from './world.ts';

export { BOT_FRAMEWORK_ISSUER, type ActivityTokenOptions } from './issuer.ts';
export { TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS, minimumSpanMs, type RateWindow } from './rate-limits.ts';
export type { Activity, Where } from './activities.ts';
export type { StoredActivity, StoredRevision } from './activity-store.ts';
export type { ConnectorCall, RateLimitViolation } from './connector.ts';
export type { FailNextOptions } from './faults.ts';
export type { GraphCall } from './graph.ts';
export type { TokenRequest } from './token-endpoint.ts';
export type { AddTeamInput, FakeChannel, FakeMember, FakeTeam, PersonalChat } from './world.ts';
export { guidFrom } from './world.ts';
export { findAll, type Json } from './find-all.ts';

/** The service URL's path, like Microsoft's `https://smba.trafficmanager.net/teams/`: a bot must keep it when joining paths. */
const SERVICE_PATH = '/teams/';

/** The bot scope on the public cloud: connector tokens must be for this audience. */
export const BOT_SCOPE = 'https://api.botframework.com/.default';

export interface FakeTeamsOptions {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  /** The bot's display name (mentions, Graph's from.application.displayName). Default 'shinchoku'. */
  botName?: string;
  /**
   * Clock for rate limits, activity timestamps and message ids, epoch ms; default Date.now.
   * Tokens always use real time: the SDK checks them against Date.now, and a
   * bot caches its token by real time too.
   */
  now?: () => number;
  /** Per-conversation send limits; default Teams' published ones. */
  conversationLimits?: readonly RateWindow[];
  /** Per-tenant send limits; default none. */
  tenantLimits?: readonly RateWindow[] | null;
  /** Whether updates count toward the send limits; default true (the cautious reading). */
  limitUpdates?: boolean;
  /** Largest activity body accepted, bytes; default 40 KB (40,960). */
  maxMessageBytes?: number;
  /** Lifetime of access tokens from the token endpoint, seconds; default 3599. */
  tokenLifetimeSeconds?: number;
  /** Told of every activity the bot posts, as it is stored (a benchmark timing the bot's answers). */
  onActivity?: (stored: StoredActivity) => void;
}

export interface SendActivityOptions extends Partial<ActivityTokenOptions> {
  /** Send no Authorization header at all. */
  unsigned?: boolean;
}

export class FakeTeams {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  readonly botName: string;
  readonly world: TeamsWorld;
  readonly issuer: TokenIssuer;
  readonly tokens: TokenEndpoint;
  readonly activities: ActivityBuilder;
  readonly #store: ActivityStore;
  readonly #faults = new FaultQueue();
  readonly #connector: BotConnector;
  readonly #graph: FakeGraph;
  readonly #nowMs: () => number;
  #tenantLimiter: SlidingWindowLimiter | null;
  #maxMessageBytes: number;
  #delayMs = 0;
  #server: Server | null = null;
  #origin: string | null = null;

  constructor(options: FakeTeamsOptions = {}) {
    this.appId = options.appId ?? guidFrom('fake-teams-app');
    this.appPassword = options.appPassword ?? 'fake-teams-secret~0123456789';
    this.tenantId = options.tenantId ?? guidFrom('fake-teams-tenant');
    this.botName = options.botName ?? 'shinchoku';
    this.#nowMs = options.now ?? Date.now;
    this.#maxMessageBytes = options.maxMessageBytes ?? 40 * 1024;
    this.#tenantLimiter = options.tenantLimits ? new SlidingWindowLimiter(options.tenantLimits) : null;
    this.world = new TeamsWorld(this.appId);
    this.#store = new ActivityStore((now) => this.world.nextMessageId(now), options.onActivity);
    this.issuer = new TokenIssuer(Date.now);
    this.tokens = new TokenEndpoint({ appId: this.appId, appPassword: this.appPassword, tenantId: this.tenantId, lifetimeSeconds: options.tokenLifetimeSeconds ?? 3599, nowMs: Date.now });
    this.#connector = new BotConnector({
      world: this.world,
      store: this.#store,
      tokens: this.tokens,
      faults: this.#faults,
      conversationLimiter: new SlidingWindowLimiter(options.conversationLimits ?? TEAMS_CONVERSATION_LIMITS),
      tenantLimiter: () => this.#tenantLimiter,
      botAudiences: [BOT_SCOPE.replace(/\/\.default$/u, '')],
      tenantId: this.tenantId,
      maxMessageBytes: () => this.#maxMessageBytes,
      limitUpdates: options.limitUpdates ?? true,
      nowMs: this.#nowMs,
    });
    this.#graph = new FakeGraph({
      world: this.world,
      store: this.#store,
      tokens: this.tokens,
      appId: this.appId,
      botName: this.botName,
      graphAudiences: () => ['https://graph.microsoft.com', this.urls.graphUrl],
      origin: () => this.#requireOrigin(),
    });
    this.activities = new ActivityBuilder({ world: this.world, appId: this.appId, botName: this.botName, tenantId: this.tenantId, serviceUrl: () => this.urls.serviceUrl, nowMs: this.#nowMs });
  }

  // ── lifecycle ──

  async start(): Promise<this> {
    if (this.#server) return this;
    const server = createServer((req, res) => void this.#route(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The settings a bot points at this fake (SPEC §7.2's TEAMS_*_URL). */
  get urls(): { serviceUrl: string; openIdMetadataUrl: string; loginUrl: string; graphUrl: string } {
    const origin = this.#requireOrigin();
    return { serviceUrl: `${origin}${SERVICE_PATH}`, openIdMetadataUrl: `${origin}/v1/.well-known/openidconfiguration`, loginUrl: origin, graphUrl: origin };
  }

  /** A bot's TEAMS_* settings (loadConfig's input) for this fake. */
  get settings(): Record<string, string> {
    const urls = this.urls;
    return {
      TEAMS_APP_ID: this.appId,
      TEAMS_APP_PASSWORD: this.appPassword,
      TEAMS_TENANT_ID: this.tenantId,
      TEAMS_SERVICE_URL: urls.serviceUrl,
      TEAMS_OPENID_METADATA_URL: urls.openIdMetadataUrl,
      TEAMS_LOGIN_URL: urls.loginUrl,
      TEAMS_GRAPH_URL: urls.graphUrl,
    };
  }

  // ── the world ──

  addTeam(input: AddTeamInput): FakeTeam {
    return this.world.addTeam(input);
  }

  /** A channel created in a team after addTeam. */
  addChannel(teamId: string, channel: { id: string; name: string }): FakeChannel {
    return this.world.addChannel(teamId, channel);
  }

  /** The bot's personal chat with a member (the id Teams would use). */
  personalChat(member: FakeMember): PersonalChat {
    return this.world.personalChat(member);
  }

  /** Whether the app is installed in a team: sends to its channels answer 403 when not. */
  setInstalled(teamId: string, installed: boolean): void {
    this.world.team(teamId).installed = installed;
  }

  /** Whether the team granted ChannelMessage.Read.Group: Graph answers 403 when not. */
  setChannelMessageReadGranted(teamId: string, granted: boolean): void {
    this.world.team(teamId).channelMessageReadGranted = granted;
  }

  /** A member blocked the bot: sends to their personal chat answer 403. */
  setBlocked(member: FakeMember, blocked: boolean): void {
    this.world.personalChat(member).blocked = blocked;
  }

  /** POSTs an activity to the bot with a signed bearer token (options change the token; `unsigned` sends none). */
  async sendActivity(botUrl: string, activity: Record<string, unknown>, options: SendActivityOptions = {}): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (!options.unsigned) {
      const serviceUrl = typeof activity.serviceUrl === 'string' ? activity.serviceUrl : this.urls.serviceUrl;
      headers.Authorization = `Bearer ${this.issuer.signActivityToken({ audience: this.appId, serviceUrl, ...options })}`;
    }
    const response = await postFresh(botUrl, headers, JSON.stringify(activity));
    const text = response.text;
    let body: unknown = text;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  }

  // ── what happened ──

  /** What the bot posted in a channel or chat (`;messageid=` ignored), oldest first, as it stands now. */
  activitiesIn(conversationId: string): StoredActivity[] {
    return this.#store.list(baseId(conversationId));
  }

  /** Every activity the bot posted anywhere, in order. */
  allActivities(): StoredActivity[] {
    return this.#store.all();
  }

  /**
   * Waits until a conversation holds at least `count` activities from the
   * bot (delivery is asynchronous in the bot under test); returns them.
   * Throws after `ms` with what it saw, so a failing test says why.
   */
  async waitForActivities(conversationId: string, count: number, ms = 5000): Promise<StoredActivity[]> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.activitiesIn(conversationId);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`FakeTeams: ${conversationId} has ${found.length} activities after ${ms} ms, expected ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  get connectorCalls(): readonly ConnectorCall[] {
    return this.#connector.calls;
  }

  get graphCalls(): readonly GraphCall[] {
    return this.#graph.calls;
  }

  get tokenRequests(): readonly TokenRequest[] {
    return this.tokens.requests;
  }

  /** Sends refused for going over a rate limit; a well-behaved bot has none. */
  get rateLimitViolations(): readonly RateLimitViolation[] {
    return this.#connector.violations;
  }

  // ── scripting ──

  /** The next `count` activity operations on a conversation ('*': any) answer `status` (403, 404, 412, 413, 429, 502, 504…). */
  failNext(conversationId: string, options: FailNextOptions): void {
    const { status, retryAfterSeconds, body, count = 1 } = options;
    this.#faults.push(baseId(conversationId), { kind: 'status', status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }), ...(body === undefined ? {} : { body }) }, count);
  }

  /** The next `count` activity operations lose their connection: before anything happened, or (`after`) once the activity was stored. */
  dropNext(conversationId: string, options: { count?: number; after?: boolean } = {}): void {
    this.#faults.push(baseId(conversationId), { kind: 'drop', after: options.after ?? false }, options.count ?? 1);
  }

  /** Forgets what was sent and asked (activities, calls, token requests, violations, rate windows) and every scripted fault; the teams stay. */
  reset(): void {
    this.#store.clear();
    this.#faults.clear();
    this.#connector.reset();
    this.#graph.calls.length = 0;
    this.tokens.requests.length = 0;
    this.#tenantLimiter?.clear();
    this.#delayMs = 0;
  }

  /** A delay before every connector answer, in ms. */
  setDelay(ms: number): void {
    this.#delayMs = ms;
  }

  setMaxMessageBytes(bytes: number): void {
    this.#maxMessageBytes = bytes;
  }

  setTenantLimits(limits: readonly RateWindow[] | null): void {
    this.#tenantLimiter = limits ? new SlidingWindowLimiter(limits) : null;
  }

  // ── HTTP ──

  async #route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (path === '/v1/.well-known/openidconfiguration' && req.method === 'GET') return sendJson(res, 200, this.issuer.openIdConfiguration(this.#requireOrigin()));
      if (path === '/v1/.well-known/keys' && req.method === 'GET') return sendJson(res, 200, this.issuer.jwks());
      const tokenPath = /^\/([^/]+)\/oauth2\/v2\.0\/token$/u.exec(path);
      if (tokenPath && req.method === 'POST') {
        const answer = this.tokens.answer(decodeURIComponent(tokenPath[1] ?? ''), new URLSearchParams(await readBody(req)));
        return sendJson(res, answer.status, answer.body, { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' });
      }
      if (path.startsWith(`${SERVICE_PATH}v3/`)) {
        if (this.#delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.#delayMs));
        return await this.#connector.handle(req, res, path.slice(SERVICE_PATH.length - 1), url.searchParams);
      }
      if (path.startsWith('/v1.0/')) return this.#graph.handle(req, res, url);
      if (path.startsWith('/_fake/') && req.method === 'GET') return this.#inspect(url, res);
      sendJson(res, 404, { error: { code: 'NotFound', message: `No such route: ${req.method ?? ''} ${path}` } });
    } catch (error) {
      sendJson(res, 500, { error: { code: 'FakeInternalError', message: String(error) } });
    }
  }

  #inspect(url: URL, res: ServerResponse): void {
    const conversation = url.searchParams.get('conversation');
    const views: Record<string, () => unknown> = {
      '/_fake/activities': () => (conversation === null ? this.allActivities() : this.activitiesIn(conversation)),
      '/_fake/violations': () => this.rateLimitViolations,
      '/_fake/tokens': () => this.tokenRequests,
      '/_fake/calls': () => this.connectorCalls,
    };
    const view = views[url.pathname];
    if (view) sendJson(res, 200, view());
    else sendJson(res, 404, { error: { code: 'NotFound', message: url.pathname } });
  }

  #requireOrigin(): string {
    if (this.#origin === null) throw new Error('FakeTeams: call start() first');
    return this.#origin;
  }
}

/**
 * POSTs on a connection of its own. A pooled keep-alive connection that
 * sat idle while a test moved on can be closed by the bot's server (5 s)
 * just as the next request goes out on it (ECONNRESET); Teams' own service
 * retries such a request, a test's single send would fail at random instead.
 */
function postFresh(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'POST', agent: false, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts a fake on a free port; `await fake.close()` when done. */
export async function startFakeTeams(options: FakeTeamsOptions = {}): Promise<FakeTeams> {
  return new FakeTeams(options).start();
}
