import { describe, expect, it } from 'vitest';
import { loadConfig, reminderPolicyOf, slackModeOf, startTimeOf } from '../src/config.ts';

describe('loadConfig', () => {
  it('fills the documented defaults', () => {
    const config = loadConfig({});
    expect(config.ok && config.value).toMatchObject({
      DATABASE_URL: './data/shinchoku.db',
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
