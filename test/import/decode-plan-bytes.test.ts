import { describe, expect, it } from 'vitest';
import { decodePlanBytes } from '../../src/import/decode-plan-bytes.ts';

const PLAN_LINE = '令和2年度 第三次三重県行財政改革取組 ・次長級職員を対象とした研修(6月~1月)\n';
/** PLAN_LINE as Shift_JIS (CP932) bytes, as iconv -t CP932 writes them. */
const SJIS_START = Buffer.from([0x97, 0xdf, 0x98, 0x61, 0x32, 0x94, 0x4e, 0x93, 0x78]); // 令和2年度

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decodePlanBytes', () => {
  it('reads UTF-8, with and without a BOM', () => {
    expect(decodePlanBytes(Buffer.from(PLAN_LINE))).toEqual({ ok: true, text: PLAN_LINE, encoding: 'utf-8' });
    expect(decodePlanBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN_LINE)]))).toEqual({
      ok: true,
      text: PLAN_LINE,
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-16 in both byte orders when a BOM says which', () => {
    expect(decodePlanBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PLAN_LINE, 'utf16le')]))).toEqual({
      ok: true,
      text: PLAN_LINE,
      encoding: 'utf-16le',
    });
    expect(decodePlanBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(PLAN_LINE)]))).toEqual({ ok: true, text: PLAN_LINE, encoding: 'utf-16be' });
  });

  it('reads Shift_JIS (CP932), including NEC special characters such as ①', () => {
    const circledOne = Buffer.from([0x87, 0x40]); // ① in CP932, not in JIS X 0208
    const decoded = decodePlanBytes(Buffer.concat([SJIS_START, Buffer.from('\t'), circledOne, Buffer.from('\r\n')]));
    expect(decoded).toEqual({ ok: true, text: '令和2年度\t①\r\n', encoding: 'shift_jis' });
  });

  it('never reads Shift_JIS bytes as UTF-8 or the reverse', () => {
    expect(decodePlanBytes(SJIS_START)).toMatchObject({ encoding: 'shift_jis' });
    expect(decodePlanBytes(Buffer.from('令和2年度'))).toMatchObject({ encoding: 'utf-8' });
  });

  it('refuses binary content: a PNG header, NUL bytes, bytes that are text in no supported encoding', () => {
    expect(decodePlanBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toEqual({ ok: false, reason: 'binary' });
    expect(decodePlanBytes(Buffer.from('令和2年度\u0000\u0001'))).toEqual({ ok: false, reason: 'binary' });
    expect(decodePlanBytes(Buffer.from([0x82, 0xff, 0xfd, 0x80]))).toEqual({ ok: false, reason: 'binary' });
  });
});
