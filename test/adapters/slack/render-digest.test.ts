// The digest as Block Kit: what the reform channel reads, and the limits
// Slack enforces, for the bundled plan and for a 10,000-milestone one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../../src/adapters/calendar/japan-holidays.ts';
import { BLOCK_KIT_LIMITS } from '../../../src/adapters/slack/block-kit-limits.ts';
import { renderDigest } from '../../../src/adapters/slack/render-digest.ts';
import { createSlackNotifier } from '../../../src/adapters/slack/slack-notifier.ts';
import { digestMessage } from '../../../src/app/digest-message.ts';
import type { DigestMessage } from '../../../src/app/ports.ts';
import { buildDigest, type Digest } from '../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { bundledPlan, exampleDirectory } from '../../app/tick-world.ts';
import { checkBlocks } from '../../fakes/fake-slack/check-blocks.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { HOSTILE, syntheticHistory, syntheticPlan } from '../../fixtures/synthetic-plan.ts';

const calendar = createJapaneseCalendar();

function texts(blocks: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') found.push(inner);
        else walk(inner);
      }
    }
  };
  walk(blocks);
  return found;
}

function sectionTexts(message: { blocks: readonly object[] }): string[] {
  return message.blocks.flatMap((b) => {
    const block = b as { type?: string; text?: { text?: string } };
    return block.type === 'section' && typeof block.text?.text === 'string' ? [block.text.text] : [];
  });
}

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi({ tokens: ['xoxb-test'] });
});
afterAll(async () => {
  await fake.stop();
});

async function post(body: DigestMessage, key: string) {
  return createSlackNotifier({ token: 'xoxb-test', slackApiUrl: fake.url }).send({ key, channel: 'C0REFORM01', body });
}

describe('renderDigest, the bundled plan', () => {
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

  it('heads the message with the date in both calendars, then counts and progress', () => {
    const { blocks, text } = renderDigest(digestMessage(digest, { lang: 'ja', week: '2020-W37' }));
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '週次ダイジェスト 令和2年9月7日(月) · 2020-09-07', emoji: false } });
    const sections = sectionTexts({ blocks });
    expect(sections[0]).toContain('未着手 76 ／ 順調 0 ／ 注意 0 ／ 遅延 1 ／ 完了 1 ／ 中止 0');
    // Due so far 15, done 1 → 6%, a bar of no full cell; of 78, 1%.
    expect(sections[1]).toBe('*進捗*\n`░░░░░░░░░░` 期限到来分の完了 1 / 15 (6%)\n`░░░░░░░░░░` 全体の完了 1 / 78 (1%)');
    expect(sections).toContainEqual(expect.stringMatching(/^\*前回以降に完了 1 件\*\n• \*6-2-1\* 市町支援窓口の設置\n/));
    expect(text).toBe('週次ダイジェスト 2020-09-07: 完了 1/78、期限超過 14 件');
    expect(checkBlocks(blocks)).toBeNull();
  });

  it('cuts a long list with 「他 N 件」 and the command that lists it all', () => {
    const { blocks } = renderDigest(digestMessage(digest, { lang: 'ja', week: '2020-W37' }));
    // 12 still overdue (14 − the two newly), 10 shown.
    expect(sectionTexts({ blocks })).toContainEqual(expect.stringMatching(/^\*期限超過が続いているもの 12 件\*\n[\s\S]*\n他 2 件。`\/plan status overdue` で確認できます$/));
  });

  it('draws a progress bar per pillar and lists its initiatives', () => {
    const { blocks } = renderDigest(digestMessage(digest, { lang: 'en', week: '2020-W37' }));
    const pillar = sectionTexts({ blocks }).find((s) => s.startsWith('*III '));
    // III: 30 units, 1 done → 3%; due so far 6, done 1, overdue 5.
    expect(pillar).toContain('`░░░░░░░░░░` 3% | done 1/30 | due so far 1/6 | overdue 5');
    expect(pillar).toContain('• 6 県財政の基盤強化と機動的かつ弾力的な行財政運営の確立  `░░░░░░░░░░` 3% | done 1/26');
  });

  it('says when it is late or posted by hand, and posts through the Slack notifier', async () => {
    const message = digestMessage(digest, { lang: 'ja', week: '2020-W37', late: true, manual: true });
    const context = renderDigest(message).blocks[1];
    expect(JSON.stringify(context)).toContain('予定より遅れて送っています');
    expect(JSON.stringify(context)).toContain('取りまとめ担当の操作で送信しました');
    expect(await post(message, 'digest|2020-W37')).toMatchObject({ ok: true });
    expect(fake.messages('C0REFORM01').at(-1)?.metadata).toEqual({ event_type: 'shinchoku_outbox', event_payload: { key: 'digest|2020-W37' } });
  });
});

describe('renderDigest, a 10,000-milestone plan', () => {
  let digest: Digest;
  beforeAll(() => {
    const plan = syntheticPlan({ pillars: 40, initiatives: 5, items: 10, milestones: 5, divisions: 60 });
    digest = buildDigest({ plan, updates: syntheticHistory(plan), calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: 'Asia/Tokyo', date: '2020-09-07', previousDate: '2020-08-31' });
  }, 60_000);

  it('has long lists to cut', () => {
    expect(digest.pillars.total).toBe(40);
    expect(digest.stillOverdue.total).toBeGreaterThan(1000);
    expect(digest.completed.total).toBeGreaterThan(20);
    expect(digest.silentDivisions.total).toBeGreaterThan(10);
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`stays within Block Kit's limits and escapes every plan text (${lang})`, async () => {
      const message = digestMessage(digest, { lang, week: '2020-W37', late: true });
      const rendered = renderDigest(message);
      expect(rendered.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
      expect(checkBlocks(rendered.blocks)).toBeNull();
      for (const text of sectionTexts(rendered)) expect(text.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.sectionText);
      for (const text of [...texts(rendered.blocks), rendered.text]) {
        expect(text).not.toMatch(/<[!@#]|<https?:/);
      }
      // The pillars that do not fit are counted, never dropped silently.
      const last = sectionTexts(rendered).at(-1);
      expect(last).toMatch(lang === 'ja' ? /^他 \d+ 件。`\/plan status` で確認できます$/ : /^\d+ more — run `\/plan status` to see them$/);
      expect(await post(message, `digest|2020-W37|${lang}`)).toMatchObject({ ok: true });
    });
  }

  it('keeps a message small whatever the plan', () => {
    const message = digestMessage(digest, { lang: 'ja', week: '2020-W37' });
    expect(JSON.stringify(message).length).toBeLessThan(300_000);
    expect(message.digest.stillOverdue.total).toBe(digest.stillOverdue.total);
    expect(HOSTILE).toContain('<!channel>');
  });
});
