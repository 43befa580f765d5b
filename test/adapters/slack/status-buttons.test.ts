import { describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue, statusOfAction } from '../../../src/adapters/slack/status-buttons.ts';

describe('status button values', () => {
  it('round-trip the milestone and checkpoint', () => {
    for (const target of [
      { milestoneId: '1-1-2', checkpoint: null },
      { milestoneId: '6-2-12', checkpoint: '2021-01' },
    ]) {
      expect(decodeButtonValue(encodeButtonValue(target))).toEqual(target);
    }
    expect(encodeButtonValue({ milestoneId: '1-1-2', checkpoint: '2020-08' })).toBe('{"m":"1-1-2","c":"2020-08"}');
  });

  it('refuse values that are not ours', () => {
    for (const value of ['', 'done', '[]', 'null', '{"m":""}', '{"m":"1-1-2"}', '{"m":"1-1-2","c":"2020-13"}', '{"m":3,"c":null}']) {
      expect(decodeButtonValue(value)).toBeNull();
    }
  });
});

describe('statusOfAction', () => {
  it('maps each status button to its status and nothing else', () => {
    expect(statusOfAction('status_done')).toBe('done');
    expect(statusOfAction('status_on_track')).toBe('on_track');
    expect(statusOfAction('status_at_risk')).toBe('at_risk');
    expect(statusOfAction('status_delayed')).toBe('delayed');
    expect(statusOfAction('comment_open')).toBeNull();
  });
});
