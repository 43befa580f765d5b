// Commands named in what the bot shows are written the platform's way,
// decided once per platform: Slack keeps `/plan status`, Teams says
// `@shinchoku status` (src/i18n/command-prefix.ts). Plan or user text that
// happens to say `/plan` is left as it was typed.
import { beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../../../src/adapters/calendar/japan-holidays.ts';
import { renderDigest } from '../../../../src/adapters/slack/render-digest.ts';
import { renderReminder } from '../../../../src/adapters/slack/render-reminder.ts';
import { renderReply } from '../../../../src/adapters/slack/render-reply.ts';
import { renderDigestCards } from '../../../../src/adapters/teams/cards/render-digest-card.ts';
import { renderReminderCard } from '../../../../src/adapters/teams/cards/render-reminder-card.ts';
import { renderReplyCard } from '../../../../src/adapters/teams/cards/render-reply-card.ts';
import { digestMessage } from '../../../../src/app/digest-message.ts';
import type { Reply } from '../../../../src/app/commands/reply.ts';
import { buildDigest, type Digest } from '../../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../../src/domain/reminder-policy.ts';
import type { Lang } from '../../../../src/i18n/catalog.ts';
import { translatorFor } from '../../../../src/i18n/command-prefix.ts';
import { bundledPlan, exampleDirectory } from '../../../app/tick-world.ts';
import { manyLines, reminderMessage } from '../../../fakes/reminder-messages.ts';

const LANGS: Lang[] = ['ja', 'en'];
const REPLIES: Reply[] = [
  { kind: 'help', coordinator: true },
  { kind: 'help', coordinator: false },
  { kind: 'lang', lang: 'ja', changed: false } as Reply,
  { kind: 'problem', problem: { code: 'unknown_command', word: 'stauts', suggestions: ['status'] } } as Reply,
];

let digest: Digest;
beforeAll(async () => {
  digest = buildDigest({
    plan: await bundledPlan(),
    updates: [],
    calendar: createJapaneseCalendar(),
    policy: DEFAULT_REMINDER_POLICY,
    timeZone: 'Asia/Tokyo',
    date: '2020-09-07',
    previousDate: '2020-08-31',
    directory: await exampleDirectory(),
  });
});

describe('the command prefix, once per platform', () => {
  it('Teams replies (help, language, an unknown word) name `@shinchoku …`, never `/plan`; Slack’s keep `/plan`', () => {
    for (const lang of LANGS) {
      for (const reply of REPLIES) {
        const teams = JSON.stringify(renderReplyCard(reply, lang));
        const slack = JSON.stringify(renderReply(reply, lang));
        expect(teams, `${reply.kind} (${lang})`).not.toContain('/plan');
        expect(teams, `${reply.kind} (${lang})`).toContain('@shinchoku');
        expect(slack, `${reply.kind} (${lang})`).toContain('/plan');
        expect(slack, `${reply.kind} (${lang})`).not.toContain('@shinchoku');
      }
    }
  });

  it('the digest’s note and cut lists, and a reminder’s 「他 N 件」, name the Teams command on Teams and `/plan` on Slack', () => {
    for (const lang of LANGS) {
      const teamsDigest = JSON.stringify(renderDigestCards(digestMessage(digest, { lang, week: '2020-W37' }), 'digest|2020-W37'));
      expect(teamsDigest).not.toContain('/plan');
      expect(teamsDigest).toContain('@shinchoku status');
      expect(JSON.stringify(renderDigest(digestMessage(digest, { lang, week: '2020-W37' })))).toContain('/plan status');

      // More lines than a card holds: the rest are counted, with the command that lists them.
      const long = reminderMessage({ lang, lines: manyLines(400) });
      const card = JSON.stringify(renderReminderCard(long, 'reminders|2020-08-03|総務部人事課'));
      expect(card).not.toContain('/plan');
      expect(card).toMatch(/@shinchoku mine/u);
      expect(JSON.stringify(renderReminder(long))).toMatch(/\/plan mine/u);
    }
  });

  it('rewords only the catalogue’s own text: a parameter that says `/plan` is shown as typed', () => {
    const t = translatorFor('ja', '@shinchoku');
    expect(t('plan.problem.unknown_command', { word: '/plan' })).toBe('「/plan」というサブコマンドはありません。@shinchoku help で一覧を表示します');
    expect(translatorFor('ja')('plan.problem.unknown_command', { word: 'x' })).toContain('/plan help');
  });
});
