import { describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import type { Schedule } from '../../src/domain/plan.ts';
import {
  checkpointsOf,
  describeSchedule,
  dueDateOf,
  fiscalMonth,
  fiscalYearMonths,
  fiscalYearOf,
  parseSchedule,
} from '../../src/domain/schedule.ts';

const calendar = createJapaneseCalendar();

describe('fiscal months', () => {
  it('puts April–December in the fiscal year and January–March in the next', () => {
    expect(fiscalMonth(4, 2020)).toBe('2020-04');
    expect(fiscalMonth(12, 2020)).toBe('2020-12');
    expect(fiscalMonth(1, 2020)).toBe('2021-01');
    expect(fiscalMonth(3, 2023)).toBe('2024-03');
    expect(() => fiscalMonth(13, 2020)).toThrow(RangeError);
    expect(() => fiscalMonth(0, 2020)).toThrow(RangeError);
  });

  it('tells which fiscal year a month or a date is in', () => {
    expect(fiscalYearOf('2020-04')).toBe(2020);
    expect(fiscalYearOf('2021-03')).toBe(2020);
    expect(fiscalYearOf('2021-03-31')).toBe(2020);
    expect(fiscalYearOf('2021-04-01')).toBe(2021);
    expect(fiscalYearOf('2020-06-02')).toBe(2020);
    expect(() => fiscalYearOf('2021-13')).toThrow(RangeError);
    for (const month of fiscalYearMonths(2023)) expect(fiscalYearOf(month)).toBe(2023);
  });

  it('lists April to March', () => {
    const months = fiscalYearMonths(2020);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2020-04');
    expect(months[8]).toBe('2020-12');
    expect(months[9]).toBe('2021-01');
    expect(months[11]).toBe('2021-03');
  });
});

describe('parseSchedule: the forms of SPEC §1.2', () => {
  const cases: [string, number, Schedule][] = [
    ['6月~1月', 2020, { kind: 'range', start: '2020-06', end: '2021-01' }],
    ['10 月~2月', 2020, { kind: 'range', start: '2020-10', end: '2021-02' }],
    ['4月~3月', 2020, { kind: 'range', start: '2020-04', end: '2021-03' }],
    ['1月~3月', 2020, { kind: 'range', start: '2021-01', end: '2021-03' }],
    ['6月~6月', 2020, { kind: 'range', start: '2020-06', end: '2020-06' }],
    ['6月~1月', 2023, { kind: 'range', start: '2023-06', end: '2024-01' }],
    ['5月', 2020, { kind: 'months', months: ['2020-05'] }],
    ['2月', 2020, { kind: 'months', months: ['2021-02'] }],
    ['5月', 2023, { kind: 'months', months: ['2023-05'] }],
    ['8月、1月', 2020, { kind: 'months', months: ['2020-08', '2021-01'] }],
    ['6月、9月、12月', 2020, { kind: 'months', months: ['2020-06', '2020-09', '2020-12'] }],
    ['6月,9月', 2020, { kind: 'months', months: ['2020-06', '2020-09'] }],
    ['1月、8月', 2020, { kind: 'months', months: ['2020-08', '2021-01'] }],
    ['9月、6月、9月', 2020, { kind: 'months', months: ['2020-06', '2020-09'] }],
    ['8月、1月', 2023, { kind: 'months', months: ['2023-08', '2024-01'] }],
    ['4月~', 2020, { kind: 'from', start: '2020-04' }],
    ['2月~', 2020, { kind: 'from', start: '2021-02' }],
    ['4月~', 2023, { kind: 'from', start: '2023-04' }],
    ['令和3年4月~', 2020, { kind: 'from', start: '2021-04' }],
    ['令和元年10月~', 2020, { kind: 'from', start: '2019-10' }],
    ['2021年4月~', 2020, { kind: 'from', start: '2021-04' }],
    ['令和3年1月~3月', 2020, { kind: 'range', start: '2021-01', end: '2021-03' }],
    ['令和2年10月~3月', 2020, { kind: 'range', start: '2020-10', end: '2021-03' }],
    ['令和3年2月~5月', 2020, { kind: 'range', start: '2021-02', end: '2021-05' }],
    ['6月~令和3年5月', 2020, { kind: 'range', start: '2020-06', end: '2021-05' }],
    ['令和3年1月、3月', 2020, { kind: 'months', months: ['2021-01', '2021-03'] }],
    ['12月、令和3年1月', 2020, { kind: 'months', months: ['2020-12', '2021-01'] }],
    ['通年', 2020, { kind: 'yearRound' }],
    ['随時', 2020, { kind: 'asNeeded' }],
    ['月1回', 2020, { kind: 'monthly' }],
    ['毎月', 2020, { kind: 'monthly' }],
    ['年3回', 2020, { kind: 'timesPerYear', times: 3 }],
    ['年1回', 2023, { kind: 'timesPerYear', times: 1 }],
  ];

  it.each(cases)('%s in FY%i', (text, fiscalYear, expected) => {
    expect(parseSchedule(text, fiscalYear)).toEqual(expected);
  });
});

describe('parseSchedule: spelling variants', () => {
  const range = { kind: 'range', start: '2020-06', end: '2021-01' };

  it.each(['6月~1月', '6月〜1月', '6月～1月', '6月-1月', '6月－1月', '6月‐1月', '6月ー1月', '6月−1月', '6月–1月'])(
    'reads %s as a range',
    (text) => {
      expect(parseSchedule(text, 2020)).toEqual(range);
    },
  );

  it('reads full-width digits and stray spaces', () => {
    expect(parseSchedule('６月～１月', 2020)).toEqual(range);
    expect(parseSchedule(' 6 月 ~ 1 月 ', 2020)).toEqual(range);
    expect(parseSchedule('１０月～２月', 2020)).toEqual({ kind: 'range', start: '2020-10', end: '2021-02' });
    expect(parseSchedule('年３回', 2020)).toEqual({ kind: 'timesPerYear', times: 3 });
    expect(parseSchedule('月１回', 2020)).toEqual({ kind: 'monthly' });
    expect(parseSchedule('令和３年４月〜', 2020)).toEqual({ kind: 'from', start: '2021-04' });
    expect(parseSchedule('６月，９月', 2020)).toEqual({ kind: 'months', months: ['2020-06', '2020-09'] });
    expect(parseSchedule('通 年', 2020)).toEqual({ kind: 'yearRound' });
  });
});

describe('parseSchedule: rejects', () => {
  it.each([
    '令和2年3月改定',
    '健康開発室',
    '主査級',
    '済在',
    '13月',
    '0月',
    '6月~13月',
    '案',
    '種別割',
    '現年度対策',
    '',
    '~',
    '6月~~1月',
    '6月~1月~3月',
    '8月、',
    '、8月',
    '6月末',
    '年0回',
    '3年4月~',
    '昭和60年4月~',
  ])('%s', (text) => {
    expect(parseSchedule(text, 2020)).toBeNull();
  });

  it('rejects a range that ends before it starts', () => {
    expect(parseSchedule('3月~4月', 2020)).toBeNull();
    expect(parseSchedule('令和3年4月~令和3年1月', 2020)).toBeNull();
  });
});

describe('checkpointsOf and due dates', () => {
  const dueDates = (text: string, fiscalYear: number) => {
    const schedule = parseSchedule(text, fiscalYear);
    if (!schedule) throw new Error(`did not parse: ${text}`);
    return checkpointsOf(schedule, fiscalYear).map(({ key, month }) => ({ key, due: dueDateOf(month, calendar) }));
  };

  it('range: one checkpoint at the end month', () => {
    // 2021-01-31 is a Sunday and 01-30 a Saturday.
    expect(dueDates('6月~1月', 2020)).toEqual([{ key: null, due: '2021-01-29' }]);
    expect(dueDates('6月~12月', 2020)).toEqual([{ key: null, due: '2020-12-28' }]);
    expect(dueDates('6月~1月', 2023)).toEqual([{ key: null, due: '2024-01-31' }]);
  });

  it('months: one keyed checkpoint per month', () => {
    expect(dueDates('5月', 2020)).toEqual([{ key: '2020-05', due: '2020-05-29' }]);
    expect(dueDates('8月、1月', 2020)).toEqual([
      { key: '2020-08', due: '2020-08-31' },
      { key: '2021-01', due: '2021-01-29' },
    ]);
    expect(dueDates('6月、9月、12月', 2020)).toEqual([
      { key: '2020-06', due: '2020-06-30' },
      { key: '2020-09', due: '2020-09-30' },
      { key: '2020-12', due: '2020-12-28' },
    ]);
  });

  it('yearRound and timesPerYear: one checkpoint at the fiscal year end', () => {
    expect(dueDates('通年', 2020)).toEqual([{ key: null, due: '2021-03-31' }]);
    expect(dueDates('年3回', 2020)).toEqual([{ key: null, due: '2021-03-31' }]);
    // 2024-03-31 is a Sunday.
    expect(dueDates('通年', 2023)).toEqual([{ key: null, due: '2024-03-29' }]);
  });

  it('monthly: twelve keyed checkpoints, April to March', () => {
    const checkpoints = dueDates('月1回', 2020);
    expect(checkpoints).toHaveLength(12);
    expect(checkpoints[0]).toEqual({ key: '2020-04', due: '2020-04-30' });
    expect(checkpoints[8]).toEqual({ key: '2020-12', due: '2020-12-28' });
    expect(checkpoints[9]).toEqual({ key: '2021-01', due: '2021-01-29' });
    expect(checkpoints[11]).toEqual({ key: '2021-03', due: '2021-03-31' });
  });

  it('from, asNeeded and unscheduled: no checkpoint', () => {
    expect(dueDates('4月~', 2020)).toEqual([]);
    expect(dueDates('令和3年4月~', 2020)).toEqual([]);
    expect(dueDates('随時', 2020)).toEqual([]);
    expect(checkpointsOf({ kind: 'unscheduled' }, 2020)).toEqual([]);
  });
});

describe('describeSchedule', () => {
  it.each<[Schedule, string]>([
    [{ kind: 'range', start: '2020-06', end: '2021-01' }, '2020-06~2021-01'],
    [{ kind: 'months', months: ['2020-08', '2021-01'] }, '2020-08,2021-01'],
    [{ kind: 'from', start: '2021-04' }, '2021-04~'],
    [{ kind: 'yearRound' }, 'yearRound'],
    [{ kind: 'asNeeded' }, 'asNeeded'],
    [{ kind: 'monthly' }, 'monthly'],
    [{ kind: 'timesPerYear', times: 3 }, 'timesPerYear:3'],
    [{ kind: 'unscheduled' }, 'unscheduled'],
  ])('%j → %s', (schedule, text) => {
    expect(describeSchedule(schedule)).toBe(text);
  });
});
