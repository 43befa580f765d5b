import { describe, expect, it } from 'vitest';
import {
  isClosed,
  isStatusCode,
  parseStatusWord,
  STATUS_ALIASES,
  STATUS_CODES,
  statusLabel,
  type StatusCode,
} from '../../src/domain/status.ts';

describe('status codes', () => {
  it('lists the six codes of SPEC §1.4', () => {
    expect(STATUS_CODES).toEqual(['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'cancelled']);
  });

  it('labels every code in both languages', () => {
    const ja = STATUS_CODES.map((code) => statusLabel(code, 'ja'));
    const en = STATUS_CODES.map((code) => statusLabel(code, 'en'));
    expect(ja).toEqual(['未着手', '順調', '注意', '遅延', '完了', '中止']);
    expect(en).toEqual(['Not started', 'On track', 'At risk', 'Delayed', 'Done', 'Cancelled']);
  });

  it('closes only done and cancelled', () => {
    expect(STATUS_CODES.filter(isClosed)).toEqual(['done', 'cancelled']);
  });

  it('narrows unknown values', () => {
    expect(isStatusCode('delayed')).toBe(true);
    expect(isStatusCode('Delayed')).toBe(false);
    expect(isStatusCode(3)).toBe(false);
  });
});

describe('parseStatusWord', () => {
  it('reads every code and both labels back', () => {
    for (const code of STATUS_CODES) {
      expect(parseStatusWord(code)).toBe(code);
      expect(parseStatusWord(statusLabel(code, 'ja'))).toBe(code);
      expect(parseStatusWord(statusLabel(code, 'en'))).toBe(code);
    }
  });

  it.each<[string, StatusCode]>([
    ['DONE', 'done'],
    ['On Track', 'on_track'],
    ['on-track', 'on_track'],
    ['  not started ', 'not_started'],
    ['ＤＯＮＥ', 'done'],
    ['ok', 'on_track'],
    ['OK', 'on_track'],
    ['risk', 'at_risk'],
    ['late', 'delayed'],
    ['complete', 'done'],
    ['completed', 'done'],
    ['canceled', 'cancelled'],
    ['済', 'done'],
    ['済み', 'done'],
  ])('%s → %s', (word, code) => {
    expect(parseStatusWord(word)).toBe(code);
  });

  it.each(['', 'finished?', 'doing', '進行中', 'on', 'track', '完了済み'])('rejects %j', (word) => {
    expect(parseStatusWord(word)).toBeNull();
  });

  it('maps every alias to a real code', () => {
    for (const code of Object.values(STATUS_ALIASES)) expect(STATUS_CODES).toContain(code);
  });
});
