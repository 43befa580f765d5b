import { describe, expect, it } from 'vitest';
import { loadConfig, reminderPolicyOf, slackModeOf, startTimeOf } from '../src/config.ts';

describe('loadConfig', () => {
  it('fills the documented defaults', () => {
    const config = loadConfig({});
    expect(config.ok && config.value).toMatchObject({
      // Without chat settings the terminal demo runs, on a database of its own.
      DATABASE_URL: './data/demo.db',
      REMINDER_CATCHUP_BUSINESS_DAYS: 3,
      SHINCHOKU_PLAN: 'config/plans/fy2020-mie.yaml',
      SHINCHOKU_TIMEZONE: 'Asia/Tokyo',
      SHINCHOKU_LANG: 'ja',
      REMINDER_TIME: '09:30',
      PORT: 3000,
    });
    if (config.ok) expect(reminderPolicyOf(config.value)).toMatchObject({ leadCalendarDays: [14, 7], leadBusinessDays: [3, 1], escalateAfterBusinessDays: 5 });
  });

  it('names every bad setting in one message, and never echoes a secret', () => {
    const config = loadConfig({ PORT: 'http', SHINCHOKU_LANG: 'fr', SLACK_BOT_TOKEN: 'secret-abc', REMINDER_TIME: '9:30', SHINCHOKU_TIMEZONE: 'Mars/Base' });
    expect(config.ok).toBe(false);
    if (config.ok) return;
    for (const name of ['PORT', 'SHINCHOKU_LANG', 'SLACK_BOT_TOKEN', 'REMINDER_TIME', 'SHINCHOKU_TIMEZONE']) expect(config.error.message).toContain(name);
    expect(config.error.message).not.toContain('secret-abc');
    expect(config.error.message.split('\n')).toHaveLength(1);
  });

  it('keeps the demo\'s database apart from the one a chat platform uses', () => {
    const chat = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(chat.ok && chat.value.DATABASE_URL).toBe('./data/shinchoku.db');
    const chosen = loadConfig({ DATABASE_URL: './data/mine.db' });
    expect(chosen.ok && chosen.value.DATABASE_URL).toBe('./data/mine.db');
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ PORT: '', REMINDER_LEAD_DAYS: ' ' });
    expect(config.ok && config.value.PORT).toBe(3000);
  });
});

describe('Slack modes', () => {
  const mode = (env: Record<string, string>) => {
    const config = loadConfig(env);
    if (!config.ok) throw new Error(config.error.message);
    return slackModeOf(config.value);
  };

  it('picks Socket Mode with an app token, HTTP with a signing secret, the shell with neither', () => {
    expect(mode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({ kind: 'socket', botToken: 'xoxb-1', appToken: 'xapp-1' });
    expect(mode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080' })).toEqual({ kind: 'http', botToken: 'xoxb-1', signingSecret: 's', port: 8080 });
    expect(mode({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }).kind).toBe('socket');
    expect(mode({})).toEqual({ kind: 'none' });
  });

  it('names what to set when a bot token has no way to receive commands, or the reverse', () => {
    const lonely = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(lonely.ok).toBe(false);
    if (!lonely.ok) expect(lonely.error.message).toMatch(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/u);
    const headless = loadConfig({ SLACK_SIGNING_SECRET: 's', PORT: 'x' });
    expect(headless.ok).toBe(false);
    if (!headless.ok) {
      expect(headless.error.message).toContain('SLACK_BOT_TOKEN');
      // Named together with every other bad setting.
      expect(headless.error.message).toContain('PORT');
    }
  });
});

describe('startTimeOf', () => {
  const at = (now: string, tz = 'Asia/Tokyo') => {
    const config = loadConfig({ SHINCHOKU_NOW: now, SHINCHOKU_TIMEZONE: tz });
    if (!config.ok) throw new Error(config.error.message);
    return startTimeOf(config.value)?.toISOString();
  };
  it('reads a time without an offset as wall-clock time in the plan’s zone', () => {
    expect(at('2020-06-01T09:30')).toBe('2020-06-01T00:30:00.000Z');
    expect(at('2020-06-01')).toBe('2020-05-31T15:00:00.000Z');
  });
  it('keeps an explicit offset', () => {
    expect(at('2020-06-01T09:30:00Z')).toBe('2020-06-01T09:30:00.000Z');
    expect(at('2020-06-01T09:30:00+09:00')).toBe('2020-06-01T00:30:00.000Z');
  });
});

describe('Teams settings', () => {
  const teams = { TEAMS_APP_ID: '00000000-0000-0000-0000-0000000000a1', TEAMS_APP_PASSWORD: 'secret-value', TEAMS_TENANT_ID: 'tenant-1' };

  it('selects Teams with the app id, secret and tenant; the URLs default to the cloud’s', async () => {
    const { teamsSettingsOf } = await import('../src/config.ts');
    const { teamsEndpointsOf } = await import('../src/adapters/teams/teams-endpoints.ts');
    const config = loadConfig({ ...teams, PORT: '3978' });
    if (!config.ok) throw new Error(config.error.message);
    const settings = teamsSettingsOf(config.value);
    expect(settings).toMatchObject({ appId: teams.TEAMS_APP_ID, tenantId: 'tenant-1', cloud: 'public', port: 3978 });
    const endpoints = teamsEndpointsOf(settings!);
    expect(endpoints).toMatchObject({
      serviceUrl: 'https://smba.trafficmanager.net/teams',
      tokenUrl: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token',
      graphUrl: 'https://graph.microsoft.com',
      botScope: 'https://api.botframework.com/.default',
    });
    expect(endpoints.cloud.openIdMetadataUrl).toBe('https://login.botframework.com/v1/.well-known/openidconfiguration');
    expect(slackModeOf(config.value)).toEqual({ kind: 'none' });

    const gov = loadConfig({ ...teams, TEAMS_CLOUD: 'usgov', TEAMS_LOGIN_URL: 'http://127.0.0.1:9000/' });
    if (!gov.ok) throw new Error(gov.error.message);
    const govEndpoints = teamsEndpointsOf(teamsSettingsOf(gov.value)!);
    expect(govEndpoints.tokenUrl).toBe('http://127.0.0.1:9000/tenant-1/oauth2/v2.0/token');
    expect(govEndpoints.botScope).toBe('https://api.botframework.us/.default');
    expect(govEndpoints.cloud.tokenIssuer).toBe('https://api.botframework.us');
  });

  it('refuses Slack and Teams together, and a half-configured Teams, naming the fix and never the secret', () => {
    const both = loadConfig({ ...teams, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(both.ok).toBe(false);
    if (!both.ok) {
      expect(both.error.message).toContain('SLACK_BOT_TOKEN');
      expect(both.error.message).toContain('TEAMS_APP_ID');
      expect(both.error.message).not.toContain('secret-value');
    }
    const half = loadConfig({ TEAMS_APP_ID: teams.TEAMS_APP_ID, SHINCHOKU_LANG: 'en' });
    expect(half.ok).toBe(false);
    if (!half.ok) expect(half.error.message).toMatch(/TEAMS_APP_PASSWORD, TEAMS_TENANT_ID/u);
    const headless = loadConfig({ TEAMS_APP_PASSWORD: 'secret-value', TEAMS_CLOUD: 'mars' });
    expect(headless.ok).toBe(false);
    if (!headless.ok) {
      expect(headless.error.message).toContain('TEAMS_APP_ID');
      expect(headless.error.message).toContain('TEAMS_CLOUD');
      expect(headless.error.message).not.toContain('secret-value');
    }
    const badUrl = loadConfig({ ...teams, TEAMS_GRAPH_URL: 'ftp://graph' });
    expect(badUrl.ok).toBe(false);
    if (!badUrl.ok) expect(badUrl.error.message).toContain('TEAMS_GRAPH_URL');
  });
});

describe('dashboard settings', () => {
  const SECRET = 'a'.repeat(31) + 'b';

  it('is off unless DASHBOARD_PORT is set; with it, the secret and the address', async () => {
    const { dashboardSettingsOf } = await import('../src/config.ts');
    const off = loadConfig({});
    if (!off.ok) throw new Error(off.error.message);
    expect(dashboardSettingsOf(off.value)).toBeNull();
    const on = loadConfig({ DASHBOARD_PORT: '8080', DASHBOARD_SECRET: SECRET, DASHBOARD_URL: 'https://dashboard.example.lg.jp' });
    if (!on.ok) throw new Error(on.error.message);
    expect(dashboardSettingsOf(on.value)).toEqual({ port: 8080, secret: SECRET, baseUrl: 'https://dashboard.example.lg.jp' });
  });

  it('names every missing or bad dashboard setting together, never the secret', () => {
    const bare = loadConfig({ DASHBOARD_PORT: '8080', SHINCHOKU_LANG: 'en' });
    expect(bare.ok).toBe(false);
    if (!bare.ok) {
      expect(bare.error.message).toContain('DASHBOARD_SECRET');
      expect(bare.error.message).toContain('DASHBOARD_URL');
    }
    const short = loadConfig({ DASHBOARD_PORT: '8080', DASHBOARD_SECRET: 'short-secret-value', DASHBOARD_URL: 'ftp://x' });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.error.problems.join('\n')).toMatch(/DASHBOARD_SECRET: 32文字以上/u);
      expect(short.error.message).toContain('DASHBOARD_URL');
      expect(short.error.message).not.toContain('short-secret-value');
    }
    const noPort = loadConfig({ DASHBOARD_SECRET: SECRET });
    expect(noPort.ok).toBe(false);
    if (!noPort.ok) expect(noPort.error.message).toContain('DASHBOARD_PORT');
  });
});
