/**
 * The fake Microsoft services against the REAL Teams SDK (2.0.16): an `App`
 * pointed at the fake by its cloud settings, a bearer token from the fake
 * token endpoint, activities POSTed over HTTP with signed tokens. These pin
 * what the Teams adapter's tests rely on.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import { BOT_SCOPE, FakeTeams, TEAMS_CONVERSATION_LIMITS, minimumSpanMs, type FakeMember, type FakeTeam } from './fake-teams/index.ts';
import { SlidingWindowLimiter } from './fake-teams/rate-limits.ts';

const alice: FakeMember = { id: '29:1alice', aadObjectId: '6a3b1c52-0f61-4b1e-9d0c-1a2b3c4d5e6f', name: '山田 花子' };
const bob: FakeMember = { id: '29:1bob', aadObjectId: '7b4c2d63-1a72-4c2f-8e1d-2b3c4d5e6f70', name: '佐藤 太郎' };

/** The SDK logs every refused token at error level; the assertions say what matters. */
const quiet: ILogger = { debug() {}, info() {}, warn() {}, error() {}, trace() {}, log() {}, child: () => quiet };

let now: number;
let fake: FakeTeams;
let team: FakeTeam;
let app: App;
let botServer: Server;
let botUrl: string;
/** What the handlers saw, in order. */
let handled: string[];

/** A client-credentials POST to the fake token endpoint, cached per scope until shortly before expiry (as the bot will). */
function tokenCallback(fakeTeams: FakeTeams): (scope: string | string[], tenantId?: string) => Promise<string> {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return async (scope, tenantId) => {
    const wanted = Array.isArray(scope) ? scope.join(' ') : scope;
    const cached = cache.get(wanted);
    if (cached && cached.expiresAt > Date.now() + 60_000) return cached.token;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: fakeTeams.appId, client_secret: fakeTeams.appPassword, scope: wanted });
    const res = await fetch(`${fakeTeams.urls.loginUrl}/${tenantId ?? fakeTeams.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!res.ok || !body.access_token) throw new Error(`token endpoint answered ${res.status}`);
    cache.set(wanted, { token: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 0) * 1000 });
    return body.access_token;
  };
}

beforeEach(async () => {
  now = Date.now();
  fake = await new FakeTeams({ now: () => now }).start();
  team = fake.addTeam({ id: '19:general-somu@thread.tacv2', name: '総務部', channels: [{ id: '19:jinji@thread.tacv2', name: '人事課' }], members: [alice, bob] });
  handled = [];
  botServer = createServer();
  app = new App({
    clientId: fake.appId,
    tenantId: fake.tenantId,
    token: tokenCallback(fake),
    serviceUrl: fake.urls.serviceUrl,
    cloud: withOverrides(PUBLIC, { openIdMetadataUrl: fake.urls.openIdMetadataUrl, loginEndpoint: fake.urls.loginUrl, graphScope: `${fake.urls.graphUrl}/.default` }),
    httpServerAdapter: new ExpressAdapter(botServer),
    logger: quiet,
  });
  app.on('message', async ({ activity, send }) => {
    handled.push(`message:${activity.text}`);
    await send(`echo: ${activity.text}`);
  });
  app.on('install.add', async ({ activity }) => {
    handled.push(`install:${activity.conversation.id}`);
  });
  app.on('conversationUpdate', async ({ activity }) => {
    handled.push(`conversationUpdate:${activity.channelData?.eventType ?? ''}:${activity.channelData?.channel?.id ?? ''}`);
  });
  app.on('card.action', async ({ activity }) => {
    handled.push(`card:${activity.value.action.verb}`);
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'recorded' };
  });
  app.on('dialog.open', async () => {
    handled.push('dialog.open');
    return { task: { type: 'message', value: 'opened' } };
  });
  app.on('dialog.submit', async ({ activity }) => {
    handled.push(`dialog.submit:${JSON.stringify(activity.value.data)}`);
    return { task: { type: 'message', value: 'saved' } };
  });
  await app.initialize();
  await new Promise<void>((resolve) => botServer.listen(0, '127.0.0.1', () => resolve()));
  botUrl = `http://127.0.0.1:${(botServer.address() as AddressInfo).port}/api/messages`;
});

afterEach(async () => {
  botServer.closeAllConnections();
  await new Promise<void>((resolve) => botServer.close(() => resolve()));
  await fake.close();
});

function errorOf(promise: Promise<unknown>): Promise<{ status?: number; headers?: Record<string, string>; data?: unknown; code?: string }> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: { response?: { status: number; headers: Record<string, string>; data: unknown }; code?: string }) => ({
      status: error.response?.status,
      headers: error.response?.headers,
      data: error.response?.data,
      code: error.code,
    }),
  );
}

describe('FakeTeams: the token issuer', () => {
  it('publishes OpenID metadata and an RS256 JWKS with endorsements, as login.botframework.com does', async () => {
    const meta = (await (await fetch(fake.urls.openIdMetadataUrl)).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({ issuer: 'https://api.botframework.com', jwks_uri: fake.urls.openIdMetadataUrl.replace(/openidconfiguration$/u, 'keys'), id_token_signing_alg_values_supported: ['RS256'] });
    const jwks = (await (await fetch(String(meta.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', endorsements: expect.arrayContaining(['msteams']) });
  });
});

describe('FakeTeams: the token endpoint', () => {
  async function requestToken(secret: string, scope = BOT_SCOPE): Promise<{ status: number; body: Record<string, unknown> }> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: fake.appId, client_secret: secret, scope });
    const res = await fetch(`${fake.urls.loginUrl}/${fake.tenantId}/oauth2/v2.0/token`, { method: 'POST', body: form });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('issues a Bearer token for the configured app and records the scope asked for', async () => {
    const { status, body } = await requestToken(fake.appPassword);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/u) });
    expect(fake.tokenRequests).toEqual([expect.objectContaining({ tenantId: fake.tenantId, clientId: fake.appId, scope: BOT_SCOPE, status: 200 })]);
  });

  it('refuses a wrong secret with 401 in Entra’s error shape (AADSTS7000215)', async () => {
    const { status, body } = await requestToken('not-the-secret');
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client', error_description: expect.stringMatching(/^AADSTS7000215: /u), error_codes: [7000215] });
  });

  it('refuses an unknown tenant and a scope without /.default', async () => {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: fake.appId, client_secret: fake.appPassword, scope: BOT_SCOPE });
    const wrongTenant = await fetch(`${fake.urls.loginUrl}/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token`, { method: 'POST', body: form });
    expect(wrongTenant.status).toBe(400);
    expect(await wrongTenant.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    const { status, body } = await requestToken(fake.appPassword, 'https://api.botframework.com');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('FakeTeams: activities into the real SDK', () => {
  it('a signed channel message reaches the handler, whose reply the connector records in that thread', async () => {
    const activity = fake.activities.message({ from: alice, teamId: team.id, text: 'status 1-1-2', mention: true });
    const res = await fake.sendActivity(botUrl, activity);
    expect(res.status).toBe(200);
    expect(handled).toEqual([`message:<at>shinchoku</at> status 1-1-2`]);
    const [reply] = fake.activitiesIn(team.id);
    expect(reply?.activity).toMatchObject({ type: 'message', text: 'echo: <at>shinchoku</at> status 1-1-2', from: { id: `28:${fake.appId}` } });
    expect(reply?.replyToId).toBe(activity.id);
    expect(fake.tokenRequests.map((r) => r.scope)).toEqual([BOT_SCOPE]);
  });

  it('a personal message is answered in the personal chat', async () => {
    await fake.sendActivity(botUrl, fake.activities.message({ from: bob, text: '状況' }));
    const chat = fake.personalChat(bob);
    expect(fake.activitiesIn(chat.id).map((a) => a.activity.text)).toEqual(['echo: 状況']);
  });

  it.each([
    ['forged (signed by an unpublished key)', { key: 'foreign' as const }],
    ['expired', { expiresInSeconds: -3600 }],
    ['for another audience', { audience: 'another-app-id' }],
    ['from another issuer', { issuer: 'https://sts.windows.net/evil/' }],
    ['for another service URL', { serviceUrl: 'https://attacker.example/teams/' }],
    ['unsigned', { unsigned: true }],
  ])('a %s token → 401, no handler runs, nothing is sent', async (_label, options) => {
    const res = await fake.sendActivity(botUrl, fake.activities.message({ from: alice, teamId: team.id, text: 'status', mention: true }), options);
    expect(res.status).toBe(401);
    expect(handled).toEqual([]);
    expect(fake.allActivities()).toEqual([]);
  });

  it('installation, conversation update, card action and dialog invokes are routed by the SDK as Teams’ own', async () => {
    expect((await fake.sendActivity(botUrl, fake.activities.installationUpdate({ by: alice, teamId: team.id }))).status).toBe(200);
    expect((await fake.sendActivity(botUrl, fake.activities.conversationUpdate({ by: alice, teamId: team.id }))).status).toBe(200);
    const card = await app.send(team.id, 'a card');
    const click = await fake.sendActivity(botUrl, fake.activities.cardAction({ from: bob, teamId: team.id, cardActivityId: card.id, verb: 'status', data: { milestone: '1-1-2', status: 'done' } }));
    expect(click).toEqual({ status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'recorded' } });
    expect((await fake.sendActivity(botUrl, fake.activities.taskFetch({ from: bob, teamId: team.id, cardActivityId: card.id, data: { milestone: '1-1-2' } }))).body).toEqual({ task: { type: 'message', value: 'opened' } });
    await fake.sendActivity(botUrl, fake.activities.taskSubmit({ from: bob, teamId: team.id, cardActivityId: card.id, data: { comment: 'ok' } }));
    expect(handled).toEqual([`install:${team.id}`, `conversationUpdate:teamMemberAdded:${team.id}`, 'card:status', 'dialog.open', 'dialog.submit:{"comment":"ok"}']);
  });

  it('a channel created later: conversationUpdate channelCreated names it, and the connector lists it', async () => {
    fake.addChannel(team.id, { id: '19:kikaku@thread.tacv2', name: '企画課' });
    await fake.sendActivity(botUrl, fake.activities.conversationUpdate({ by: alice, teamId: team.id, eventType: 'channelCreated', channelId: '19:kikaku@thread.tacv2' }));
    expect(handled).toEqual(['conversationUpdate:channelCreated:19:kikaku@thread.tacv2']);
    expect((await app.api.teams.getConversations(team.id)).map((c) => c.id)).toContain('19:kikaku@thread.tacv2');
  });
});

describe('FakeTeams: the Bot Connector', () => {
  it('a proactive send lands in the channel, and an update keeps its history', async () => {
    const sent = await app.send('19:jinji@thread.tacv2', { type: 'message', text: 'first' });
    await app.send('19:jinji@thread.tacv2', { type: 'message', id: sent.id, text: 'second' });
    const [stored] = fake.activitiesIn('19:jinji@thread.tacv2');
    expect(stored).toMatchObject({ id: sent.id, replyToId: null, activity: { text: 'second' } });
    expect(stored?.history.map((h) => h.activity.text)).toEqual(['first', 'second']);
    expect(stored?.updatedAt).not.toBeNull();
  });

  it('creates a personal chat (same id each time) and a channel thread, then replies in the thread', async () => {
    const params = { bot: { id: `28:${fake.appId}`, role: 'bot' as const }, members: [{ id: alice.id, role: 'user' as const }], channelData: { tenant: { id: fake.tenantId } }, tenantId: fake.tenantId, isGroup: false };
    const first = await app.api.conversations.create(params);
    const again = await app.api.conversations.create(params);
    expect(first.id).toBe(fake.personalChat(alice).id);
    expect(again.id).toBe(first.id);
    const thread = await app.api.conversations.create({ isGroup: true, channelData: { channel: { id: team.id }, tenant: { id: fake.tenantId } }, activity: { type: 'message', text: 'root' } } as never);
    expect(thread.id).toBe(`${team.id};messageid=${thread.activityId}`);
    await app.reply(team.id, thread.activityId ?? '', 'in the thread');
    expect(fake.activitiesIn(team.id).map((a) => [a.activity.text, a.replyToId])).toEqual([
      ['root', null],
      ['in the thread', thread.activityId],
    ]);
  });

  it('lists a team’s channels (General without a name), its details and a channel’s members, whole and paged', async () => {
    expect(await app.api.teams.getConversations(team.id)).toEqual([{ id: team.id }, { id: '19:jinji@thread.tacv2', name: '人事課' }]);
    expect(await app.api.teams.getById(team.id)).toMatchObject({ id: team.id, name: '総務部', aadGroupId: team.aadGroupId });
    const members = await app.api.conversations.getMembers('19:jinji@thread.tacv2');
    expect(members.map((m) => [m.id, m.aadObjectId])).toEqual([
      [alice.id, alice.aadObjectId],
      [bob.id, bob.aadObjectId],
    ]);
    const page = await app.api.conversations.getPagedMembers(team.id, 1);
    expect(page.members.map((m) => m.id)).toEqual([alice.id]);
    const rest = await app.api.conversations.getPagedMembers(team.id, 1, page.continuationToken);
    expect(rest.members.map((m) => m.id)).toEqual([bob.id]);
    expect(rest.continuationToken).toBeUndefined();
  });

  it('a 429 with Retry-After reaches the caller as an error carrying the status and the header', async () => {
    fake.failNext(team.id, { status: 429, retryAfterSeconds: 3 });
    const error = await errorOf(app.send(team.id, 'hello'));
    expect(error.status).toBe(429);
    expect(error.headers?.['retry-after']).toBe('3');
    expect(error.data).toEqual({ error: { code: 'TooManyRequests', message: 'Too many requests.' } });
    await app.send(team.id, 'hello again');
    expect(fake.activitiesIn(team.id).map((a) => a.activity.text)).toEqual(['hello again']);
  });

  it.each([403, 404, 412, 502, 504])('failNext(%i) answers that status with Teams’ error body, once', async (status) => {
    fake.failNext('*', { status });
    const error = await errorOf(app.send(team.id, 'x'));
    expect(error.status).toBe(status);
    expect(error.data).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    await app.send(team.id, 'y');
    expect(fake.activitiesIn(team.id)).toHaveLength(1);
  });

  it('a dropped connection is a network error; dropped after storing, the message is there all the same', async () => {
    fake.dropNext(team.id);
    expect((await errorOf(app.send(team.id, 'lost'))).status).toBeUndefined();
    fake.dropNext(team.id, { after: true });
    expect((await errorOf(app.send(team.id, 'kept'))).status).toBeUndefined();
    expect(fake.activitiesIn(team.id).map((a) => a.activity.text)).toEqual(['kept']);
  });

  it('refuses an activity over the size limit with 413, a team without the app with 403, an unknown conversation with 404', async () => {
    fake.setMaxMessageBytes(2_000);
    expect(await errorOf(app.send(team.id, 'x'.repeat(3_000)))).toMatchObject({ status: 413, data: { error: { code: 'MessageSizeTooBig' } } });
    fake.setInstalled(team.id, false);
    expect(await errorOf(app.send(team.id, 'x'))).toMatchObject({ status: 403, data: { error: { code: 'BotNotInConversationRoster' } } });
    expect(await errorOf(app.send('19:nowhere@thread.tacv2', 'x'))).toMatchObject({ status: 404, data: { error: { code: 'ConversationNotFound' } } });
    expect(fake.allActivities()).toEqual([]);
  });

  it('takes URL-encoded conversation ids and the reply route POST …/activities/{id}; reset() forgets what was sent', async () => {
    const root = await app.send(team.id, 'root');
    const botToken = await tokenCallback(fake)(BOT_SCOPE, fake.tenantId);
    const url = `${fake.urls.serviceUrl}v3/conversations/${encodeURIComponent(`${team.id};messageid=${root.id}`)}/activities/${root.id}`;
    const res = await fetch(url, { method: 'POST', body: JSON.stringify({ type: 'message', text: 'reply' }), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${botToken}` } });
    expect(res.status).toBe(201);
    const replies = await fake.waitForActivities(team.id, 2);
    expect(replies.map((a) => [a.activity.text, a.replyToId])).toEqual([
      ['root', null],
      ['reply', root.id],
    ]);
    fake.reset();
    expect(fake.allActivities()).toEqual([]);
    expect(fake.connectorCalls).toEqual([]);
  });

  it('answers 401 to a call without a bot token or with a Graph token', async () => {
    const url = `${fake.urls.serviceUrl}v3/conversations/${encodeURIComponent(team.id)}/activities`;
    const body = JSON.stringify({ type: 'message', text: 'x' });
    const anonymous = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    const graphToken = await tokenCallback(fake)(`${fake.urls.graphUrl}/.default`, fake.tenantId);
    const wrongScope = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${graphToken}` } });
    expect(wrongScope.status).toBe(401);
    expect(await wrongScope.json()).toEqual({ message: 'Authorization has been denied for this request.' });
    expect(fake.allActivities()).toEqual([]);
  });
});

describe('FakeTeams: Teams’ rate limits', () => {
  it('7 per second: the 8th send in a second → 429 with Retry-After 1, a violation; a second later it goes', async () => {
    for (let i = 1; i <= 7; i += 1) await app.send(team.id, `m${i}`);
    const error = await errorOf(app.send(team.id, 'm8'));
    expect(error).toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
    expect(fake.rateLimitViolations).toEqual([expect.objectContaining({ conversationId: team.id, limit: 'conversation', retryAfterSeconds: 1 })]);
    now += 1000;
    await app.send(team.id, 'm8');
    // 8 per 2 seconds: the 9th must wait until the first 7 are 2 s old.
    expect(await errorOf(app.send(team.id, 'm9'))).toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
    expect(fake.activitiesIn(team.id)).toHaveLength(8);
  });

  it('60 per 30 seconds, per conversation; other conversations are not held back', async () => {
    const start = now;
    for (let i = 0; i < 60; i += 1) {
      await app.send(team.id, `m${i}`);
      now += 400;
    }
    // The first send leaves the 30-second window 30 s after it was made: 6 s from now.
    expect(await errorOf(app.send(team.id, 'm60'))).toMatchObject({ status: 429, headers: { 'retry-after': String((start + 30_000 - now) / 1000) } });
    await app.send('19:jinji@thread.tacv2', 'elsewhere');
    expect(fake.rateLimitViolations).toHaveLength(1);
  });

  it('minimumSpanMs: the floor those limits set for n sends to one conversation', () => {
    expect(minimumSpanMs(7)).toBe(0);
    expect(minimumSpanMs(8)).toBe(1000);
    expect(minimumSpanMs(9)).toBe(2000);
    expect(minimumSpanMs(20)).toBe(4000);
    expect(minimumSpanMs(61, [{ seconds: 30, max: 60 }])).toBe(30_000);
  });

  it('1,800 per hour (the limiter alone: 1,800 sends through the SDK would only slow the suite)', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_LIMITS);
    let at = 0;
    for (let i = 0; i < 1800; i += 1) {
      expect(limiter.check('c', at)).toBeNull();
      limiter.record('c', at);
      at += 1900;
    }
    // 1,800 sends in 3,420 s: the next waits until the first is an hour old.
    expect(limiter.check('c', at)).toBe(Math.ceil((3_600_000 - at) / 1000));
    expect(limiter.check('other', at)).toBeNull();
  });

  it('an optional per-tenant limit holds back all conversations together', async () => {
    fake.setTenantLimits([{ seconds: 1, max: 2 }]);
    await app.send(team.id, 'a');
    await app.send('19:jinji@thread.tacv2', 'b');
    expect(await errorOf(app.send(team.id, 'c'))).toMatchObject({ status: 429 });
    expect(fake.rateLimitViolations.map((v) => v.limit)).toEqual(['tenant']);
  });
});

describe('FakeTeams: Graph', () => {
  async function listMessages(path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const bearer = token ?? (await tokenCallback(fake)(`${fake.urls.graphUrl}/.default`, fake.tenantId));
    const res = await fetch(`${fake.urls.graphUrl}${path}`, { headers: { Authorization: `Bearer ${bearer}` } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('lists the bot’s root posts in a channel, newest first, with cards as JSON strings, paged by @odata.nextLink', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'key:abc' }] };
    await app.send(team.id, { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] } as never);
    await app.send(team.id, 'second');
    await app.send(team.id, 'third');
    const path = `/v1.0/teams/${team.aadGroupId}/channels/${encodeURIComponent(team.id)}/messages?$top=2`;
    const first = await listMessages(path);
    expect(first.status).toBe(200);
    const page = first.body.value as Record<string, unknown>[];
    expect(page.map((m) => (m.body as { content: string }).content)).toEqual(['third', 'second']);
    expect(page[0]).toMatchObject({ from: { application: { id: fake.appId, applicationIdentityType: 'bot' } }, createdDateTime: expect.any(String) });
    const next = String(first.body['@odata.nextLink']);
    const second = await listMessages(next.slice(fake.urls.graphUrl.length));
    const [oldest] = second.body.value as { attachments: { contentType: string; content: string }[] }[];
    expect(oldest?.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.parse(oldest?.attachments[0]?.content ?? 'null')).toEqual(card);
    expect(second.body['@odata.nextLink']).toBeUndefined();
  });

  it('403 when the team did not grant ChannelMessage.Read.Group; 401 with a bot token instead of a Graph one', async () => {
    const path = `/v1.0/teams/${team.aadGroupId}/channels/${encodeURIComponent(team.id)}/messages`;
    fake.setChannelMessageReadGranted(team.id, false);
    expect(await listMessages(path)).toMatchObject({ status: 403, body: { error: { code: 'Forbidden' } } });
    const botToken = await tokenCallback(fake)(BOT_SCOPE, fake.tenantId);
    expect((await listMessages(path, botToken)).status).toBe(401);
  });
});
