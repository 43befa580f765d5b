import { describe, expect, it } from 'vitest';
import { instantAt, localDateOf, wallClock } from '../../src/domain/zoned-time.ts';

describe('localDateOf', () => {
  it('turns the day at midnight in Tokyo, nine hours before UTC does', () => {
    expect(localDateOf('2020-07-21T14:59:59.999Z', 'Asia/Tokyo')).toBe('2020-07-21');
    expect(localDateOf('2020-07-21T15:00:00.000Z', 'Asia/Tokyo')).toBe('2020-07-22');
    expect(localDateOf('2020-12-31T15:00:00.000Z', 'Asia/Tokyo')).toBe('2021-01-01');
  });

  it('agrees with Intl on every quarter hour around daylight-saving switches', () => {
    // New York springs forward on 2021-03-14 and falls back on 2021-11-07; Lord Howe moves by 30 minutes.
    for (const [zone, day] of [
      ['America/New_York', '2021-03-14'],
      ['America/New_York', '2021-11-07'],
      ['Australia/Lord_Howe', '2021-04-04'],
      ['Europe/Berlin', '2021-03-28'],
    ] as const) {
      const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 15 * 60_000) {
        const iso = new Date(ms).toISOString();
        // sv-SE writes `2021-03-14 01:45`.
        const [date, time] = intl.format(new Date(ms)).split(' ');
        expect(wallClock(new Date(ms), zone), `${zone} ${iso}`).toEqual({ date, time });
        expect(localDateOf(iso, zone), `${zone} ${iso}`).toBe(date);
      }
    }
  });

  it('reads back the instant instantAt made', () => {
    const at = instantAt('2020-09-07', '00:00', 'Asia/Tokyo');
    expect(at.toISOString()).toBe('2020-09-06T15:00:00.000Z');
    expect(localDateOf(at.toISOString(), 'Asia/Tokyo')).toBe('2020-09-07');
    expect(localDateOf(new Date(at.getTime() - 1).toISOString(), 'Asia/Tokyo')).toBe('2020-09-06');
  });
});
