/**
 * The Slack notifier against the local fake Web API: what it sends, how it
 * reads Slack's answers, and how it finds a message again after a crash.
 */
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/app/ports.ts';
import { DeliveryCheckError } from '../../../src/adapters/slack/delivery-check-error.ts';
import { createSlackNotifier, type SlackNotifierOptions } from '../../../src/adapters/slack/slack-notifier.ts';
import type { AdapterLogger } from '../../../src/adapters/slack/web-api-logger.ts';
import { FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { reminderMessage } from '../../fakes/reminder-messages.ts';

const TOKEN = 'xoxb-1111-2222-secret';
const START = Date.parse('2020-07-22T00:30:00Z');

let fake: FakeSlackApi;
let now: number;

beforeEach(async () => {
  now = START;
  fake = await startFakeSlackApi({ now: () => now, tokens: [TOKEN] });
});
afterEach(async () => {
  await fake.stop();
});

function notifier(options: Partial<SlackNotifierOptions> = {}) {
  return createSlackNotifier({ token: TOKEN, slackApiUrl: fake.url, ...options });
}

function outgoing(key: string, channel = 'C0JINJI'): OutgoingMessage {
  return { key, channel, body: reminderMessage() };
}

/** Collects log lines, to check that no token reaches a log. */
function capturingLogger(): { logger: AdapterLogger; lines: string[] } {
  const lines: string[] = [];
  const record = (obj: object, msg?: string) => lines.push(JSON.stringify({ obj, msg }));
  return { logger: { debug: record, info: record, warn: record, error: record }, lines };
}

describe('createSlackNotifier: send', () => {
  it('posts the rendered message with the outbox key in its metadata and no link previews', async () => {
    const result = await notifier().send(outgoing('1-1-2||lead|2020-07-22|総務部人事課'));
    const [message] = fake.messages('C0JINJI');
    expect(result).toEqual({ ok: true, ts: message?.ts });
    expect(message?.metadata).toEqual({ event_type: 'shinchoku_outbox', event_payload: { key: '1-1-2||lead|2020-07-22|総務部人事課' } });
    expect(message?.text).toContain('総務部人事課');
    expect(message?.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'actions' })]));
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.token).toBe(TOKEN);
    expect(call?.params).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
  });

  it('reports HTTP 429 as rate_limited with Retry-After in milliseconds, without retrying or waiting', async () => {
    fake.setChannelRateLimit({ perSecond: 1, retryAfterSec: 2 });
    const slack = notifier();
    expect(await slack.send(outgoing('a'))).toMatchObject({ ok: true });
    const startedAt = Date.now();
    expect(await slack.send(outgoing('b'))).toEqual({ ok: false, kind: 'rate_limited', retryAfterMs: 2000, error: 'ratelimited' });
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 429]);
  });

  it('does not let one rate-limited channel hold up another', async () => {
    fake.setChannelRateLimit({ perSecond: 1, retryAfterSec: 30 });
    const slack = notifier();
    await slack.send(outgoing('a', 'C1'));
    expect(await slack.send(outgoing('b', 'C1'))).toMatchObject({ kind: 'rate_limited' });
    expect(await slack.send(outgoing('c', 'C2'))).toMatchObject({ ok: true });
  });

  it('reports 503 as transient after a single attempt', async () => {
    fake.failNext('chat.postMessage', 1, { status: 503 });
    expect(await notifier().send(outgoing('a'))).toEqual({ ok: false, kind: 'transient', error: 'http_503' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.messages('C0JINJI')).toEqual([]);
  });

  it("reports Slack's own passing trouble (internal_error) as transient", async () => {
    fake.failNext('chat.postMessage', 1, { error: 'internal_error' });
    expect(await notifier().send(outgoing('a'))).toEqual({ ok: false, kind: 'transient', error: 'internal_error' });
  });

  it('reports a dropped connection and a timeout as transient', async () => {
    fake.failNext('chat.postMessage', 1, { drop: 'before' });
    expect(await notifier().send(outgoing('a'))).toMatchObject({ ok: false, kind: 'transient' });
    fake.setLatency(300);
    expect(await notifier({ timeoutMs: 50 }).send(outgoing('b'))).toMatchObject({ ok: false, kind: 'transient' });
  });

  it('reports not_in_channel, channel_not_found, an invalid token and an unfamiliar code as permanent', async () => {
    fake.setChannelError('C0GONE', 'channel_not_found');
    fake.setChannelError('C0NOBOT', 'not_in_channel');
    expect(await notifier().send(outgoing('a', 'C0NOBOT'))).toEqual({ ok: false, kind: 'permanent', error: 'not_in_channel' });
    expect(await notifier().send(outgoing('b', 'C0GONE'))).toEqual({ ok: false, kind: 'permanent', error: 'channel_not_found' });
    expect(await createSlackNotifier({ token: 'xoxb-wrong', slackApiUrl: fake.url }).send(outgoing('c'))).toEqual({ ok: false, kind: 'permanent', error: 'invalid_auth' });
    fake.failNext('chat.postMessage', 1, { error: 'some_code_slack_adds_next_year' });
    expect(await notifier().send(outgoing('d'))).toEqual({ ok: false, kind: 'permanent', error: 'some_code_slack_adds_next_year' });
  });

  it('keeps channels in parallel: the client does not queue one request behind another', async () => {
    fake.setLatency(200);
    const slack = notifier();
    const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
    const results = await Promise.all(channels.map((channel) => slack.send(outgoing(channel, channel))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.peakInFlight).toBe(30);
  });

  it('never writes the token to the log, whatever fails', async () => {
    const { logger, lines } = capturingLogger();
    fake.failNext('chat.postMessage', 1, { status: 503 });
    fake.failNext('chat.postMessage', 1, { drop: 'before' });
    const slack = notifier({ logger });
    await slack.send(outgoing('a'));
    await slack.send(outgoing('b'));
    await slack.send(outgoing('c'));
    await createSlackNotifier({ token: 'xoxb-wrong-secret', slackApiUrl: fake.url, logger }).send(outgoing('d'));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).not.toMatch(/secret/u);
  });

  it('takes a pino logger', () => {
    const logger: AdapterLogger = pino({ enabled: false });
    expect(() => notifier({ logger })).not.toThrow();
  });
});

describe('createSlackNotifier: findDelivered', () => {
  it('finds the message with the key after a send, and nothing for a key never sent', async () => {
    const slack = notifier();
    const since = new Date(now);
    await slack.send(outgoing('other'));
    const sent = await slack.send(outgoing('mine'));
    await slack.send(outgoing('later'));
    expect(sent.ok && (await slack.findDelivered('C0JINJI', 'mine', since))).toBe(sent.ok && sent.ts);
    expect(await slack.findDelivered('C0JINJI', 'never-sent', since)).toBeNull();
    expect(await slack.findDelivered('C0OTHER', 'mine', since)).toBeNull();
    expect(fake.callsTo('conversations.history')[0]?.params).toMatchObject({ channel: 'C0JINJI', include_all_metadata: 'true' });
  });

  it('finds a message that Slack accepted but whose answer never arrived', async () => {
    const slack = notifier();
    const since = new Date(now);
    fake.failNext('chat.postMessage', 1, { drop: 'after' });
    expect(await slack.send(outgoing('lost-answer'))).toMatchObject({ ok: false, kind: 'transient' });
    expect(await slack.findDelivered('C0JINJI', 'lost-answer', since)).toBe(fake.messages('C0JINJI')[0]?.ts);
  });

  it('looks only at messages since the given time', async () => {
    const slack = notifier();
    await slack.send(outgoing('old'));
    now += 60 * 60 * 1000;
    const since = new Date(now);
    expect(await slack.findDelivered('C0JINJI', 'old', since)).toBeNull();
    expect(await slack.findDelivered('C0JINJI', 'old', new Date(START - 60_000))).not.toBeNull();
    const oldest = Number(fake.callsTo('conversations.history')[0]?.params.oldest);
    // Ten minutes of slack for a clock that runs ahead of Slack's, no more.
    expect(oldest).toBeCloseTo(since.getTime() / 1000 - 600, 3);
  });

  it('pages through a busy channel', async () => {
    const slack = notifier();
    const since = new Date(now);
    const first = await slack.send(outgoing('first'));
    for (let i = 0; i < 250; i += 1) {
      now += 1000;
      await slack.send(outgoing(`filler-${i}`));
    }
    expect(first.ok && (await slack.findDelivered('C0JINJI', 'first', since))).toBe(first.ok && first.ts);
    const pages = fake.callsTo('conversations.history');
    expect(pages).toHaveLength(2);
    expect(pages[1]?.params.cursor).toEqual(expect.any(String));
  });

  it('throws rather than answering null when Slack cannot be asked, so nothing is sent twice', async () => {
    const slack = notifier();
    const since = new Date(now);
    fake.failNext('conversations.history', 1, { status: 503 });
    await expect(slack.findDelivered('C0JINJI', 'k', since)).rejects.toMatchObject({ name: 'DeliveryCheckError', kind: 'transient', reason: 'http_503' });
    fake.failNext('conversations.history', 1, { status: 429, retryAfterSec: 3 });
    await expect(slack.findDelivered('C0JINJI', 'k', since)).rejects.toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 });
    fake.failNext('conversations.history', 1, { error: 'missing_scope' });
    const error = await slack.findDelivered('C0JINJI', 'k', since).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryCheckError);
    expect(error).toMatchObject({ kind: 'permanent', reason: 'missing_scope' });
  });
});
