// The digest as an Adaptive Card: what the coordinator channel reads in
// Teams, within its 40 KB, for the bundled plan and a 10,000-milestone one.
import { beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../../../src/adapters/calendar/japan-holidays.ts';
import { outboxKeyOfCard } from '../../../../src/adapters/teams/cards/outbox-key.ts';
import { renderDigestCards } from '../../../../src/adapters/teams/cards/render-digest-card.ts';
import { digestMessage } from '../../../../src/app/digest-message.ts';
import { buildDigest, type Digest } from '../../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../../src/domain/reminder-policy.ts';
import { bundledPlan, exampleDirectory } from '../../../app/tick-world.ts';
import { syntheticHistory, syntheticPlan } from '../../../fixtures/synthetic-plan.ts';
import { checkCard, textsOf } from './check-card.ts';

const calendar = createJapaneseCalendar();

describe('renderDigestCards, the bundled plan', () => {
  let digest: Digest;
  beforeAll(async () => {
    digest = buildDigest({
      plan: await bundledPlan(),
      updates: [
        { id: 1, milestoneId: '6-2-1', checkpoint: '2020-04', status: 'done', actor: 'U1', via: 'slash', createdAt: '2020-09-01T01:00:00.000Z' },
        { id: 2, milestoneId: '6-2-2', status: 'delayed', actor: 'U1', via: 'slash', createdAt: '2020-09-01T01:00:00.000Z' },
      ],
      calendar,
      policy: DEFAULT_REMINDER_POLICY,
      timeZone: 'Asia/Tokyo',
      date: '2020-09-07',
      previousDate: '2020-08-31',
      directory: await exampleDirectory(),
    });
  });

  it('shows the date in both calendars, counts, progress, then the lists in the digest’s order', () => {
    const cards = renderDigestCards(digestMessage(digest, { lang: 'ja', week: '2020-W37' }), 'digest|2020-W37');
    expect(cards).toHaveLength(1);
    checkCard(cards[0]);
    const texts = textsOf(cards[0]);
    expect(texts[0]).toBe('週次ダイジェスト 令和2年9月7日(月) · 2020-09-07');
    expect(texts).toContain('未着手 76 ／ 順調 0 ／ 注意 0 ／ 遅延 1 ／ 完了 1 ／ 中止 0');
    expect(texts).toContain('░░░░░░░░░░ 期限到来分の完了 1 / 15 (6%)');
    const completed = texts.indexOf('前回以降に完了 1 件');
    expect(completed).toBeGreaterThan(0);
    expect(texts[completed + 1]).toBe('6-2-1 市町支援窓口の設置');
    const order = ['前回以降に完了', '新たに期限超過', '期限超過が続いている', '14 日以内に期限', '7 日間リマインダーに回答がない'].map((head) => texts.findIndex((t) => t.startsWith(head)));
    expect(order.every((index, i) => index > (order[i - 1] ?? -1))).toBe(true);
    expect(outboxKeyOfCard(JSON.stringify(cards[0]))).toBe('digest|2020-W37');
  });
});

describe('renderDigestCards, a 10,000-milestone plan', () => {
  let digest: Digest;
  beforeAll(() => {
    const plan = syntheticPlan({ pillars: 40, initiatives: 5, items: 10, milestones: 5, divisions: 60 });
    digest = buildDigest({ plan, updates: syntheticHistory(plan), calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: 'Asia/Tokyo', date: '2020-09-07', previousDate: '2020-08-31' });
  }, 60_000);

  for (const lang of ['ja', 'en'] as const) {
    it(`fits Teams’ 40 KB, counts what it cuts with the command for the rest, shows plan text literally (${lang})`, () => {
      const [card, ...more] = renderDigestCards(digestMessage(digest, { lang, week: '2020-W37', late: true }), 'digest|2020-W37');
      expect(more).toHaveLength(0);
      checkCard(card);
      const texts = textsOf(card);
      const overdue = lang === 'ja' ? /^他 \d+ 件。@shinchoku status overdue で確認できます$/u : /^\d+ more — run @shinchoku status overdue to see them$/u;
      expect(texts.filter((t) => overdue.test(t)).length).toBeGreaterThanOrEqual(2);
      // The 40 pillars that do not all fit are counted, never dropped silently.
      expect(texts.at(-1)).toMatch(lang === 'ja' ? /^他 \d+ 件。@shinchoku status で確認できます$/u : /^\d+ more — run @shinchoku status to see them$/u);
      // Hostile titles (`<!channel>`, `<@U…>`, links) arrive escaped, shown as typed.
      const raw = JSON.stringify(card);
      expect(raw).not.toMatch(/(?<!\\)<[!@a-z]/u);
      expect(texts.some((t) => t.includes('<!channel> &amp; <@U0BOSS>'))).toBe(true);
    });
  }
});
