// Issue 13: which stored plan is "last year's" for a new plan, and which digests list its leftovers.
import { describe, expect, it } from 'vitest';
import { findPredecessor, showsCarryOver } from '../../src/domain/carry-over.ts';

const plan = (key: string, fiscalYear: number, title: string) => ({ key, fiscalYear, title });
const GYOKAKU_2019 = plan('gyokaku-2019', 2019, '令和元年度 行財政改革取組 年次計画');
const GYOKAKU_2020 = plan('fy2020', 2020, '令和2年度 行財政改革取組 年次計画');
const DX_2020 = plan('dx-2020', 2020, '2020年度 DX推進計画');

describe('findPredecessor', () => {
  it('follows the series by title with its fiscal year left out, the latest earlier year first', () => {
    const stored = [GYOKAKU_2019, DX_2020, GYOKAKU_2020];
    expect(findPredecessor(plan('fy2021', 2021, '令和３年度 行財政改革取組 年次計画'), stored)).toBe(GYOKAKU_2020);
    expect(findPredecessor(plan('dx-2021', 2021, '2021年度 DX推進計画'), stored)).toBe(DX_2020);
    expect(findPredecessor(plan('fy2020', 2020, '令和2年度 行財政改革取組 年次計画'), stored)).toBe(GYOKAKU_2019);
  });

  it('else by the key\'s stem, else the one plan of the year before when each year has one; never a guess among several', () => {
    expect(findPredecessor(plan('dx-2021', 2021, 'デジタル計画'), [DX_2020, GYOKAKU_2020])).toBe(DX_2020);
    expect(findPredecessor(plan('fy2021', 2021, '新しい表題'), [GYOKAKU_2020])).toBe(GYOKAKU_2020);
    expect(findPredecessor(plan('fy2021', 2021, '新しい表題'), [GYOKAKU_2020, DX_2020])).toBeNull();
    expect(findPredecessor(plan('kikaku-2021', 2021, '新しい表題'), [GYOKAKU_2020, plan('fy2021', 2021, '令和3年度 行財政改革取組 年次計画')])).toBeNull();
    expect(findPredecessor(plan('fy2020', 2020, '令和2年度 行財政改革取組 年次計画'), [GYOKAKU_2020])).toBeNull();
  });
});

describe('showsCarryOver', () => {
  it('in the plan\'s first digest whenever it comes, and in every digest until last year\'s period ends on April 30', () => {
    expect(showsCarryOver('2021-04-05', null, 2020)).toBe(true);
    expect(showsCarryOver('2021-04-26', '2021-04-19', 2020)).toBe(true);
    expect(showsCarryOver('2021-04-30', '2021-04-26', 2020)).toBe(true);
    expect(showsCarryOver('2021-05-03', '2021-04-26', 2020)).toBe(false);
    expect(showsCarryOver('2021-09-06', null, 2020)).toBe(true);
  });
});
