import { describe, expect, it } from 'vitest';
import { parseCardAction } from '../../../../src/adapters/teams/cards/card-action.ts';
import { outboxKeyOfCard } from '../../../../src/adapters/teams/cards/outbox-key.ts';
import { renderReminderCard } from '../../../../src/adapters/teams/cards/render-reminder-card.ts';
import { manyLines, reminderLine, reminderMessage } from '../../../fakes/reminder-messages.ts';
import { actionsOf, checkCard, textsOf } from './check-card.ts';

const KEY = 'reminder|2020-07-22|総務部人事課|1-1-2';

describe('renderReminderCard', () => {
  it('shows the division, the day in both calendars, and each line with due date, status and buttons', () => {
    const card = renderReminderCard(reminderMessage(), KEY);
    checkCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('年次計画のお知らせ: 総務部人事課');
    expect(texts).toContain('令和2年7月22日(水) · 2020-07-22 — 1 件');
    expect(texts).toContain('【期限前】1-1-2 次長級職員を対象とした指導力向上研修のプログラムの検討、実施');
    expect(texts).toContain('期限 令和2年7月31日(金) · 2020-07-31 ／ 状況 未着手');
    expect(actionsOf(card).map((a) => a.title)).toEqual(['完了', '順調', '注意', '遅延', 'コメント']);
  });

  it('puts the most urgent lines first', () => {
    const lines = [reminderLine({ kind: 'checkin', milestoneId: '1-1-1' }), reminderLine({ kind: 'escalation', milestoneId: '1-1-2' }), reminderLine({ kind: 'overdue', milestoneId: '1-1-3' })];
    const heads = textsOf(renderReminderCard(reminderMessage({ lines }), KEY)).filter((t) => t.startsWith('【'));
    expect(heads.map((h) => h.split(' ')[0])).toEqual(['【エスカレーション】1-1-2', '【期限超過】1-1-3', '【状況確認】1-1-1']);
  });

  it('gives each button the milestone, checkpoint, status, outbox key and plan it reports on', () => {
    const card = renderReminderCard(reminderMessage({ planKey: 'fy2020', lines: [reminderLine({ milestoneId: '6-2-10', checkpoint: '2020-08' })] }), KEY);
    const [done, , , delayed, comment] = actionsOf(card);
    expect(parseCardAction(done!.verb, done!.data)).toEqual({ ok: true, value: { kind: 'status', status: 'done', milestoneId: '6-2-10', checkpoint: '2020-08', outboxKey: KEY, plan: 'fy2020' } });
    expect(parseCardAction(delayed!.verb, delayed!.data)).toMatchObject({ ok: true, value: { status: 'delayed' } });
    expect(comment!.type).toBe('Action.Submit');
    expect(parseCardAction(comment!.data!['dialog_id'] as string, comment!.data)).toMatchObject({ ok: true, value: { kind: 'comment_open', milestoneId: '6-2-10', plan: 'fy2020' } });
  });

  it('a reminder enqueued before reminders named their plan gets buttons for the default plan', () => {
    const [done] = actionsOf(renderReminderCard(reminderMessage(), KEY));
    expect(done!.data).not.toHaveProperty('p');
    expect(parseCardAction(done!.verb, done!.data)).toMatchObject({ ok: true, value: { plan: null } });
  });

  it('carries the outbox key where the Graph lookup finds it in the stored JSON', () => {
    const card = renderReminderCard(reminderMessage(), KEY);
    expect(outboxKeyOfCard(JSON.stringify(card))).toBe(KEY);
    expect(outboxKeyOfCard('{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"x"}]}')).toBeNull();
    expect(outboxKeyOfCard('not json')).toBeNull();
  });

  it('says why a message came to the coordinators and that it was missed while offline', () => {
    const texts = textsOf(renderReminderCard(reminderMessage({ unmapped: true, missed: true }), KEY));
    expect(texts.join('\n')).toContain('チャンネルが設定されていない');
    expect(texts.join('\n')).toContain('ボットが停止していた間');
  });

  it('stamps a reported line for everyone: who, when, the new status; 完了 takes the buttons away', () => {
    const lines = [reminderLine({ milestoneId: '1-1-1' }), reminderLine({ milestoneId: '1-1-2' })];
    const at = { date: '2020-07-22', time: '10:03' } as const;
    const card = renderReminderCard(reminderMessage({ lines }), KEY, [
      { milestoneId: '1-1-1', checkpoint: null, status: 'at_risk', actor: '山田 花子', via: 'teams', at, comment: '資料待ち' },
      { milestoneId: '1-1-2', checkpoint: null, status: 'done', actor: '佐藤 一郎', via: 'teams', at, comment: null },
    ]);
    checkCard(card);
    const texts = textsOf(card);
    expect(texts).toContain('✓ 注意 — 山田 花子 が記録 (令和2年7月22日(水) · 2020-07-22 10:03、Teams)');
    expect(texts).toContain('コメント: 資料待ち');
    expect(texts).toContain('✓ 完了 — 佐藤 一郎 が記録 (令和2年7月22日(水) · 2020-07-22 10:03、Teams)');
    // The first line keeps its five buttons; the closed one has none.
    expect(actionsOf(card)).toHaveLength(5);
    expect(outboxKeyOfCard(JSON.stringify(card))).toBe(KEY);
  });

  it('stays within 40 KB, counting what it leaves out and naming the command for it', () => {
    const message = reminderMessage({ lines: manyLines(300) });
    const card = renderReminderCard(message, KEY);
    checkCard(card);
    const texts = textsOf(card);
    const shownLines = texts.filter((t) => t.startsWith('【')).length;
    expect(shownLines).toBeGreaterThan(10);
    expect(shownLines).toBeLessThan(300);
    expect(texts.at(-1)).toBe(`他 ${300 - shownLines} 件。@shinchoku mine で確認できます`);
  });

  it('shows plan text literally: no markdown, link, mention or HTML from a title or division', () => {
    const hostile = ['**x**', '[a](http://x)', '<at>all</at>', '<script>', '&lt;', '_x_', '# h', '- x', '1. x'];
    const lines = hostile.map((title, i) => reminderLine({ milestoneId: `1-1-${i}`, title }));
    const card = renderReminderCard(reminderMessage({ lines, division: '<at>General</at>' }), KEY);
    checkCard(card);
    const raw = JSON.stringify(card);
    expect(raw).not.toMatch(/(?<!\\)<at>/u);
    expect(raw).not.toMatch(/(?<![\\*])\*\*x/u);
    const texts = textsOf(card);
    for (const [i, title] of hostile.entries()) expect(texts).toContain(`【期限前】1-1-${i} ${title}`);
    expect(texts[0]).toBe('年次計画のお知らせ: <at>General</at>');
  });

  it('speaks English to an English division', () => {
    const texts = textsOf(renderReminderCard(reminderMessage({ lang: 'en' }), KEY));
    expect(texts[0]).toBe('Plan reminders: 総務部人事課');
    expect(actionsOf(renderReminderCard(reminderMessage({ lang: 'en' }), KEY)).map((a) => a.title)).toEqual(['Done', 'On track', 'At risk', 'Delayed', 'Comment']);
  });
});
