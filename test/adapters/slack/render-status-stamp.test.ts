import { describe, expect, it } from 'vitest';
import { stampMessage, type Stamp } from '../../../src/adapters/slack/render-status-stamp.ts';
import { formatMonth } from '../../../src/i18n/format-date.ts';

const BLOCKS = [
  { type: 'section', block_id: 's1', text: { type: 'mrkdwn', text: '6-2-8 …' } },
  { type: 'actions', block_id: 'a1', elements: [] },
];
const STAMP: Stamp = { status: 'on_track', actor: 'U0JINJI01', via: 'button', at: { date: '2020-07-22', time: '10:03' }, comment: null };

const stampText = (blocks: unknown[] | null) => JSON.stringify(blocks?.[2]);

describe('the stamp on a reminder line', () => {
  it('names the month recorded when the click named none and the milestone has several (issue 12 §4)', () => {
    const picked = stampMessage(BLOCKS, 'a1', { ...STAMP, pickedMonth: '2020-09' }, 'ja');
    expect(stampText(picked)).toContain(`${formatMonth('2020-09', 'ja')}分に記録`);
    expect(stampText(stampMessage(BLOCKS, 'a1', { ...STAMP, pickedMonth: '2020-09' }, 'en'))).toContain(`Recorded for ${formatMonth('2020-09', 'en')}`);
  });

  it('says nothing about a month when the line named its own', () => {
    expect(stampText(stampMessage(BLOCKS, 'a1', STAMP, 'ja'))).not.toContain('分に記録');
    expect(stampText(stampMessage(BLOCKS, 'a1', STAMP, 'ja'))).toContain('順調');
  });
});
