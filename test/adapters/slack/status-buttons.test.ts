import { describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue, statusOfAction } from '../../../src/adapters/slack/status-buttons.ts';

describe('status button values', () => {
  it('round-trip the milestone, checkpoint and plan', () => {
    for (const target of [
      { milestoneId: '1-1-2', checkpoint: null, plan: null },
      { milestoneId: '6-2-12', checkpoint: '2021-01', plan: 'fy2020' },
      { milestoneId: '6-2-12', checkpoint: null, plan: 'gyokaku-2021' },
    ]) {
      expect(decodeButtonValue(encodeButtonValue(target))).toEqual(target);
    }
    expect(encodeButtonValue({ milestoneId: '1-1-2', checkpoint: '2020-08', plan: 'fy2020' })).toBe('{"m":"1-1-2","c":"2020-08","p":"fy2020"}');
  });

  it('read a value posted before buttons named their plan as the default plan', () => {
    expect(decodeButtonValue('{"m":"1-1-2","c":"2020-08"}')).toEqual({ milestoneId: '1-1-2', checkpoint: '2020-08', plan: null });
  });

  it('stay far under Slack\'s 2,000 characters with the longest plan key', () => {
    const value = encodeButtonValue({ milestoneId: '10-20-300', checkpoint: '2021-03', plan: `a${'b'.repeat(31)}` });
    expect(value.length).toBeLessThan(100);
  });

  it('refuse values that are not ours', () => {
    for (const value of ['', 'done', '[]', 'null', '{"m":""}', '{"m":"1-1-2"}', '{"m":"1-1-2","c":"2020-13"}', '{"m":3,"c":null}', '{"m":"1-1-2","c":null,"p":""}', '{"m":"1-1-2","c":null,"p":"FY/2020"}', '{"m":"1-1-2","c":null,"p":7}']) {
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
