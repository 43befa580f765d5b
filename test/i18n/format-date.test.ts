import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '../../src/i18n/format-date.ts';

describe('formatDate', () => {
  it('writes the era date with its weekday, then the ISO date', () => {
    expect(formatDate('2020-07-31', 'ja')).toBe('令和2年7月31日(金) · 2020-07-31');
    expect(formatDate('2021-01-04', 'ja')).toBe('令和3年1月4日(月) · 2021-01-04');
  });

  it('writes year 1 of an era as 元年 and switches era on the right day', () => {
    expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日(火) · 2019-04-30');
    expect(formatDate('2019-05-01', 'ja')).toBe('令和元年5月1日(水) · 2019-05-01');
  });

  it('does not depend on the host time zone', () => {
    // A date built at local midnight east of UTC would slip to the day before.
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(formatDate('2020-09-07', 'ja')).toBe('令和2年9月7日(月) · 2020-09-07');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('keeps both calendars in English', () => {
    expect(formatDate('2020-07-31', 'en')).toBe('Fri 31 Jul 2020 (Reiwa 2) · 2020-07-31');
  });

  it('refuses a date that does not exist', () => {
    expect(() => formatDate('2021-02-29', 'ja')).toThrow(RangeError);
  });
});

describe('formatMonth', () => {
  it('names a checkpoint month in the era calendar, or in English', () => {
    expect(formatMonth('2020-08', 'ja')).toBe('令和2年8月');
    expect(formatMonth('2021-03', 'en')).toBe('March 2021');
  });
});
