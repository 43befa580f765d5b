import { describe, expect, it } from 'vitest';
import { loadConfig, reminderPolicyOf, startTimeOf } from '../src/config.ts';

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
