import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareLocalDates,
  dayOfWeek,
  daysBetween,
  firstDayOfMonth,
  isValidLocalDate,
  isValidYearMonth,
  lastDayOfMonth,
  monthOf,
  toYearMonth,
} from '../../src/domain/local-date.ts';

describe('isValidLocalDate', () => {
  it('accepts real days', () => {
    for (const d of ['2020-01-01', '2020-02-29', '2021-12-31', '0001-01-01']) expect(isValidLocalDate(d)).toBe(true);
  });

  it('rejects malformed text and days that do not exist', () => {
    for (const d of ['2021-02-29', '2020-04-31', '2020-13-01', '2020-00-10', '2020-01-00', '2020-1-1', '20200101', '2020-01-01T00:00', '']) {
      expect(isValidLocalDate(d), d).toBe(false);
    }
  });
});

describe('isValidYearMonth', () => {
  it('accepts YYYY-MM with a month 01–12 only', () => {
    expect(isValidYearMonth('2020-06')).toBe(true);
    expect(isValidYearMonth('2020-12')).toBe(true);
    for (const ym of ['2020-13', '2020-00', '2020-6', '2020-06-01', '']) expect(isValidYearMonth(ym), ym).toBe(false);
  });
});

describe('toYearMonth', () => {
  it('pads and validates', () => {
    expect(toYearMonth(2021, 1)).toBe('2021-01');
    expect(() => toYearMonth(2021, 13)).toThrow(RangeError);
    expect(() => toYearMonth(2021, 0)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-06-15', 0)).toBe('2020-06-15');
    expect(addDays('2020-01-01', 366)).toBe('2021-01-01');
  });

  it('is not shifted by daylight saving in the host zone', () => {
    // Europe and the US change clocks on these days; a local-time implementation would drift.
    expect(addDays('2021-03-27', 1)).toBe('2021-03-28');
    expect(addDays('2021-03-14', 1)).toBe('2021-03-15');
    expect(addDays('2021-10-31', 1)).toBe('2021-11-01');
  });

  it('throws on malformed input', () => {
    expect(() => addDays('2021-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2021-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it('counts from Sunday = 0', () => {
    expect(dayOfWeek('2021-01-31')).toBe(0);
    expect(dayOfWeek('2020-06-01')).toBe(1);
    expect(dayOfWeek('2021-01-30')).toBe(6);
  });
});

describe('months', () => {
  it('monthOf takes the month of a date', () => {
    expect(monthOf('2021-01-29')).toBe('2021-01');
    expect(() => monthOf('2021-01')).toThrow(RangeError);
  });

  it('addMonths crosses years both ways', () => {
    expect(addMonths('2020-04', 11)).toBe('2021-03');
    expect(addMonths('2021-01', -1)).toBe('2020-12');
    expect(addMonths('2020-12', 1)).toBe('2021-01');
    expect(addMonths('2020-06', -18)).toBe('2018-12');
    expect(addMonths('2020-06', 0)).toBe('2020-06');
  });

  it('first and last day of a month know month lengths and leap years', () => {
    expect(firstDayOfMonth('2020-02')).toBe('2020-02-01');
    expect(lastDayOfMonth('2020-02')).toBe('2020-02-29');
    expect(lastDayOfMonth('2021-02')).toBe('2021-02-28');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2020-04')).toBe('2020-04-30');
    expect(lastDayOfMonth('2020-12')).toBe('2020-12-31');
  });
});

describe('comparing', () => {
  it('compareLocalDates sorts dates', () => {
    expect(compareLocalDates('2020-12-31', '2021-01-01')).toBeLessThan(0);
    expect(compareLocalDates('2021-01-01', '2021-01-01')).toBe(0);
    expect(compareLocalDates('2021-01-02', '2021-01-01')).toBeGreaterThan(0);
    expect(['2021-01-02', '2020-12-31', '2021-01-01'].sort(compareLocalDates)).toEqual(['2020-12-31', '2021-01-01', '2021-01-02']);
  });

  it('daysBetween is signed and inverts addDays', () => {
    expect(daysBetween('2020-04-01', '2021-04-01')).toBe(365);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2021-01-04', '2020-12-28')).toBe(-7);
    expect(addDays('2020-06-10', daysBetween('2020-06-10', '2021-03-31'))).toBe('2021-03-31');
  });
});
