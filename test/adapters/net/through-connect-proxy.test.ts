// Outbound connections through a real local CONNECT proxy: the target names
// (slack.test) resolve only inside the proxy, so a request that went around
// it would fail, and the proxy's log shows each tunnel.
import { get } from 'node:http';
import { webApi } from '@slack/bolt';
import { WebSocket } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboundAgentFor } from '../../../src/adapters/net/outbound-agent.ts';
import { createOutboundDispatcher, createOutboundFetch } from '../../../src/adapters/net/outbound-fetch.ts';
import { ConnectProxy } from '../../fakes/connect-proxy.ts';
import { FakeSlackApi } from '../../fakes/fake-slack-api.ts';

let slack: FakeSlackApi;
let proxy: ConnectProxy;
let slackPort: number;
let env: Record<string, string>;

beforeAll(async () => {
  slack = await new FakeSlackApi().start();
  slackPort = Number(new URL(slack.url).port);
  proxy = await new ConnectProxy({ hosts: { 'slack.test': '127.0.0.1' } }).start();
  env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
});
afterAll(async () => {
  await proxy.stop();
  await slack.stop();
});

const apiUrl = () => `http://slack.test:${slackPort}/api/`;

describe('through the office proxy', () => {
  it('a Web API client with the outbound fetch reaches Slack only through a CONNECT tunnel', async () => {
    const before = proxy.connects.length;
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: apiUrl(), fetch: createOutboundFetch(env), retryConfig: { retries: 0 } });
    const auth = await client.auth.test();
    expect(auth.ok).toBe(true);
    expect(proxy.connects.slice(before)).toContain(`slack.test:${slackPort}`);
    expect(proxy.plainRequests).toEqual([]);
  });

  it('the same client without the proxy cannot even resolve the name', async () => {
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: apiUrl(), fetch: createOutboundFetch({}), retryConfig: { retries: 0 } });
    await expect(client.auth.test()).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
  });

  it('a node:http client with outboundAgentFor (the Teams SDK’s axios path) tunnels too', async () => {
    const target = `${apiUrl()}auth.test`;
    const before = proxy.connects.length;
    const status = await new Promise<number>((resolve, reject) => {
      get(target, { agent: outboundAgentFor(target, env), headers: { authorization: 'Bearer xoxb-test' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject);
    });
    expect(status).toBe(200);
    expect(proxy.connects.slice(before)).toEqual([`slack.test:${slackPort}`]);
  });

  it('a WebSocket with the outbound dispatcher opens its connection through CONNECT', async () => {
    const before = proxy.connects.length;
    // No WebSocket server behind it: what matters is which way the connection went.
    const socket = new WebSocket(`wss://wss-primary.slack.test:443/link`, { dispatcher: createOutboundDispatcher(env) } as never);
    await new Promise<void>((resolve) => {
      socket.addEventListener('error', () => resolve());
      socket.addEventListener('close', () => resolve());
    });
    expect(proxy.connects.slice(before)).toEqual(['wss-primary.slack.test:443']);
  });

  it('a refusing proxy fails the call; nothing goes around it', async () => {
    // Its own proxy: an open tunnel of the one above would still carry calls.
    const refusing = await new ConnectProxy({ hosts: { 'slack.test': '127.0.0.1' } }).start();
    refusing.refuse(403);
    try {
      const client = new webApi.WebClient('xoxb-test', { slackApiUrl: apiUrl(), fetch: createOutboundFetch({ HTTP_PROXY: refusing.url }), retryConfig: { retries: 0 } });
      const calls = slack.calls.length;
      await expect(client.auth.test()).rejects.toMatchObject({ code: webApi.ErrorCode.RequestError });
      expect(refusing.connects).toEqual([`slack.test:${slackPort}`]);
      expect(slack.calls.length).toBe(calls);
    } finally {
      await refusing.stop();
    }
  });
});
