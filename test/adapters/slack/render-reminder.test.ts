import { describe, expect, it } from 'vitest';
import type { types } from '@slack/bolt';
import { renderReminder } from '../../../src/adapters/slack/render-reminder.ts';
import { checkBlocks } from '../../fakes/fake-slack/check-blocks.ts';
import { manyLines, reminderLine, reminderMessage } from '../../fakes/reminder-messages.ts';

function sections(blocks: types.KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
}

function actions(blocks: types.KnownBlock[]): types.ActionsBlock[] {
  return blocks.filter((b): b is types.ActionsBlock => b.type === 'actions');
}

/** Every text a reader can see, mrkdwn and plain. */
function allText(blocks: types.KnownBlock[]): string {
  return JSON.stringify(blocks.map((b) => ('text' in b ? b.text : 'elements' in b && b.type === 'context' ? b.elements : null)));
}

describe('renderReminder', () => {
  it('shows each line in Japanese: id, title, kind, due date in both calendars, status', () => {
    const { blocks } = renderReminder(reminderMessage());
    const [header] = blocks;
    expect(header).toMatchObject({ type: 'header', text: { type: 'plain_text', text: '年次計画のお知らせ: 総務部人事課' } });
    expect(allText(blocks)).toContain('令和2年7月22日(水) · 2020-07-22');
    expect(sections(blocks)).toContainEqual(
      '*【期限前】1-1-2* 次長級職員を対象とした指導力向上研修のプログラムの検討、実施\n期限 令和2年7月31日(金) · 2020-07-31 ／ 状況 未着手',
    );
  });

  it('names every kind of reminder', () => {
    const kinds = ['kickoff', 'lead', 'due', 'overdue', 'escalation', 'checkin'] as const;
    const { blocks } = renderReminder(reminderMessage({ lines: kinds.map((kind, i) => reminderLine({ kind, milestoneId: `1-1-${i}` })) }));
    const text = sections(blocks).join('\n');
    for (const word of ['【着手】', '【期限前】', '【本日期限】', '【期限超過】', '【エスカレーション】', '【状況確認】']) expect(text).toContain(word);
  });

  it('shows days overdue, the checkpoint month and, for escalations, the owner', () => {
    const line = reminderLine({ kind: 'escalation', checkpoint: '2020-08', due: '2020-08-31', status: 'delayed', daysOverdue: 5, owner: '出納局出納総務課' });
    const text = sections(renderReminder(reminderMessage({ lines: [line] })).blocks).join('\n');
    expect(text).toContain('期限 令和2年8月31日(月) · 2020-08-31 ／ 令和2年8月分 ／ 状況 遅延 ／ 5 営業日超過 ／ 担当 出納局出納総務課');
  });

  it('leaves out the due date of an ongoing milestone rather than inventing one', () => {
    const text = sections(renderReminder(reminderMessage({ lines: [reminderLine({ kind: 'checkin', due: null, status: 'on_track' })] })).blocks).join('\n');
    expect(text).toContain('【状況確認】1-1-2');
    expect(text).not.toContain('期限 ');
    expect(text).toContain('状況 順調');
  });

  it('escapes plan text so that <!channel> in a title never pings', () => {
    const line = reminderLine({ title: '<!channel> 研修 & 説明会 <https://evil.example|こちら>' });
    const rendered = renderReminder(reminderMessage({ lines: [line] }));
    expect(sections(rendered.blocks).join('\n')).toContain('&lt;!channel&gt; 研修 &amp; 説明会 &lt;https://evil.example|こちら&gt;');
    expect(JSON.stringify(rendered)).not.toContain('<!channel>');
    expect(JSON.stringify(rendered)).not.toContain('<https://');
  });

  it('escapes a hostile division name in every mrkdwn text and the notification text', () => {
    const rendered = renderReminder(reminderMessage({ division: '<!here>課', unmapped: true }));
    const mrkdwn = JSON.stringify(rendered.blocks.filter((b) => b.type !== 'header'));
    expect(mrkdwn).not.toContain('<!here>');
    expect(mrkdwn).toContain('&lt;!here&gt;課');
    expect(rendered.text).not.toContain('<!here>');
  });

  it('puts the status buttons and コメント under each line, with the milestone and checkpoint in their value', () => {
    const lines = [reminderLine({ milestoneId: '1-1-2' }), reminderLine({ milestoneId: '6-2-3', checkpoint: '2020-08', due: '2020-08-31' })];
    const [first, second] = actions(renderReminder(reminderMessage({ lines })).blocks);
    expect(first?.elements.map((e) => ('action_id' in e ? e.action_id : null))).toEqual([
      'status_done',
      'status_on_track',
      'status_at_risk',
      'status_delayed',
      'comment_open',
    ]);
    expect(first?.elements.map((e) => (e.type === 'button' ? e.text.text : null))).toEqual(['完了', '順調', '注意', '遅延', 'コメント']);
    expect(first?.elements.map((e) => (e.type === 'button' ? JSON.parse(e.value ?? '') : null))).toEqual(Array(5).fill({ m: '1-1-2', c: null }));
    expect(second?.elements.map((e) => (e.type === 'button' ? e.value : null))).toEqual(Array(5).fill('{"m":"6-2-3","c":"2020-08"}'));
    expect(first?.block_id).not.toBe(second?.block_id);
  });

  it('puts the most urgent lines first and keeps the given order within a kind', () => {
    const lines = [
      reminderLine({ kind: 'checkin', milestoneId: 'c' }),
      reminderLine({ kind: 'lead', milestoneId: 'l1' }),
      reminderLine({ kind: 'overdue', milestoneId: 'o' }),
      reminderLine({ kind: 'lead', milestoneId: 'l2' }),
      reminderLine({ kind: 'escalation', milestoneId: 'e' }),
    ];
    const values = actions(renderReminder(reminderMessage({ lines })).blocks).map((a) => (a.elements[0]?.type === 'button' ? JSON.parse(a.elements[0].value ?? '').m : null));
    expect(values).toEqual(['e', 'o', 'l1', 'l2', 'c']);
  });

  it('keeps 300 lines within Block Kit limits and counts the rest as 他 N 件 with /plan mine', () => {
    const { blocks, text } = renderReminder(reminderMessage({ lines: manyLines(300) }));
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(checkBlocks(blocks)).toBeNull();
    for (const section of sections(blocks)) expect(section.length).toBeLessThanOrEqual(3000);
    const shown = actions(blocks).length;
    expect(shown).toBeGreaterThan(15);
    expect(sections(blocks).at(-1)).toBe(`他 ${300 - shown} 件。\`/plan mine\` で確認できます`);
    expect(text).toContain('(300 件)');
  });

  it('uses every block it may: 50 blocks exactly when the lines overflow', () => {
    expect(renderReminder(reminderMessage({ lines: manyLines(300) })).blocks).toHaveLength(50);
    expect(renderReminder(reminderMessage({ lines: manyLines(300), unmapped: true, missed: true })).blocks).toHaveLength(50);
  });

  it('shows every line, with no 他 N 件, when they fit', () => {
    // header, context, divider: 47 blocks left, 23 lines of two blocks.
    const { blocks } = renderReminder(reminderMessage({ lines: manyLines(23) }));
    expect(actions(blocks)).toHaveLength(23);
    expect(sections(blocks).join('\n')).not.toContain('他 ');
    const overflowing = renderReminder(reminderMessage({ lines: manyLines(24) })).blocks;
    expect(actions(overflowing)).toHaveLength(23);
    expect(sections(overflowing).at(-1)).toContain('他 1 件');
  });

  it('keeps a section under 3,000 characters even for a title that escaping makes five times longer', () => {
    const line = reminderLine({ title: '&'.repeat(5000), milestoneId: '&'.repeat(200), owner: '&'.repeat(500), daysOverdue: 12, checkpoint: '2020-12', originalDate: '2020-12-01' });
    const { blocks } = renderReminder(reminderMessage({ lines: [line], division: '&'.repeat(1000), unmapped: true, missed: true }));
    expect(checkBlocks(blocks)).toBeNull();
    for (const section of sections(blocks)) expect(section.length).toBeLessThanOrEqual(3000);
  });

  it('says why an unmapped division lands in the coordinator channel, and points the overflow at that division', () => {
    const { blocks } = renderReminder(reminderMessage({ unmapped: true, lines: manyLines(40) }));
    expect(sections(blocks)).toContain('担当課 総務部人事課 にチャンネルが設定されていないため、取りまとめチャンネルに送っています');
    expect(sections(blocks).at(-1)).toContain('`/plan status 総務部人事課`');
  });

  it('points an overflow of escalations at the overdue list', () => {
    const lines = manyLines(40).map((line) => ({ ...line, kind: 'escalation' as const, owner: '総務部人事課', daysOverdue: 6 }));
    const { blocks } = renderReminder(reminderMessage({ division: '総務部行財政改革推進課', lines }));
    expect(sections(blocks).at(-1)).toContain('`/plan status overdue`');
  });

  it('marks a missed-while-offline message and gives each line the day it was meant for', () => {
    const lines = [reminderLine({ originalDate: '2020-07-20' }), reminderLine({ kind: 'due', milestoneId: '2-1-1', originalDate: '2020-07-21', due: '2020-07-21' })];
    const { blocks } = renderReminder(reminderMessage({ missed: true, lines }));
    const text = sections(blocks);
    expect(text).toContain('ボットが停止していた間に送れなかったお知らせを、まとめて送ります(各行に本来の送信日があります)');
    expect(text.join('\n')).toContain('本来の送信日 令和2年7月20日(月) · 2020-07-20');
    expect(text.join('\n')).toContain('本来の送信日 令和2年7月21日(火) · 2020-07-21');
  });

  it('speaks English when the message says so', () => {
    const line = reminderLine({ checkpoint: '2020-08', status: 'at_risk' });
    const { blocks, text } = renderReminder(reminderMessage({ lang: 'en', lines: [line, ...manyLines(30)] }));
    expect(blocks[0]).toMatchObject({ text: { text: 'Plan reminders: 総務部人事課' } });
    expect(sections(blocks)).toContainEqual(
      '*[Coming up] 1-1-2* 次長級職員を対象とした指導力向上研修のプログラムの検討、実施\ndue Fri 31 Jul 2020 (Reiwa 2) · 2020-07-31 | for August 2020 | status: At risk',
    );
    const [buttons] = actions(blocks);
    expect(buttons?.elements.map((e) => (e.type === 'button' ? e.text.text : null))).toEqual(['Done', 'On track', 'At risk', 'Delayed', 'Comment']);
    expect(sections(blocks).at(-1)).toMatch(/^\d+ more — run `\/plan mine` to see them$/u);
    expect(text).toMatch(/^Plan reminders: 総務部人事課 \(31\)/u);
  });

  it('gives a plain notification text that names the first lines', () => {
    const lines = [reminderLine(), reminderLine({ kind: 'overdue', milestoneId: '2-1-1' })];
    expect(renderReminder(reminderMessage({ lines })).text).toBe('年次計画のお知らせ: 総務部人事課 (2 件) 2-1-1 期限超過, 1-1-2 期限前');
  });
});
