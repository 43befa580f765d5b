import { describe, expect, it } from 'vitest';
import { japaneseHolidays } from '../../../src/adapters/calendar/japan-holidays.ts';

describe('japaneseHolidays', () => {
  const isHoliday = japaneseHolidays();

  it('knows fixed, moved and substitute holidays', () => {
    expect(isHoliday('2021-01-01')).toBe(true);
    expect(isHoliday('2020-07-23')).toBe(true);
    expect(isHoliday('2020-07-24')).toBe(true);
    expect(isHoliday('2020-08-10')).toBe(true);
    expect(isHoliday('2020-05-06')).toBe(true);
  });

  it('does not shift days by time zone', () => {
    // A UTC/local mix-up would report the day before or after a holiday instead.
    expect(isHoliday('2020-07-22')).toBe(false);
    expect(isHoliday('2020-07-25')).toBe(false);
    expect(isHoliday('2020-12-31')).toBe(false);
    expect(isHoliday('2021-01-02')).toBe(false);
  });
});
