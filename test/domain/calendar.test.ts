import { describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import { createBusinessCalendar, DEFAULT_CLOSURE } from '../../src/domain/calendar.ts';

const japan = createJapaneseCalendar();
const noHolidays = () => false;

describe('business days in Japan, FY2020', () => {
  it('skips the 2020 Olympic holiday moves', () => {
    expect(japan.isBusinessDay('2020-07-23')).toBe(false);
    expect(japan.isBusinessDay('2020-07-24')).toBe(false);
    expect(japan.isBusinessDay('2020-08-10')).toBe(false);
    expect(japan.previousBusinessDay('2020-07-24')).toBe('2020-07-22');
    expect(japan.onOrBefore('2020-07-24')).toBe('2020-07-22');
    expect(japan.nextBusinessDay('2020-07-22')).toBe('2020-07-27');
    expect(japan.nextBusinessDay('2020-08-07')).toBe('2020-08-11');
  });

  it('skips weekends', () => {
    expect(japan.isBusinessDay('2020-06-06')).toBe(false);
    expect(japan.isBusinessDay('2020-06-07')).toBe(false);
    expect(japan.isBusinessDay('2020-06-08')).toBe(true);
    expect(japan.onOrBefore('2020-06-08')).toBe('2020-06-08');
    expect(japan.onOrBefore('2020-06-07')).toBe('2020-06-05');
  });

  it('applies the 12/29–1/3 closure across the year boundary', () => {
    expect(japan.lastBusinessDay('2020-12')).toBe('2020-12-28');
    expect(japan.firstBusinessDay('2021-01')).toBe('2021-01-04');
    expect(japan.nextBusinessDay('2020-12-28')).toBe('2021-01-04');
    // 2022-01-03 is a Monday and no national holiday: only the closure makes it a day off.
    expect(japan.isBusinessDay('2022-01-03')).toBe(false);
    expect(japan.firstBusinessDay('2022-01')).toBe('2022-01-04');
  });

  it('handles Golden Week', () => {
    expect(japan.firstBusinessDay('2020-05')).toBe('2020-05-01');
    expect(japan.nextBusinessDay('2020-05-01')).toBe('2020-05-07');
  });

  it('finds month ends', () => {
    expect(japan.lastBusinessDay('2021-03')).toBe('2021-03-31');
    expect(japan.lastBusinessDay('2021-01')).toBe('2021-01-29');
    expect(japan.lastBusinessDay('2020-05')).toBe('2020-05-29');
    expect(japan.firstBusinessDay('2020-08')).toBe('2020-08-03');
  });

  it('steps whole business days over weekends and holidays', () => {
    expect(japan.businessDaysBefore('2020-07-27', 1)).toBe('2020-07-22');
    expect(japan.businessDaysBefore('2020-07-27', 3)).toBe('2020-07-20');
    expect(japan.businessDaysBefore('2020-08-11', 1)).toBe('2020-08-07');
    expect(japan.businessDaysBefore('2020-06-10', 0)).toBe('2020-06-10');
    expect(japan.businessDaysAfter('2020-12-25', 1)).toBe('2020-12-28');
    expect(japan.businessDaysAfter('2020-12-25', 2)).toBe('2021-01-04');
    expect(japan.businessDaysAfter('2020-07-21', 2)).toBe('2020-07-27');
    expect(() => japan.businessDaysBefore('2020-06-10', -1)).toThrow(RangeError);
  });

  it('counts business days in (a, b]', () => {
    expect(japan.countBusinessDaysBetween('2020-12-25', '2021-01-04')).toBe(2);
    expect(japan.countBusinessDaysBetween('2020-07-22', '2020-07-27')).toBe(1);
    expect(japan.countBusinessDaysBetween('2020-06-01', '2020-06-01')).toBe(0);
    expect(japan.countBusinessDaysBetween('2020-06-05', '2020-06-12')).toBe(5);
    expect(japan.countBusinessDaysBetween('2020-06-12', '2020-06-05')).toBe(-5);
  });

  it('rejects malformed dates', () => {
    expect(() => japan.isBusinessDay('2020-02-30')).toThrow(RangeError);
  });
});

describe('createBusinessCalendar options', () => {
  it('defaults to the 行政機関の休日 closure', () => {
    expect(DEFAULT_CLOSURE).toEqual({ from: '12-29', to: '01-03' });
    const calendar = createBusinessCalendar({ isHoliday: noHolidays });
    expect(calendar.isBusinessDay('2020-12-29')).toBe(false);
    expect(calendar.isBusinessDay('2021-01-01')).toBe(false);
    expect(calendar.isBusinessDay('2020-12-28')).toBe(true);
  });

  it('uses the injected holiday table', () => {
    const calendar = createBusinessCalendar({ isHoliday: (d) => d === '2020-06-10' });
    expect(calendar.isBusinessDay('2020-06-10')).toBe(false);
    expect(calendar.previousBusinessDay('2020-06-11')).toBe('2020-06-09');
  });

  it('accepts a custom closure inside one year', () => {
    const calendar = createBusinessCalendar({ isHoliday: noHolidays, closure: { from: '08-13', to: '08-16' } });
    expect(calendar.isBusinessDay('2020-08-12')).toBe(true);
    expect(calendar.isBusinessDay('2020-08-13')).toBe(false);
    expect(calendar.isBusinessDay('2020-08-14')).toBe(false);
    expect(calendar.nextBusinessDay('2020-08-12')).toBe('2020-08-17');
    // The default year-end closure is replaced, not added to.
    expect(calendar.isBusinessDay('2020-12-29')).toBe(true);
  });

  it('accepts a custom closure that wraps over New Year', () => {
    const calendar = createBusinessCalendar({ isHoliday: noHolidays, closure: { from: '12-26', to: '01-05' } });
    expect(calendar.lastBusinessDay('2020-12')).toBe('2020-12-25');
    expect(calendar.firstBusinessDay('2021-01')).toBe('2021-01-06');
  });

  it('can turn the closure off', () => {
    const calendar = createBusinessCalendar({ isHoliday: noHolidays, closure: null });
    expect(calendar.lastBusinessDay('2020-12')).toBe('2020-12-31');
  });

  it('rejects a malformed closure', () => {
    expect(() => createBusinessCalendar({ isHoliday: noHolidays, closure: { from: '12/29', to: '01-03' } })).toThrow(RangeError);
    expect(() => createBusinessCalendar({ isHoliday: noHolidays, closure: { from: '12-29', to: '13-01' } })).toThrow(RangeError);
  });

  it('throws instead of looping when the holiday table leaves no business day', () => {
    const broken = createBusinessCalendar({ isHoliday: () => true });
    expect(() => broken.nextBusinessDay('2020-06-01')).toThrow(/holiday table/);
    expect(() => broken.onOrBefore('2020-06-01')).toThrow(/holiday table/);
    expect(() => broken.businessDaysAfter('2020-06-01', 2)).toThrow(/holiday table/);
  });

  it('throws when a month has no business day rather than answer with another month', () => {
    const calendar = createBusinessCalendar({ isHoliday: (d) => d.startsWith('2020-06') });
    expect(() => calendar.firstBusinessDay('2020-06')).toThrow(/no business day in 2020-06/);
    expect(() => calendar.lastBusinessDay('2020-06')).toThrow(/no business day in 2020-06/);
  });
});
