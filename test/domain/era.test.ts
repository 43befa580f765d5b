import { describe, expect, it } from 'vitest';
import { eraToGregorian, findFiscalYear, parseFiscalYear, parseJapaneseYear } from '../../src/domain/era.ts';

describe('eraToGregorian', () => {
  it('converts 令和 and 平成 years', () => {
    expect(eraToGregorian('令和', 2)).toBe(2020);
    expect(eraToGregorian('令和', 1)).toBe(2019);
    expect(eraToGregorian('平成', 31)).toBe(2019);
    expect(eraToGregorian('平成', 1)).toBe(1989);
  });

  it('reads 元 and digit strings, full-width included', () => {
    expect(eraToGregorian('令和', '元')).toBe(2019);
    expect(eraToGregorian('令和', '３')).toBe(2021);
    expect(eraToGregorian('令和', '5')).toBe(2023);
  });

  it('rejects unknown eras and non-positive years', () => {
    expect(eraToGregorian('昭和', 60)).toBeNull();
    expect(eraToGregorian('令和', 0)).toBeNull();
    expect(eraToGregorian('令和', 1.5)).toBeNull();
    expect(eraToGregorian('令和', '二')).toBeNull();
  });
});

describe('parseJapaneseYear', () => {
  it('reads era and Gregorian calendar years', () => {
    expect(parseJapaneseYear('令和3年')).toBe(2021);
    expect(parseJapaneseYear('令和元年')).toBe(2019);
    expect(parseJapaneseYear('２０２１年')).toBe(2021);
    expect(parseJapaneseYear('令 和 3 年')).toBe(2021);
  });

  it('rejects anything else', () => {
    for (const text of ['3年', '令和3年度', '令和3', '21年', '令和年']) expect(parseJapaneseYear(text), text).toBeNull();
  });
});

describe('parseFiscalYear', () => {
  it('reads era and Gregorian fiscal years', () => {
    expect(parseFiscalYear('令和2年度')).toBe(2020);
    expect(parseFiscalYear('平成31年度')).toBe(2019);
    expect(parseFiscalYear('令和元年度')).toBe(2019);
    expect(parseFiscalYear('2020年度')).toBe(2020);
  });

  it('tolerates full-width digits and spaces', () => {
    expect(parseFiscalYear('令和２年度')).toBe(2020);
    expect(parseFiscalYear('令 和 2 年 度')).toBe(2020);
    expect(parseFiscalYear('　２０２３年度 ')).toBe(2023);
  });

  it('rejects era-less short years and other text', () => {
    for (const text of ['2年度', '令和2年', '2020', '令和2年度計画', '年度', '']) expect(parseFiscalYear(text), text).toBeNull();
  });
});

describe('findFiscalYear', () => {
  it('finds the fiscal year in a plan title', () => {
    expect(findFiscalYear('令和2年度「第三次三重県行財政改革取組」具体的取組 年次計画(案)')).toBe(2020);
    expect(findFiscalYear('2023年度 年次計画')).toBe(2023);
  });

  it('ignores relative column headings such as 2年度', () => {
    expect(findFiscalYear('2年度順次実施 3年度 4年度 5年度')).toBeNull();
  });
});
