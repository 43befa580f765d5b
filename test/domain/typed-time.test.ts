import { describe, expect, it } from 'vitest';
import { instantOfTypedTime, parseTypedDate, parseTypedTime } from '../../src/domain/typed-time.ts';

const at = (text: string, zone = 'Asia/Tokyo') => {
  const typed = parseTypedTime(text);
  return typed ? instantOfTypedTime(typed, zone).toISOString() : null;
};

describe('dates and times as people type them', () => {
  it('reads ISO 8601 with or without seconds and offset, T or a space; a time without offset is the plan zone’s wall clock', () => {
    expect(at('2020-07-22T09:30')).toBe('2020-07-22T00:30:00.000Z');
    expect(at('2020-07-22 09:30:15')).toBe('2020-07-22T00:30:15.000Z');
    expect(at('2020-07-22T9:30')).toBe('2020-07-22T00:30:00.000Z');
    expect(at('2020-07-22T09:30+09:00')).toBe('2020-07-22T00:30:00.000Z');
    expect(at('2020-07-22T09:30+0900')).toBe('2020-07-22T00:30:00.000Z');
    expect(at('2020-07-22T00:30Z')).toBe('2020-07-22T00:30:00.000Z');
    expect(at('2020-07-22T09:30-03:00')).toBe('2020-07-22T12:30:00.000Z');
    expect(at('2020-07-22')).toBe('2020-07-21T15:00:00.000Z');
    expect(at('２０２０－０７－２２Ｔ０９：３０')).toBe('2020-07-22T00:30:00.000Z');
    // The zone decides only when the text gives no offset.
    expect(at('2020-07-22T09:30', 'Europe/London')).toBe('2020-07-22T08:30:00.000Z');
    expect(at('2020-07-22T09:30Z', 'Europe/London')).toBe('2020-07-22T09:30:00.000Z');
  });

  it('refuses what names no moment: impossible days and hours, words, an offset on a bare date, offsets beyond ±14 h', () => {
    for (const text of ['2021-02-29', '2020-07-22T24:00', '2020-07-22T09:60', 'next tuesday', '2020/07/22 9:30:00:00', '2020-07-22+09:00', '2020-07-22T09:30+15:00', '', '20200722']) {
      expect(parseTypedTime(text), text).toBeNull();
    }
  });

  it('reads a day as people type it: ISO, slashes, dots, 年月日, full-width digits; impossible days refused', () => {
    for (const text of ['2020-09-30', '2020/9/30', '2020/09/30', '2020.9.30', '2020年9月30日', '２０２０年９月３０日', '2020年9月30', ' 2020-9-30 ']) {
      expect(parseTypedDate(text), text).toBe('2020-09-30');
    }
    for (const text of ['2021-02-29', '2020年2月30日', '2020-13-01', '9/30', '令和2年9月30日', '2020年9月30日現在', '']) {
      expect(parseTypedDate(text), text).toBeNull();
    }
  });
});
