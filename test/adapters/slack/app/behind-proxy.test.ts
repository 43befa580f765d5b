// The bot's own Slack connections behind an office proxy: a real CONNECT
// proxy that alone knows the names slack.test and socket.test, so every
// connection that works went through it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackApp } from '../../../../src/adapters/slack/app/start-slack-app.ts';
import { reminderMessage } from '../../../fakes/reminder-messages.ts';
import { createSlackNotifier } from '../../../../src/adapters/slack/slack-notifier.ts';
import { SILENT_LOGGER } from '../../../../src/adapters/slack/web-api-logger.ts';
import type { CommandDeps } from '../../../../src/app/commands/ports.ts';
import { ConnectProxy } from '../../../fakes/connect-proxy.ts';
import { FakeSlackApi } from '../../../fakes/fake-slack-api.ts';
import { FakeSocketMode } from '../../../fakes/fake-socket-mode.ts';

let slack: FakeSlackApi;
let socketMode: FakeSocketMode;
let proxy: ConnectProxy;
let apiUrl: string;
let apiTarget: string;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  socketMode = await new FakeSocketMode().start();
  proxy = await new ConnectProxy({ hosts: { 'slack.test': '127.0.0.1', 'socket.test': '127.0.0.1' } }).start();
  const port = new URL(slack.url).port;
  apiUrl = `http://slack.test:${port}/api/`;
  apiTarget = `slack.test:${port}`;
  slack.setSocketModeUrl(socketMode.urlOn('socket.test'));
});
afterAll(async () => {
  await proxy.stop();
  await socketMode.stop();
  await slack.stop();
});

describe('Slack behind a CONNECT proxy', () => {
  it('the Socket Mode app checks its token, opens its connection and its WebSocket through the proxy', async () => {
    const started = await startSlackApp({
      botToken: 'xoxb-test',
      mode: { kind: 'socket', appToken: 'xapp-test' },
      slackApiUrl: apiUrl,
      proxy: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
      // No command reaches this app: only its connections are under test.
      deps: {} as Omit<CommandDeps, 'members'>,
      channelLang: 'ja',
      logger: SILENT_LOGGER,
    });
    expect(started.ok).toBe(true);
    if (started.ok) await started.value.stop();
    expect(slack.callsTo('auth.test').map((c) => c.token)).toContain('xoxb-test');
    expect(slack.callsTo('apps.connections.open').map((c) => c.token)).toContain('xapp-test');
    expect(socketMode.connections).toHaveLength(1);
    expect(proxy.connects).toContain(apiTarget);
    expect(proxy.connects).toContain(`socket.test:${socketMode.port}`);
    expect(proxy.plainRequests).toEqual([]);
  });

  it('the notifier posts reminders through the proxy', async () => {
    // A proxy of its own, so its log holds this client's connections only.
    const own = await new ConnectProxy({ hosts: { 'slack.test': '127.0.0.1' } }).start();
    try {
      const notifier = createSlackNotifier({ token: 'xoxb-test', slackApiUrl: apiUrl, proxy: { HTTP_PROXY: own.url } });
      const sent = await notifier.send({ key: 'k1', channel: 'C0JINJI001', body: reminderMessage() });
      expect(sent.ok).toBe(true);
      expect(slack.messages('C0JINJI001')).toHaveLength(1);
      expect(await notifier.findDelivered('C0JINJI001', 'k1', new Date(Date.now() - 60_000))).toBe(sent.ok ? sent.ts : null);
      expect(new Set(own.connects)).toEqual(new Set([apiTarget]));
      expect(own.plainRequests).toEqual([]);
    } finally {
      await own.stop();
    }
  });

  it('a proxy that refuses makes the start name the network, not the token', async () => {
    const refusing = await new ConnectProxy({ hosts: { 'slack.test': '127.0.0.1' } }).start();
    refusing.refuse(403);
    try {
      const started = await startSlackApp({
        botToken: 'xoxb-test',
        mode: { kind: 'http', signingSecret: 'secret', port: 0 },
        slackApiUrl: apiUrl,
        proxy: { HTTP_PROXY: refusing.url },
        deps: {} as Omit<CommandDeps, 'members'>,
        channelLang: 'ja',
        logger: SILENT_LOGGER,
      });
      expect(started.ok).toBe(false);
      if (started.ok) return await started.value.stop();
      expect(started.error.code).toBe('slack_unreachable');
      expect(started.error.message).toMatch(/^Slack \(slack\.test:\d+\) に届きません — .*プロキシが接続を断りました \(HTTP 403\) → プロキシの管理者に/);
      expect(started.error.message).not.toMatch(/\n/);
    } finally {
      await refusing.stop();
    }
  });

  it('a token Slack refuses is named as the token, in the operator’s language', async () => {
    const strict = await new FakeSlackApi({ tokens: ['xoxb-good'] }).start();
    try {
      const started = await startSlackApp({
        botToken: 'xoxb-revoked',
        mode: { kind: 'http', signingSecret: 'secret', port: 0 },
        slackApiUrl: strict.url,
        proxy: {},
        deps: {} as Omit<CommandDeps, 'members'>,
        channelLang: 'ja',
        logger: SILENT_LOGGER,
      });
      expect(started.ok).toBe(false);
      if (started.ok) return await started.value.stop();
      expect(started.error).toEqual({ code: 'slack_auth', message: expect.stringMatching(/^Slack がトークンを受け付けません: invalid_auth → SLACK_BOT_TOKEN/) });
    } finally {
      await strict.stop();
    }
  });

  it('a port another program holds is named as the port, in the operator’s language', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '0.0.0.0', resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      for (const [lang, expected] of [
        ['ja', new RegExp(`^Slack アプリを起動できません \\(.*EADDRINUSE.*\\) → PORT ${port} がほかのプログラムに使われていないか確かめてください$`, 'u')],
        ['en', new RegExp(`^The Slack app could not start \\(.*EADDRINUSE.*\\) → Check that PORT ${port} is free$`, 'u')],
      ] as const) {
        const started = await startSlackApp({
          botToken: 'xoxb-test',
          mode: { kind: 'http', signingSecret: 'secret', port },
          slackApiUrl: slack.url,
          proxy: {},
          deps: {} as Omit<CommandDeps, 'members'>,
          channelLang: lang,
          logger: SILENT_LOGGER,
        });
        expect(started.ok).toBe(false);
        if (started.ok) return await started.value.stop();
        expect(started.error).toEqual({ code: 'slack_start', message: expect.stringMatching(expected) });
      }
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});
