import { describe, expect, it } from 'vitest';
import { badProxyVariables, findProxy, pickProxyEnv } from '../../../src/adapters/net/find-proxy.ts';
import { axiosOptionsFor, outboundAgentFor } from '../../../src/adapters/net/outbound-agent.ts';

describe('findProxy', () => {
  it('takes HTTPS_PROXY for https and wss targets, HTTP_PROXY for http and ws, either case', () => {
    const env = { HTTPS_PROXY: 'http://proxy.pref.lg.jp:8080', http_proxy: 'http://plain.pref.lg.jp:3128' };
    expect(findProxy('https://slack.com/api/', env)).toBe('http://proxy.pref.lg.jp:8080');
    expect(findProxy('wss://wss-primary.slack.com/link', env)).toBe('http://proxy.pref.lg.jp:8080');
    expect(findProxy('http://slack.test:1234/api/', env)).toBe('http://plain.pref.lg.jp:3128');
    expect(findProxy('ws://slack.test:1234/link', env)).toBe('http://plain.pref.lg.jp:3128');
    expect(findProxy('https://slack.com/api/', { https_proxy: 'http://lower:8080' })).toBe('http://lower:8080');
  });

  it('connects directly without a proxy setting, and to hosts NO_PROXY names', () => {
    expect(findProxy('https://slack.com/api/', {})).toBeNull();
    const env = { HTTPS_PROXY: 'http://proxy:8080', NO_PROXY: 'localhost,.pref.lg.jp' };
    expect(findProxy('https://intra.pref.lg.jp/', env)).toBeNull();
    expect(findProxy('https://localhost:3000/', env)).toBeNull();
    expect(findProxy('https://graph.microsoft.com/', env)).toBe('http://proxy:8080');
  });

  it('reads the env it is given, not the process environment', () => {
    const saved = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://from-process:1';
    try {
      expect(findProxy('https://slack.com/', {})).toBeNull();
      expect(process.env.HTTPS_PROXY).toBe('http://from-process:1');
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = saved;
    }
  });
});

describe('axiosOptionsFor', () => {
  it('turns axios’s own proxy handling off and hands it the tunnelling agent', () => {
    const env = { HTTPS_PROXY: 'http://proxy:8080' };
    const options = axiosOptionsFor('https://smba.trafficmanager.net/', env);
    expect(options.proxy).toBe(false);
    expect(options.httpsAgent).toBe(outboundAgentFor('https://login.microsoftonline.com/', env));
    expect(axiosOptionsFor('https://graph.microsoft.com/', {})).toEqual({ proxy: false });
  });
});

describe('proxy settings', () => {
  it('takes a proxy without a scheme as http://, never TLS to the proxy', () => {
    expect(findProxy('https://slack.com/api/', { HTTPS_PROXY: 'proxy.pref.lg.jp:8080' })).toBe('http://proxy.pref.lg.jp:8080');
  });

  it('names the variables whose value is no proxy URL', () => {
    expect(badProxyVariables({ HTTPS_PROXY: 'http://proxy:8080', http_proxy: 'ftp://proxy', NO_PROXY: 'localhost,.lg.jp', PATH: '/bin' })).toEqual(['http_proxy']);
    expect(badProxyVariables({ HTTPS_PROXY: 'http://' })).toEqual(['HTTPS_PROXY']);
  });

  it('keeps only the proxy variables', () => {
    expect(pickProxyEnv({ HTTPS_PROXY: 'http://p:1', no_proxy: 'x', SLACK_BOT_TOKEN: 'xoxb-secret', HTTP_PROXY: ' ' })).toEqual({ HTTPS_PROXY: 'http://p:1', no_proxy: 'x' });
  });
});
