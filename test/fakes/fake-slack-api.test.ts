/**
 * The fake Slack Web API speaks the wire format the real clients use; these
 * tests pin what other tests rely on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { FakeSlackApi, startFakeSlackApi } from './fake-slack-api.ts';

let fake: FakeSlackApi;
beforeEach(async () => {
  fake = await startFakeSlackApi();
});
afterEach(async () => {
  await fake.stop();
});

async function post(path: string, body: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; json: Record<string, unknown> }> {
  const res = await fetch(new URL(path, fake.url), { method: 'POST', body, headers });
  const text = await res.text();
  // Faults answer like Slack's load balancer does: plain text, not JSON.
  const json = res.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : { text };
  return { status: res.status, headers: res.headers, json };
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-test' };

describe('FakeSlackApi', () => {
  it('serves the Slack Web API under /api/ on 127.0.0.1', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/u);
  });

  it('answers a real WebClient: auth.test, chat.postMessage with JSON fields in a form body, chat.update', async () => {
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true, user_id: 'U0BOT', team_id: 'T0FAKE' });
    const posted = await client.chat.postMessage({
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
      metadata: { event_type: 'e', event_payload: { key: 'k' } },
    });
    await client.chat.update({ channel: 'C1', ts: posted.ts ?? '', text: 'edited' });
    expect(fake.messages('C1')).toEqual([
      expect.objectContaining({ ts: posted.ts, text: 'edited', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }], metadata: { event_type: 'e', event_payload: { key: 'k' } }, edits: 1 }),
    ]);
    expect(fake.callsTo('chat.postMessage')[0]).toMatchObject({ token: 'xoxb-test', status: 200, params: { channel: 'C1', text: 'hi' } });
  });

  it('reads JSON bodies and a token given as a parameter', async () => {
    const json = await post('chat.postMessage', JSON.stringify({ channel: 'C2', text: 'json' }), { 'Content-Type': 'application/json; charset=utf-8', Authorization: 'Bearer xoxb-test' });
    expect(json.json).toMatchObject({ ok: true, channel: 'C2' });
    const form = await post('chat.postMessage', new URLSearchParams({ token: 'xoxb-test', channel: 'C2', text: 'form' }).toString(), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.json.ok).toBe(true);
    expect(fake.messages('C2').map((m) => m.text)).toEqual(['json', 'form']);
  });

  it('refuses a missing or unknown token', async () => {
    expect((await post('auth.test', '', { 'Content-Type': 'application/x-www-form-urlencoded' })).json).toEqual({ ok: false, error: 'not_authed' });
    fake.setValidTokens(['xoxb-good']);
    expect((await post('auth.test', '', FORM)).json).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('refuses blocks that break Block Kit limits, as Slack does', async () => {
    const blocks = JSON.stringify(Array.from({ length: 51 }, () => ({ type: 'divider' })));
    expect((await post('chat.postMessage', new URLSearchParams({ channel: 'C1', text: 't', blocks }).toString(), FORM)).json).toEqual({ ok: false, error: 'invalid_blocks' });
    const long = JSON.stringify([{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }]);
    expect((await post('chat.postMessage', new URLSearchParams({ channel: 'C1', text: 't', blocks: long }).toString(), FORM)).json.error).toBe('invalid_blocks');
    expect(fake.messages('C1')).toEqual([]);
  });

  it('returns history newest first after oldest, with metadata only when asked', async () => {
    let now = Date.parse('2020-07-22T00:30:00Z');
    const timed = await startFakeSlackApi({ now: () => now });
    try {
      const client = new webApi.WebClient('xoxb-test', { slackApiUrl: timed.url });
      const first = await client.chat.postMessage({ channel: 'C1', text: 'a', metadata: { event_type: 'e', event_payload: { key: 'a' } } });
      now += 60_000;
      const second = await client.chat.postMessage({ channel: 'C1', text: 'b', metadata: { event_type: 'e', event_payload: { key: 'b' } } });
      expect(first.ts).toBe('1595377800.000000');
      const all = await client.conversations.history({ channel: 'C1', include_all_metadata: true });
      expect(all.messages?.map((m) => [m.ts, m.metadata?.event_type])).toEqual([
        [second.ts, 'e'],
        [first.ts, 'e'],
      ]);
      const bare = await client.conversations.history({ channel: 'C1' });
      expect(bare.messages?.every((m) => m.metadata === undefined)).toBe(true);
      expect((await client.conversations.history({ channel: 'C1', oldest: first.ts ?? '' })).messages?.map((m) => m.ts)).toEqual([second.ts]);
      expect((await client.conversations.history({ channel: 'C1', oldest: first.ts ?? '', inclusive: true })).messages).toHaveLength(2);
    } finally {
      await timed.stop();
    }
  });

  it('pages conversations.members with a cursor', async () => {
    fake.setMembers('C1', ['U1', 'U2', 'U3']);
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url });
    const members: string[] = [];
    for await (const page of client.paginate('conversations.members', { channel: 'C1', limit: 2 })) {
      members.push(...((page as { members?: string[] }).members ?? []));
    }
    expect(members).toEqual(['U1', 'U2', 'U3']);
    expect(fake.callsTo('conversations.members')).toHaveLength(2);
  });

  it('names the granted scopes in x-oauth-scopes, as a WebClient reads them, and answers conversations.info with is_member', async () => {
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 } });
    const auth = await client.auth.test();
    expect(auth.response_metadata?.scopes).toEqual(['commands', 'chat:write', 'channels:history', 'groups:history', 'channels:read', 'groups:read', 'files:write', 'im:write']);
    fake.setScopes(['chat:write']);
    expect((await client.auth.test()).response_metadata?.scopes).toEqual(['chat:write']);
    fake.setScopes(null);
    expect((await client.auth.test()).response_metadata?.scopes).toBeUndefined();

    await expect(client.conversations.info({ channel: 'C1' })).resolves.toMatchObject({ channel: { id: 'C1', is_member: true } });
    fake.setBotMember('C1', false);
    await expect(client.conversations.info({ channel: 'C1' })).resolves.toMatchObject({ channel: { is_member: false } });
    fake.setChannelError('C2', 'channel_not_found');
    await expect(client.conversations.info({ channel: 'C2' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
  });

  it('records views and response_url posts', async () => {
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.url });
    const opened = await client.views.open({ trigger_id: 'T1', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } });
    await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });
    expect(opened.view?.id).toMatch(/^V/u);
    expect(fake.views.map((v) => [v.method, v.userId, v.triggerId])).toEqual([
      ['views.open', null, 'T1'],
      ['views.publish', 'U1', null],
    ]);
    const url = fake.responseUrl('cmd-1');
    await fetch(url, { method: 'POST', body: JSON.stringify({ response_type: 'ephemeral', text: 'ok' }), headers: { 'Content-Type': 'application/json' } });
    expect(fake.responses).toEqual([expect.objectContaining({ id: 'cmd-1', body: { response_type: 'ephemeral', text: 'ok' } })]);
  });

  it('enforces a per-channel posting rate with 429 and Retry-After', async () => {
    fake.setChannelRateLimit({ perSecond: 2 });
    const send = (channel: string) => post('chat.postMessage', new URLSearchParams({ channel, text: 't' }).toString(), FORM);
    expect((await send('C1')).status).toBe(200);
    expect((await send('C1')).status).toBe(200);
    const limited = await send('C1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await send('C2')).status).toBe(200);
    expect(fake.messages('C1')).toHaveLength(2);
  });

  it('scripts faults: HTTP status, error codes, channel errors, dropped connections', async () => {
    const send = () => post('chat.postMessage', new URLSearchParams({ channel: 'C1', text: 't' }).toString(), FORM);
    fake.failNext('chat.postMessage', 2);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(503);
    expect((await send()).status).toBe(200);
    fake.failNext('chat.postMessage', 1, { error: 'internal_error' });
    expect((await send()).json).toEqual({ ok: false, error: 'internal_error' });
    fake.setChannelError('C1', 'not_in_channel');
    expect((await send()).json).toEqual({ ok: false, error: 'not_in_channel' });
    fake.setChannelError('C1', null);
    fake.failNext('chat.postMessage', 1, { drop: 'after' });
    await expect(send()).rejects.toThrow();
    expect(fake.messages('C1')).toHaveLength(2);
    expect(fake.calls.map((c) => c.status)).toEqual([503, 503, 200, 200, 200, 0]);
  });

  it('lets another process read what it recorded', async () => {
    await post('chat.postMessage', new URLSearchParams({ channel: 'C9', text: 'x' }).toString(), FORM);
    const res = await fetch(new URL('/_fake/messages?channel=C9', fake.url));
    expect(((await res.json()) as { result: unknown[] }).result).toEqual([expect.objectContaining({ channel: 'C9', text: 'x' })]);
  });
});
