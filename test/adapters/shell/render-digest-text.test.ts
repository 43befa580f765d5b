import { describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../../src/adapters/calendar/japan-holidays.ts';
import { renderDigestText } from '../../../src/adapters/shell/render-digest-text.ts';
import { digestMessage } from '../../../src/app/digest-message.ts';
import { buildDigest } from '../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { syntheticHistory, syntheticPlan } from '../../fixtures/synthetic-plan.ts';

describe('renderDigestText', () => {
  const plan = syntheticPlan({ pillars: 12, initiatives: 12, items: 2, milestones: 2, divisions: 30 });
  const digest = buildDigest({
    plan,
    updates: syntheticHistory(plan),
    calendar: createJapaneseCalendar(),
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: 'Asia/Tokyo',
    date: '2020-09-07',
    previousDate: '2020-08-31',
  });

  it('prints every section with the catalogue\'s wording, each list cut at ten lines', () => {
    const text = renderDigestText(digestMessage(digest, { lang: 'ja', week: '2020-W37', late: true }));
    const lines = text.split('\n');
    expect(lines[0]).toBe('== 週次ダイジェスト 令和2年9月7日(月) · 2020-09-07');
    expect(lines).toContain('ボットが停止していたため、予定より遅れて送っています');
    for (const title of ['■ 前回以降に完了', '■ 新たに期限超過', '■ 期限超過が続いているもの', '■ 14 日以内に期限 0 件', '■ 7 日間リマインダーに回答がない担当課', '■ 柱・具体的取組ごとの進捗']) {
      expect(lines.some((line) => line.startsWith(title)), title).toBe(true);
    }
    const stillOverdue = lines.indexOf(lines.find((line) => line.startsWith('■ 期限超過が続いているもの'))!);
    // Ten entries of two lines each, then 「他 N 件」.
    expect(lines[stillOverdue + 21]).toBe(`  他 ${digest.stillOverdue.total - 10} 件。/plan status overdue で確認できます`);
    // Ten of the twelve pillars, ten of each one's twelve initiatives.
    expect(lines).toContain('  他 2 件。/plan status で確認できます');
    expect(lines.filter((line) => line === '    他 2 件。/plan status で確認できます')).toHaveLength(10);
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}▓*░* \d+% ／ 完了 \d+\/\d+ ／ 期限到来分 \d+\/\d+ ／ 超過 \d+$/));
  });

  it('names the previous digest only when there was one', () => {
    const after = renderDigestText(digestMessage(digest, { lang: 'ja', week: '2020-W37' }));
    expect(after).toContain('前回のダイジェスト (令和2年8月31日(月) · 2020-08-31) 以降の動きです');
    const first = renderDigestText(digestMessage({ ...digest, afterDigest: false }, { lang: 'ja', week: '2020-W37' }));
    expect(first).not.toContain('前回のダイジェスト');
    expect(first).toContain('過去7日間 (令和2年8月31日(月) · 2020-08-31 以降) の動きです');
    expect(renderDigestText(digestMessage({ ...digest, afterDigest: false }, { lang: 'en', week: '2020-W37' }))).toContain('last 7 days');
  });

  it('says "none" for an empty list', () => {
    const text = renderDigestText(digestMessage(digest, { lang: 'en', week: '2020-W37' }), { preview: true });
    expect(text).toContain('■ Due in the next 14 days: 0\n  None');
    expect(text).toContain('Preview only (not posted to the channel)');
  });
});
