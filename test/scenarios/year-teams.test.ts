// The fiscal year of year.test.ts on Microsoft Teams (issue 14): the same
// plan, directory (with Teams ids), script and virtual clock, through the
// real Teams SDK app and the Teams notifier against the fake Bot Connector,
// which holds the bot to Teams' per-conversation limits. Owners answer on
// the cards Teams received (Action.Execute invokes, signed) and by
// @mentioning the bot; the answer from the refusing division's channel,
// where the app is not installed, comes from the owner's personal chat.
//
// The expectations are the Slack run's, worked out from the policy, the plan
// and the script (year-script.ts): so both platforms send the same messages
// under the same keys to the same divisions, each in its own conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import type { OutboxEntry } from '../../src/app/outbox-port.ts';
import type { ReminderMessage } from '../../src/app/ports.ts';
import { addDays } from '../../src/domain/local-date.ts';
import type { LocalDate } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import { byUrgency, reminderKey, type Reminder } from '../../src/domain/reminder.ts';
import { statusLabel } from '../../src/domain/status.ts';
import { instantAt, localDateOf } from '../../src/domain/zoned-time.ts';
import { translate } from '../../src/i18n/catalog.ts';
import { expectAnswerRecorded, expectDigestFigures, expectListedAsFailed } from './year-checks.ts';
import { cardLines, cardOf, cardOverflow, cardPostings, textsOf, type CardPosting } from './teams-deliveries.ts';
import { ANSWERS, byMessage, daysFrom, digestWeeks, expectedFigures, expectedReminders, lineKeys, messageKey, wantedDeliveries, type Answer } from './year-script.ts';
import { REFORM_TEAM, startYearTeamsWorld, teamOf, teamsChannelOf, teamsMemberOf, type YearTeamsWorld } from './year-teams-world.ts';
import { COORDINATOR, expectedChannel, REFUSING, REFUSING_CHANNEL, TIME_ZONE, walkYear } from './year-world.ts';

const FIRST = '2020-04-01';
const LAST = '2021-03-31';
const calendar = createJapaneseCalendar();
const tokyo = (day: LocalDate, time: string) => instantAt(day, time, TIME_ZONE);
const COORDINATOR_CHANNEL = teamsChannelOf(COORDINATOR.channel);
const REFUSED_CHANNEL = teamsChannelOf(REFUSING_CHANNEL);

let world: YearTeamsWorld;
let expected: Reminder[];
let expectedByMessage: Map<string, Reminder[]>;
let posts: CardPosting[];
let outboxEntries: OutboxEntry[];
let walkMs = 0;

/** How the bot records an answer: a command typed in Teams is `teams` (Slack's `/plan` is `slash`). */
const viaOnTeams = (answer: Answer) => (answer.how.via === 'slash' ? 'teams' : answer.how.via);

/** Plays one scripted answer through the Teams app, and checks it was recorded. */
async function play(answer: Answer): Promise<void> {
  const label = `${answer.on} ${answer.milestoneId} (${answer.note})`;
  const before = (await world.statuses.history(answer.milestoneId)).length;
  const from = teamsMemberOf(answer.user);
  const how = answer.how;
  if (how.via === 'button') {
    // The card that division got that morning, as Teams holds it now (earlier clicks may have stamped it).
    const key = messageKey(answer.on, how.message);
    const post = cardPostings(world.fake, TIME_ZONE).find((p) => p.key === key && p.ok);
    expect(post?.stored, `${label}: no card ${key} in Teams`).toBeTruthy();
    const stored = post!.stored!;
    const line = cardLines(cardOf(stored.activity)).find((l) => l.milestoneId === answer.milestoneId && l.checkpoint === answer.checkpoint && l.kind === how.line);
    expect(line, `${label}: no ${how.line} line with buttons in ${key}`).toBeDefined();
    const button = line!.buttons.find((b) => b.data.s === answer.status);
    expect(button, `${label}: no ${answer.status} button`).toBeDefined();
    const revisions = stored.history.length;
    const clicked = await world.fake.sendActivity(
      world.url,
      world.fake.activities.cardAction({ from, teamId: REFORM_TEAM, channelId: post!.channel, verb: button!.verb, data: button!.data, cardActivityId: stored.id }),
    );
    expect(clicked.status, label).toBe(200);
    // The clicker gets the stamped card, not a refusal.
    expect(clicked.body, label).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    await world.until(() => stored.history.length > revisions);
  } else {
    // Where the app is not installed the bot cannot be mentioned: the owner writes to it in the personal chat.
    const inChannel = how.channel !== REFUSING_CHANNEL;
    const where = inChannel ? { teamId: teamOf(how.channel), channelId: teamsChannelOf(how.channel) } : {};
    const conversation = inChannel ? teamsChannelOf(how.channel) : world.fake.personalChat(from).id;
    const replies = world.fake.activitiesIn(conversation).length;
    const http = await world.fake.sendActivity(world.url, world.fake.activities.message({ from, text: how.text, mention: inChannel, ...where }));
    expect(http.status, label).toBe(200);
    await world.until(() => world.fake.activitiesIn(conversation).length > replies);
    const reply = world.fake.activitiesIn(conversation).at(-1)!.activity;
    expect(`${String(reply.text ?? '')}\n${textsOf(reply.attachments)}`, label).toContain(`${answer.milestoneId} の状況を「${statusLabel(answer.status, 'ja')}」として記録しました`);
  }
  await expectAnswerRecorded(world.statuses, answer, before, from.aadObjectId, viaOnTeams(answer));
}

beforeAll(async () => {
  const started = performance.now();
  world = await startYearTeamsWorld(tokyo(FIRST, '08:00'));
  await walkYear(world, FIRST, LAST, play);
  walkMs = performance.now() - started;
  posts = cardPostings(world.fake, TIME_ZONE);
  outboxEntries = await world.outbox.list();
  expected = expectedReminders(world.plan, calendar, DEFAULT_REMINDER_POLICY, FIRST, LAST);
  expectedByMessage = byMessage(expected);
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

const isReminderPost = (p: CardPosting) => p.key.startsWith('reminders|');

describe('a fiscal year on a virtual clock, through the real Teams SDK app and a fake Bot Connector', () => {
  it('runs every job of every day without an error, within Teams\' limits', () => {
    if (process.env.YEAR_SCENARIO_TIMING) console.info(`year scenario on Teams: walked ${FIRST} → ${LAST} in ${(walkMs / 1000).toFixed(1)} s`);
    expect(world.jobErrors).toEqual([]);
    expect(world.logged).toEqual([]);
    expect(world.dispatchEvents.filter((e) => e.kind === 'error')).toEqual([]);
    const days = [...daysFrom(FIRST, LAST)].length;
    expect(world.ticks).toHaveLength(days + 1);
    expect(world.digests).toHaveLength(days + 1);
    // The bot paced itself: the connector never had to refuse a send.
    expect(world.fake.rateLimitViolations).toEqual([]);
    expect(outboxEntries.filter((e) => e.status !== 'sent' && e.status !== 'failed')).toEqual([]);
  });

  it('sends every reminder exactly once, in its division\'s conversation: the messages of the Slack run', async () => {
    expect(expected.length).toBeGreaterThan(2000);
    const keys = expected.map(reminderKey);
    const recorded = (await world.db.selectFrom('reminder_sent').select('key').execute()).map((r) => r.key);
    expect(recorded.sort()).toEqual([...keys].sort());
    // The outbox holds the same messages, under the same keys, for the same divisions, as year.test.ts expects of Slack…
    const reminderEntries = outboxEntries.filter((e): e is OutboxEntry & { body: ReminderMessage } => e.body.type === 'reminders');
    expect(reminderEntries.map((e) => e.key).sort()).toEqual([...expectedByMessage.keys()].sort());
    for (const entry of reminderEntries) {
      // …each addressed to the Teams conversation of the division's Slack channel.
      expect(entry.channel, entry.key).toBe(teamsChannelOf(expectedChannel(entry.division).channel));
      expect(lineKeys(entry.body.lines), entry.key).toEqual(lineKeys(expectedByMessage.get(entry.key)!));
    }
    // In Teams: each card once, and none the policy did not call for.
    const delivered = posts.filter((p) => p.ok && isReminderPost(p)).map((p) => p.key).sort();
    expect(delivered).toEqual(wantedDeliveries(expectedByMessage, REFUSING));
  });

  it('posts each card at 09:30 on its business day, in its division\'s channel, with its milestones most urgent first', () => {
    const delivered = posts.filter((p) => p.ok && isReminderPost(p));
    const kinds = new Set<string>();
    for (const post of delivered) {
      const [, day, division] = post.key.split('|') as [string, LocalDate, string];
      expect(post.day, post.key).toBe(day);
      expect(post.time >= '09:30' && post.time < '09:31', `${post.key} at ${post.time}`).toBe(true);
      expect(post.channel, post.key).toBe(teamsChannelOf(expectedChannel(division).channel));
      // As first posted (a later click stamps it).
      const card = cardOf(post.stored!.history[0]!.activity);
      expect(textsOf(card), post.key).toContain(translate('ja', 'reminder.header', { division }));
      const want = byUrgency(expectedByMessage.get(post.key)!);
      const shown = cardLines(card);
      expect(shown.length + cardOverflow(card), post.key).toBe(want.length);
      expect(lineKeys(shown), post.key).toEqual(lineKeys(want.slice(0, shown.length)));
      for (const line of shown) kinds.add(line.kind);
    }
    expect([...kinds].sort()).toEqual(['checkin', 'due', 'escalation', 'kickoff', 'lead', 'overdue']);
  });

  it('keeps the cards of the team without the app visible as failed, as `shinchoku outbox --failed` shows them', async () => {
    const refused = [...expectedByMessage.keys()].filter((key) => key.endsWith(`|${REFUSING}`)).sort();
    expect(refused.length).toBeGreaterThan(50);
    // The connector was asked once for each and answered 403.
    const tried = posts.filter((p) => p.channel === REFUSED_CHANNEL);
    expect(tried.map((p) => p.key).sort()).toEqual(refused);
    expect(tried.every((p) => p.status === 403)).toBe(true);
    expect(world.fake.activitiesIn(REFUSED_CHANNEL)).toEqual([]);
    const failed = await world.outbox.list({ status: 'failed' });
    expect(failed.map((e) => e.key).sort()).toEqual(refused);
    expect(failed.every((e) => e.channel === REFUSED_CHANNEL && (e.lastError ?? '').includes('teams_forbidden'))).toBe(true);
    await expectListedAsFailed(world.config, refused, REFUSING, 'teams_forbidden');
  });

  it('posts one digest a week in the coordinator channel, whose figures follow the scripted history', () => {
    const digests = posts.filter((p) => p.key.startsWith('digest|'));
    const weeks = digestWeeks(calendar, '2020-04-06', LAST);
    expect(weeks).toHaveLength(52);
    expect(digests.map((p) => p.key)).toEqual(weeks.map((w) => `digest|${w.week}`));
    let previous: LocalDate | null = null;
    for (const [index, post] of digests.entries()) {
      const { day } = weeks[index]!;
      expect(post.ok, post.key).toBe(true);
      expect(post.channel).toBe(COORDINATOR_CHANNEL);
      expect(post.day, post.key).toBe(day);
      expect(post.time >= '09:00' && post.time < '09:01', `${post.key} at ${post.time}`).toBe(true);
      const want = expectedFigures(world.plan, day, previous ?? addDays(day, -7));
      const text = textsOf(cardOf(post.stored!.activity));
      expectDigestFigures(/\*\*状況別の件数\*\*\n([^\n]+)/u.exec(text)?.[1] ?? '', text, want, post.key);
      previous = day;
    }
  });

  it('recorded each answer once, with who (the Entra object id) and how, and stamped each clicked card in place', async () => {
    const history = await world.statuses.all();
    expect(
      history.map((u) => ({ id: u.milestoneId, checkpoint: u.checkpoint ?? null, status: u.status, actor: u.actor, via: u.via, on: localDateOf(u.createdAt, TIME_ZONE) })),
    ).toEqual(ANSWERS.map((a) => ({ id: a.milestoneId, checkpoint: a.checkpoint, status: a.status, actor: teamsMemberOf(a.user).aadObjectId, via: viaOnTeams(a), on: a.on })));
    for (const answer of ANSWERS) {
      if (answer.how.via !== 'button') continue;
      const post = posts.find((p) => p.key === messageKey(answer.on, (answer.how as { message: string }).message))!;
      // Posted once, updated once: by the click, showing who.
      expect(post.stored!.history, post.key).toHaveLength(2);
      expect(textsOf(cardOf(post.stored!.activity)), post.key).toContain(answer.user);
    }
  });
});
