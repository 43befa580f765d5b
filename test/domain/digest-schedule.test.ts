import { describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { digestDayOfWeek, parseDigestCron } from '../../src/domain/digest-schedule.ts';
import { isoWeekday, isoWeekKey, startOfIsoWeek } from '../../src/domain/iso-week.ts';

const calendar = createJapaneseCalendar();

describe('ISO weeks', () => {
  it('keys a week by the year of its Thursday', () => {
    expect(isoWeekKey('2020-09-14')).toBe('2020-W38');
    expect(isoWeekKey('2020-09-20')).toBe('2020-W38');
    expect(isoWeekKey('2020-09-21')).toBe('2020-W39');
    // 2020 has 53 weeks; 2021-01-01 (Friday) belongs to its last one, 2019-12-30 (Monday) to 2020's first.
    expect(isoWeekKey('2021-01-01')).toBe('2020-W53');
    expect(isoWeekKey('2021-01-04')).toBe('2021-W01');
    expect(isoWeekKey('2019-12-30')).toBe('2020-W01');
    expect(isoWeekKey('2020-04-06')).toBe('2020-W15');
  });

  it('counts weekdays from Monday', () => {
    expect(isoWeekday('2020-09-21')).toBe(1);
    expect(isoWeekday('2020-09-27')).toBe(7);
    expect(startOfIsoWeek('2020-09-27')).toBe('2020-09-21');
  });
});

describe('parseDigestCron', () => {
  it('reads MINUTE HOUR * * WEEKDAY', () => {
    expect(parseDigestCron('0 9 * * 1')).toEqual({ ok: true, value: { weekday: 1, time: '09:00' } });
    expect(parseDigestCron(' 30  8 * * fri ')).toEqual({ ok: true, value: { weekday: 5, time: '08:30' } });
    expect(parseDigestCron('0 9 * * 0')).toEqual({ ok: true, value: { weekday: 7, time: '09:00' } });
  });

  it('refuses what a weekly digest cannot follow, and says what to write', () => {
    for (const bad of ['0 9 * *', '0 9 1 * 1', '0 9 * * 1-5', '*/5 9 * * 1', '0 25 * * 1', '0 9 * * MONDAY']) {
      const parsed = parseDigestCron(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toContain('0 9 * * 1');
    }
  });
});

describe('digestDayOfWeek', () => {
  it('is the Monday, or the first business day after it in the same week', () => {
    expect(digestDayOfWeek('2020-09-10', 1, calendar)).toBe('2020-09-07');
    // 9/21 敬老の日 and 9/22 秋分の日.
    expect(digestDayOfWeek('2020-09-25', 1, calendar)).toBe('2020-09-23');
    // Golden Week: 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日.
    expect(digestDayOfWeek('2020-05-04', 1, calendar)).toBe('2020-05-07');
    // 2021-01-11 成人の日.
    expect(digestDayOfWeek('2021-01-11', 1, calendar)).toBe('2021-01-12');
  });

  it('never moves into the next week', () => {
    // A Friday digest on a holiday Friday (2020-07-24, スポーツの日) has no business day left that week.
    expect(digestDayOfWeek('2020-07-20', 5, calendar)).toBeNull();
    expect(digestDayOfWeek('2020-07-20', 4, calendar)).toBeNull();
    expect(digestDayOfWeek('2020-07-20', 3, calendar)).toBe('2020-07-22');
  });
});
