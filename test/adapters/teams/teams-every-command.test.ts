// Issue 14: every `/plan` sub-command on Teams, by its Japanese alias and its
// English word, typed in the personal chat and as an @mention in a channel,
// through the real Teams SDK over signed HTTP. Each answer card is read as a
// person reads it and checked for the catalogue's words in the language the
// person gets: SHINCHOKU_LANG, or the one they chose with `lang`.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type Lang, type MessageKey, type Params } from '../../../src/i18n/catalog.ts';
import { teamsTranslator } from '../../../src/adapters/teams/cards/teams-command.ts';
import { guidFrom } from '../../fakes/fake-teams/index.ts';
import { cardText, COORDINATOR, GENERAL, JINJI_CHANNEL, REFORM, startTeamsBot, until, ZEISHU_CHANNEL, type TeamsBotWorld } from './teams-bot.ts';

/** What the card shows once Teams has rendered it: our markdown escapes and bold marks gone. */
function shown(activity: Record<string, unknown>): string {
  return cardText(activity)
    .replace(/\*\*/gu, '')
    .replace(/\\([\\`*_[\]<>~&!|#+=\-.)])/gu, '$1');
}

const SLOT = '\u0001';
/** The fixed words of a catalogue message (its parameters left out), each of which the answer must show. */
function wordsOf(lang: Lang, key: MessageKey, params: Params = {}): string[] {
  const filled = Object.fromEntries(Object.keys(params).map((name) => [name, SLOT]));
  // As the Teams adapter words the catalogue: commands written `@shinchoku …`.
  return teamsTranslator(lang)(key, { ...filled, ...Object.fromEntries(Object.entries(params).filter(([, v]) => v !== SLOT)) })
    .split(SLOT)
    .map((part) => part.trim())
    .filter((part) => part.length >= 2);
}

/** A slot: the parameter's value is not checked. */
const ANY = SLOT;

interface Case {
  /** What the Japanese user types, and the English words for the same. */
  ja: string;
  en: string;
  /** The catalogue messages the answer shows (parameters marked ANY are not checked). */
  shows: [MessageKey, Params?][];
  /** Language-free text the answer shows too (ids, titles). */
  also?: string[];
  /** Answered in the asker's personal chat even when asked in a channel. */
  personal?: boolean;
  /** Means something else in a channel: asked in the personal chat only. */
  chatOnly?: boolean;
}

// 6-2-10 is 総務部税収確保課's 個人住民税に関する課題検討会の開催; the date is 2020-07-22.
const CASES: Case[] = [
  // The help's title names the command the Teams way (checked in expectAnswer).
  { ja: 'ヘルプ', en: 'help', shows: [], also: ['@shinchoku status'] },
  { ja: '状況', en: 'status', shows: [['plan.overview.title', { title: ANY }], ['plan.overview.asOf', { date: ANY, total: ANY }]] },
  { ja: '状況 6-2-10', en: 'status 6-2-10', shows: [['plan.detail.schedule', { text: ANY }]], also: ['6-2-10', '個人住民税に関する課題検討会の開催'] },
  { ja: '状況 総務部税収確保課', en: 'status 総務部税収確保課', shows: [['plan.list.division', { division: '総務部税収確保課' }]] },
  { ja: '状況 遅延中', en: 'status overdue', shows: [['plan.list.overdue']] },
  { ja: '状況 今後', en: 'status upcoming', shows: [['plan.list.upcoming', { days: ANY }]] },
  { ja: '遅延中', en: 'overdue', shows: [['plan.list.overdue']] },
  { ja: '今後', en: 'upcoming', shows: [['plan.list.upcoming', { days: ANY }]] },
  { ja: '担当', en: 'mine', shows: [['plan.list.mine']], personal: true },
  { ja: '更新 6-2-10 順調 検討会の日程を調整中', en: 'update 6-2-10 on_track 検討会の日程を調整中', shows: [['plan.updated.status', { id: '6-2-10', status: ANY, previous: ANY }], ['plan.updated.comment', { comment: '検討会の日程を調整中' }]] },
  { ja: '期限 6-2-10 2021-02 会場の都合', en: 'due 6-2-10 2021-02 会場の都合', shows: [['plan.updated.due', { id: '6-2-10', month: ANY, date: ANY }]] },
  { ja: '履歴 6-2-10', en: 'history 6-2-10', shows: [['plan.history.title', { id: '6-2-10' }]], also: ['検討会の日程を調整中'] },
  // Another plan by fiscal year (issue 13): the plan is named; a year no plan has lists the plans there are.
  { ja: '状況 6-2-10 2020年度', en: 'status 6-2-10 --year 2020', shows: [['plans.chat.addressed', { year: 2020, key: 'fy2020', title: ANY, over: 0, end: ANY }]], also: ['6-2-10'] },
  { ja: '状況 令和元年度', en: 'status --year 2019', shows: [['plans.chat.unknownPlan', { asked: ANY }], ['plans.chat.storedPlans', { list: ANY }]], also: ['fy2020'], personal: true },
  { ja: 'ダイジェスト', en: 'digest', shows: [['digest.header', { date: ANY }]] },
  { ja: 'ダイジェスト 投稿', en: 'digest post', shows: [['plan.digest.posted', { channel: ANY, week: ANY }]] },
  // In a channel, `owner 課名` alone maps the division to that channel (teams-install.test.ts): asked in the personal chat only.
  { ja: '担当課 総務部税収確保課', en: 'owner 総務部税収確保課', shows: [['plan.owner.shown', { division: '総務部税収確保課' }], ['plan.owner.channel', { channel: ZEISHU_CHANNEL }]], chatOnly: true },
  {
    ja: `担当課 総務部税収確保課 #${ZEISHU_CHANNEL}`,
    en: `owner 総務部税収確保課 ${ZEISHU_CHANNEL}`,
    shows: [['plan.owner.changed', { division: '総務部税収確保課' }], ['plan.owner.channel', { channel: ZEISHU_CHANNEL }]],
  },
  { ja: '言語', en: 'lang', shows: [['plan.lang.current']], personal: true },
];

const IN_CHANNEL = CASES.filter((c) => !c.chatOnly);

const HELP_TITLE = (lang: Lang) => teamsTranslator(lang)('plan.help.title');

let world: TeamsBotWorld;
/**
 * One person asks about a hundred questions here, one after the other, in
 * one chat: far more than Teams lets a bot answer in one conversation within
 * 30 s (60). What is tested is each answer's words, so the fake lifts its limits.
 */
const NO_LIMITS = { conversationLimits: [] };

/** Answers the bot gave in a conversation: a personal chat's messages, or a channel's thread replies (not the day's reminders). */
function answersIn(conversationId: string): string[] {
  return world.fake
    .activitiesIn(conversationId)
    .filter((stored) => conversationId.startsWith('a:') || stored.replyToId !== null)
    .map((stored) => shown(stored.activity));
}

/**
 * Sends `text` from the coordinator (personal chat, or as an @mention in
 * the reform office's channel) and returns the one answer it gets, from
 * where it is expected.
 */
async function ask(text: string, where: 'personal' | 'channel', personalAnswer: boolean): Promise<string> {
  const chat = world.fake.personalChat(COORDINATOR).id;
  const answerIn = where === 'personal' || personalAnswer ? chat : REFORM;
  const before = answersIn(answerIn).length;
  const otherBefore = answersIn(answerIn === chat ? REFORM : chat).length;
  const activity =
    where === 'personal' ? world.fake.activities.message({ from: COORDINATOR, text }) : world.fake.activities.message({ from: COORDINATOR, teamId: GENERAL, channelId: REFORM, text, mention: true });
  const { status } = await world.fake.sendActivity(world.url, activity);
  expect(status, text).toBe(200);
  await until(() => answersIn(answerIn).length > before, 30_000).catch(() => {
    const elsewhere = answersIn(answerIn === chat ? REFORM : chat).slice(otherBefore);
    throw new Error(`no answer to "${text}" in ${answerIn}; elsewhere: ${JSON.stringify(elsewhere)}`);
  });
  const answers = answersIn(answerIn);
  expect(answers, `${text}: one answer`).toHaveLength(before + 1);
  // Nothing went to the other place (a channel, or the personal chat).
  expect(answersIn(answerIn === chat ? REFORM : chat), `${text}: nothing elsewhere`).toHaveLength(otherBefore);
  return answers.at(-1)!;
}

function expectAnswer(answer: string, c: Case, lang: Lang, typed: string): void {
  if (c.en === 'help') expect(answer, typed).toContain(HELP_TITLE(lang));
  for (const [key, params] of c.shows) {
    for (const words of wordsOf(lang, key, params)) expect(answer, `${typed} → ${key} (${lang})`).toContain(words);
  }
  for (const words of c.also ?? []) expect(answer, typed).toContain(words);
  // Never the other language's words for the same answer.
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  for (const [key, params] of c.shows) {
    for (const words of wordsOf(other, key, params)) if (!wordsOf(lang, key, params).includes(words)) expect(answer, `${typed}: not ${other}`).not.toContain(words);
  }
  expect(answer, typed).not.toMatch(/\bat \S+\.ts:\d+|Error:/u);
  // Teams has no slash commands: every command an answer names is written `@shinchoku …`.
  expect(answer, `${typed}: names /plan`).not.toContain('/plan');
}

describe('every command on Teams, SHINCHOKU_LANG=ja', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    world = await startTeamsBot({}, NO_LIMITS);
  }, 60_000);
  afterAll(async () => {
    await world.stop();
  }, 30_000);

  it('answers each Japanese alias in the personal chat in Japanese', async () => {
    for (const c of CASES) expectAnswer(await ask(c.ja, 'personal', c.personal ?? false), c, 'ja', c.ja);
  });

  it('answers each English word @mentioned in a channel in the user’s language (Japanese), in the thread or, when personal, in the personal chat', async () => {
    for (const c of IN_CHANNEL) expectAnswer(await ask(c.en, 'channel', c.personal ?? false), c, 'ja', c.en);
  });

  it('after `lang en` (言語 英語), answers both the Japanese aliases and the English words in English', async () => {
    expect(await ask('言語 英語', 'channel', true)).toContain(translate('en', 'plan.lang.set'));
    for (const c of CASES) expectAnswer(await ask(c.ja, 'personal', c.personal ?? false), c, 'en', c.ja);
    for (const c of IN_CHANNEL) expectAnswer(await ask(c.en, 'channel', c.personal ?? false), c, 'en', c.en);
    expect(await ask('lang ja', 'personal', true)).toContain(translate('ja', 'plan.lang.set'));
  });

  it('maps a division to a typed channel id and people typed by their Entra object id (owner 課名 19:…@thread.tacv2 GUID)', async () => {
    const person = guidFrom('jinji-owner');
    const answer = await ask(`担当課 総務部人事課 ${JINJI_CHANNEL} ${person.toUpperCase()}`, 'personal', false);
    for (const words of wordsOf('ja', 'plan.owner.changed', { division: '総務部人事課' })) expect(answer).toContain(words);
    expect(answer).toContain(JINJI_CHANNEL);
    const directory = readFileSync(world.directoryFile, 'utf8');
    expect(directory).toMatch(new RegExp(`総務部人事課:.*${JINJI_CHANNEL.replace(/[.]/gu, '\\.')}`, 'u'));
    expect(directory).toContain(person);
    // The person named by GUID now reports for 人事課 as its owner: `mine` lists its milestones.
    const member = { id: '29:jinji-owner', aadObjectId: person, name: '人事課の担当者' };
    const chat = world.fake.personalChat(member).id;
    await world.fake.sendActivity(world.url, world.fake.activities.message({ from: member, text: '担当' }));
    await until(() => answersIn(chat).length > 0, 30_000);
    expect(answersIn(chat).at(-1)).toContain(translate('ja', 'plan.list.mineDivisions', { divisions: '総務部人事課' }));
  });
});

describe('every command on Teams, SHINCHOKU_LANG=en', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    world = await startTeamsBot({ SHINCHOKU_LANG: 'en' }, NO_LIMITS);
  }, 60_000);
  afterAll(async () => {
    await world.stop();
  }, 30_000);

  it('answers a user who chose nothing in English, Japanese aliases and English words alike', async () => {
    for (const c of CASES) expectAnswer(await ask(c.ja, 'personal', c.personal ?? false), c, 'en', c.ja);
    for (const c of IN_CHANNEL) expectAnswer(await ask(c.en, 'channel', c.personal ?? false), c, 'en', c.en);
  });

  it('answers a user who chose Japanese in Japanese', async () => {
    expect(await ask('lang ja', 'personal', true)).toContain(translate('ja', 'plan.lang.set'));
    for (const c of CASES) expectAnswer(await ask(c.ja, 'personal', c.personal ?? false), c, 'ja', c.ja);
  });
});
