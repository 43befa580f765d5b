// A whole fiscal year, end to end (SPEC §8, issue 8 item 1): the bot as
// startBot wires it (the real Bolt app in HTTP mode, the bundled FY2020
// plan, a directory file, the Slack notifier) against the fake Slack Web
// API, on a virtual clock that walks 2020-04-01 → 2021-03-31 running the
// digest job at 09:00 and the reminder job at 09:30 every day, each followed
// by a pass of the outbox dispatcher. Scripted owners answer some reminders
// with the status buttons on the messages Slack received, some with
// `/plan update` (signed requests), some late, some never. One division has
// no channel; one channel never invited the bot (`not_in_channel`).
//
// What should have happened is worked out from the policy, the plan and the
// script (year-script.ts), never from what the bot stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../src/adapters/calendar/japan-holidays.ts';
import type { DigestMessage, ReminderMessage } from '../../src/app/ports.ts';
import type { OutboxEntry } from '../../src/app/outbox-port.ts';
import type { PostDigestOutcome } from '../../src/app/post-digest.ts';
import { addDays } from '../../src/domain/local-date.ts';
import type { LocalDate } from '../../src/domain/plan.ts';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminder-policy.ts';
import { byUrgency, reminderKey, type Reminder } from '../../src/domain/reminder.ts';
import { isClosed, statusLabel, STATUS_CODES } from '../../src/domain/status.ts';
import { instantAt, localDateOf } from '../../src/domain/zoned-time.ts';
import { translate } from '../../src/i18n/catalog.ts';
import { cli } from '../cli/run-cli.ts';
import { messageButtonPayload } from '../fakes/slack-requests.ts';
import { expectAnswerRecorded, expectDigestFigures, expectListedAsFailed } from './year-checks.ts';
import { blockText, linesOf, overflowOf, postings, type Posting } from './slack-deliveries.ts';
import { ANSWERS, byMessage, daysFrom, digestWeeks, expectedFigures, expectedReminders, lineKeys, messageKey, wantedDeliveries, type Answer } from './year-script.ts';
import { COORDINATOR, DIVISIONS, expectedChannel, REFUSING, REFUSING_CHANNEL, startYearWorld, TIME_ZONE, UNMAPPED, walkYear, type YearWorld } from './year-world.ts';

const FIRST = '2020-04-01';
const LAST = '2021-03-31';
const calendar = createJapaneseCalendar();
const tokyo = (day: LocalDate, time: string) => instantAt(day, time, TIME_ZONE);

const isReminderPost = (p: Posting) => p.key.startsWith('reminders|');

let world: YearWorld;
let expected: Reminder[];
/** Expected reminders by message key (one message per division per day). */
let expectedByMessage: Map<string, Reminder[]>;
let posts: Posting[];
let outboxEntries: OutboxEntry[];
let walkMs = 0;

/** Plays one scripted answer through the Slack app, and checks it was recorded. */
async function play(answer: Answer, index: number): Promise<void> {
  const label = `${answer.on} ${answer.milestoneId} (${answer.note})`;
  const before = (await world.statuses.history(answer.milestoneId)).length;
  const responseId = `answer-${index}`;
  const how = answer.how;
  if (how.via === 'button') {
    // The message that division got that morning, as Slack holds it now (earlier clicks may have stamped it).
    const key = messageKey(answer.on, how.message);
    const post = postings(world.fake, TIME_ZONE).find((p) => p.key === key && p.ok);
    expect(post, `${label}: no message ${key} in Slack`).toBeDefined();
    const message = world.fake.messages(post!.channel).find((m) => m.ts === post!.ts)!;
    const line = linesOf((message.blocks ?? []) as unknown[]).find(
      (l) => l.milestoneId === answer.milestoneId && l.checkpoint === answer.checkpoint && l.kind === how.line,
    );
    expect(line, `${label}: no ${how.line} line with buttons in ${key}`).toBeDefined();
    const actionId = `status_${answer.status}`;
    expect(line!.actions).toContain(actionId);
    const actions = ((message.blocks ?? []) as { block_id?: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.block_id === line!.blockId)!;
    const button = actions.elements!.find((e) => e.action_id === actionId)!;
    const updates = world.fake.callsTo('chat.update').length;
    const http = await world.requests.interaction(
      messageButtonPayload({
        userId: answer.user,
        channel: post!.channel,
        message: { ts: message.ts, text: message.text ?? '', blocks: message.blocks },
        action: { action_id: button.action_id, block_id: line!.blockId, value: button.value },
        responseUrl: world.fake.responseUrl(responseId),
      }),
    );
    expect(http.status, label).toBe(200);
    // Done when the line is stamped in place (or, were it refused, when the user is told).
    await world.until(() => world.fake.callsTo('chat.update').length > updates || world.fake.responses.some((r) => r.id === responseId));
    expect(world.fake.responses.find((r) => r.id === responseId), `${label}: refused`).toBeUndefined();
    const update = world.fake.callsTo('chat.update').at(-1)!;
    expect(update.params).toMatchObject({ channel: post!.channel, ts: message.ts });
    expect(update.response?.ok, label).toBe(true);
  } else {
    const http = await world.requests.slashCommand({ text: how.text, user_id: answer.user, channel_id: how.channel, response_url: world.fake.responseUrl(responseId) });
    expect(http.status, label).toBe(200);
    const reply = (await world.fake.answerTo(http, responseId))?.body;
    expect(blockText([reply]), label).toContain(`${answer.milestoneId} の状況を「${statusLabel(answer.status, 'ja')}」として記録しました`);
  }
  await expectAnswerRecorded(world.statuses, answer, before, answer.user, answer.how.via);
}

beforeAll(async () => {
  const started = performance.now();
  world = await startYearWorld(tokyo(FIRST, '08:00'));
  await walkYear(world, FIRST, LAST, play);
  walkMs = performance.now() - started;

  posts = postings(world.fake, TIME_ZONE);
  outboxEntries = await world.outbox.list();
  expected = expectedReminders(world.plan, calendar, DEFAULT_REMINDER_POLICY, FIRST, LAST);
  expectedByMessage = byMessage(expected);
}, 300_000);

afterAll(async () => {
  await world?.stop();
});

describe('a fiscal year on a virtual clock, through the real Slack app and a fake Slack', () => {
  it('runs every job of every day without an error', () => {
    if (process.env.YEAR_SCENARIO_TIMING) console.info(`year scenario: walked ${FIRST} → ${LAST} in ${(walkMs / 1000).toFixed(1)} s`);
    // The script is in time order, so the history can be compared with it as it is.
    expect(ANSWERS.map((a) => `${a.on} ${a.at}`)).toEqual(ANSWERS.map((a) => `${a.on} ${a.at}`).sort());
    expect(world.jobErrors).toEqual([]);
    expect(world.logged).toEqual([]);
    expect(world.dispatchEvents.filter((e) => e.kind === 'error')).toEqual([]);
    // The start-up run of each job, then one a day.
    const days = [...daysFrom(FIRST, LAST)].length;
    expect(world.ticks).toHaveLength(days + 1);
    expect(world.digests).toHaveLength(days + 1);
    expect(world.ticks[0]).toMatchObject({ today: FIRST, outcome: 'before_reminder_time' });
    // Nothing is left undelivered but the refusing channel's messages.
    expect(outboxEntries.filter((e) => e.status !== 'sent' && e.status !== 'failed')).toEqual([]);
    expect(world.wakes).toBeGreaterThan(0);
  });

  it('sends every reminder exactly once: the policy applied day by day to the scripted statuses', async () => {
    expect(expected.length).toBeGreaterThan(2000);
    const keys = expected.map(reminderKey);
    expect(new Set(keys).size).toBe(keys.length);
    // What the bot recorded as enqueued: each reminder once, and nothing else.
    const recorded = (await world.db.selectFrom('reminder_sent').select('key').execute()).map((r) => r.key);
    expect(recorded.length).toBe(keys.length);
    expect(recorded.sort()).toEqual([...keys].sort());
    // One outbox message per division per day, holding that division's reminders of the day.
    const reminderEntries = outboxEntries.filter((e): e is OutboxEntry & { body: ReminderMessage } => e.body.type === 'reminders');
    expect(reminderEntries.map((e) => e.key).sort()).toEqual([...expectedByMessage.keys()].sort());
    for (const entry of reminderEntries) {
      const want = expectedByMessage.get(entry.key)!;
      expect(calendar.isBusinessDay(entry.day), entry.key).toBe(true);
      expect(entry.channel, entry.key).toBe(expectedChannel(entry.division).channel);
      expect(entry.body.missed, entry.key).toBe(false);
      expect(lineKeys(entry.body.lines), entry.key).toEqual(lineKeys(want));
    }
    // In Slack: each message once, and none the policy did not call for.
    const delivered = posts.filter((p) => p.ok && isReminderPost(p)).map((p) => p.key).sort();
    expect(delivered).toEqual(wantedDeliveries(expectedByMessage, REFUSING));
  });

  it('posts each message at 09:30 on its business day, to its division\'s channel, with its milestones', () => {
    const delivered = posts.filter((p) => p.ok && isReminderPost(p));
    const kinds = new Set<string>();
    for (const post of delivered) {
      const [, day, division] = post.key.split('|') as [string, LocalDate, string];
      expect(calendar.isBusinessDay(day), post.key).toBe(true);
      expect(post.day, post.key).toBe(day);
      expect(post.time! >= '09:30' && post.time! < '09:31', `${post.key} at ${post.time}`).toBe(true);
      expect(post.channel, post.key).toBe(expectedChannel(division).channel);
      expect(blockText(post.blocks), post.key).toContain(translate('ja', 'reminder.header', { division }));

      // The lines Slack shows, each with the buttons of its own milestone (and checkpoint);
      // a message too long for Block Kit shows the most urgent and counts the rest.
      const want = byUrgency(expectedByMessage.get(post.key)!);
      const shown = linesOf(post.blocks);
      const hidden = overflowOf(post.blocks);
      expect(shown.length + hidden, post.key).toBe(want.length);
      expect(lineKeys(shown), post.key).toEqual(lineKeys(want.slice(0, shown.length)));
      for (const line of shown) kinds.add(line.kind);
    }
    // Every kind of reminder went out at some point of the year.
    expect([...kinds].sort()).toEqual(['checkin', 'due', 'escalation', 'kickoff', 'lead', 'overdue']);
  });

  it('tells the coordinator channel about every escalation', () => {
    const escalations = expected.filter((r) => r.kind === 'escalation');
    expect(escalations.length).toBeGreaterThan(10);
    const delivered = posts.filter((p) => p.ok && isReminderPost(p));
    for (const escalation of escalations) {
      expect(escalation.division).toBe(COORDINATOR.division);
      const post = delivered.find((p) => p.key === messageKey(escalation.date, COORDINATOR.division));
      expect(post?.channel, reminderKey(escalation)).toBe(COORDINATOR.channel);
      const line = linesOf(post!.blocks).find((l) => l.kind === 'escalation' && l.milestoneId === escalation.milestoneId && l.checkpoint === escalation.checkpoint);
      expect(line, reminderKey(escalation)).toBeDefined();
      // The line names the overdue owners.
      expect(line!.text).toContain(translate('ja', 'reminder.owner', { owner: escalation.owner ?? '' }));
    }
    // And nowhere else.
    for (const post of delivered.filter((p) => p.channel !== COORDINATOR.channel)) {
      expect(linesOf(post.blocks).filter((l) => l.kind === 'escalation'), post.key).toEqual([]);
    }
  });

  it("sends the unmapped division's reminders to the coordinator channel, flagged as such", () => {
    const mine = [...expectedByMessage.keys()].filter((key) => key.endsWith(`|${UNMAPPED}`));
    expect(mine.length).toBeGreaterThan(50);
    const notice = translate('ja', 'reminder.unmapped', { division: UNMAPPED });
    for (const key of mine) {
      const post = posts.find((p) => p.key === key);
      expect(post?.ok, key).toBe(true);
      expect(post!.channel, key).toBe(COORDINATOR.channel);
      expect(blockText(post!.blocks), key).toContain(notice);
      expect((outboxEntries.find((e) => e.key === key)!.body as ReminderMessage).unmapped).toBe(true);
    }
    // No other message carries the flag.
    const flagged = posts.filter((p) => p.ok && blockText(p.blocks).includes(notice)).map((p) => p.key);
    expect(flagged.sort()).toEqual(mine.sort());
    expect(Object.keys(DIVISIONS)).not.toContain(UNMAPPED);
  });

  it('keeps the refused channel\'s messages visible as failed, as `shinchoku outbox --failed` shows them', async () => {
    const refused = [...expectedByMessage.keys()].filter((key) => key.endsWith(`|${REFUSING}`)).sort();
    expect(refused.length).toBeGreaterThan(50);
    // Slack was asked once for each, said not_in_channel, and holds none of them.
    const tried = posts.filter((p) => p.channel === REFUSING_CHANNEL);
    expect(tried.map((p) => p.key).sort()).toEqual(refused);
    expect(tried.every((p) => !p.ok && p.error === 'not_in_channel')).toBe(true);
    expect(world.fake.messages(REFUSING_CHANNEL)).toEqual([]);

    // The store: failed, with the reason, never dropped; nothing else failed.
    const failed = await world.outbox.list({ status: 'failed' });
    expect(failed.map((e) => e.key).sort()).toEqual(refused);
    for (const entry of failed) {
      expect(entry).toMatchObject({ channel: REFUSING_CHANNEL, division: REFUSING, sentTs: null });
      expect(entry.lastError).toContain('not_in_channel');
    }

    // The operator's view.
    const env = { DATABASE_URL: world.config.DATABASE_URL, SHINCHOKU_DIRECTORY: world.config.SHINCHOKU_DIRECTORY };
    const json = await cli(['outbox', '--failed', '--json'], env);
    expect(json.code, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as { key: string; status: string; channel: string; lastError: string | null }[];
    expect(listed.map((e) => e.key).sort()).toEqual(refused);
    expect(listed.every((e) => e.status === 'failed' && e.channel === REFUSING_CHANNEL && (e.lastError ?? '').includes('not_in_channel'))).toBe(true);
    await expectListedAsFailed(world.config, refused, REFUSING, 'not_in_channel');
  });

  it('posts one digest a week, on its first business day from Monday, whose figures follow the scripted history', () => {
    const digests = posts.filter((p) => p.key.startsWith('digest|'));
    // The bot starts on Wednesday 4/1 and a first start never posts late: the first digest is Monday 4/6.
    const weeks = digestWeeks(calendar, '2020-04-06', LAST);
    expect(weeks).toHaveLength(52);
    expect(digests.map((p) => p.key)).toEqual(weeks.map((w) => `digest|${w.week}`));
    const enqueued = world.digests.filter((o): o is Extract<PostDigestOutcome, { kind: 'enqueued' }> => o.kind === 'enqueued');
    expect(enqueued.map((o) => o.week)).toEqual(weeks.map((w) => w.week));

    let previous: LocalDate | null = null;
    for (const [index, post] of digests.entries()) {
      const { day } = weeks[index]!;
      expect(post.ok, post.key).toBe(true);
      expect(post.channel).toBe(COORDINATOR.channel);
      expect(post.day, post.key).toBe(day);
      expect(post.time! >= '09:00' && post.time! < '09:01', `${post.key} at ${post.time}`).toBe(true);

      const since = previous ?? addDays(day, -7);
      const want = expectedFigures(world.plan, day, since);
      const text = blockText(post.blocks);
      // Counts by status as the coordinator reads them, e.g. 「未着手 70 ／ 順調 3 ／ …」.
      expectDigestFigures(/\*状況別の件数\*\n([^\n]+)/u.exec(text)?.[1] ?? '', text, want, post.key);
      // The stored body says the same.
      const body = outboxEntries.find((e) => e.key === post.key)!.body as DigestMessage;
      expect(body.digest.counts, post.key).toEqual(want.counts);
      expect(body.digest.previousDate).toBe(since);
      previous = day;
    }
    // The script shows in the figures: by the last digest, every closing answer counts.
    const last = expectedFigures(world.plan, weeks.at(-1)!.day, weeks.at(-2)!.day);
    expect(last.counts.done).toBe(ANSWERS.filter((a) => a.status === 'done').length);
    expect(last.counts.cancelled).toBe(1);
  });

  it('sends nothing for a milestone or checkpoint once it is marked done (or cancelled)', () => {
    const closing = ANSWERS.filter((a) => isClosed(a.status));
    expect(closing.length).toBeGreaterThanOrEqual(10);
    const covers = (answer: Answer, line: { milestoneId: string; checkpoint: string | null }) =>
      line.milestoneId === answer.milestoneId && (answer.checkpoint === null || line.checkpoint === answer.checkpoint);
    const closedAt = (answer: Answer) => tokyo(answer.on, answer.at).getTime();
    for (const answer of closing) {
      const label = `${answer.milestoneId} ${answer.checkpoint ?? ''} ${answer.status} on ${answer.on}`;
      // Without this answer the year would have gone on reminding: the check below has teeth.
      const otherwise = expectedReminders(world.plan, calendar, DEFAULT_REMINDER_POLICY, addDays(answer.on, 1), LAST, ANSWERS.filter((a) => a !== answer));
      expect(otherwise.filter((r) => covers(answer, r)).length, label).toBeGreaterThan(0);
      // Nothing in Slack after the answer…
      for (const post of posts.filter((p) => p.ok && isReminderPost(p) && Number(p.ts) * 1000 > closedAt(answer))) {
        expect(linesOf(post.blocks).filter((l) => covers(answer, l)), `${label}: ${post.key}`).toEqual([]);
      }
      // …nor in the outbox, the refused channel's messages included.
      for (const entry of outboxEntries.filter((e) => e.body.type === 'reminders' && e.createdAt.getTime() > closedAt(answer))) {
        expect((entry.body as ReminderMessage).lines.filter((l) => covers(answer, l)), `${label}: ${entry.key}`).toEqual([]);
      }
    }
  });

  it('holds back a lead reminder right after a report (quiet days), and only that one', () => {
    // 人事課 reported on 1-1-3 on Wednesday 1/20: the lead of Friday 1/22 is held back for 1-1-3 alone.
    const lines = (day: LocalDate) =>
      lineKeys(linesOf(posts.find((p) => p.key === messageKey(day, '総務部人事課'))!.blocks).filter((l) => l.milestoneId.startsWith('1-1-')));
    expect(lines('2021-01-22')).toEqual(['lead|1-1-2|', 'lead|1-1-4|']);
    expect(lines('2021-01-26')).toEqual(['lead|1-1-2|', 'lead|1-1-3|', 'lead|1-1-4|']);
    const withoutReport = expectedReminders(world.plan, calendar, DEFAULT_REMINDER_POLICY, '2021-01-22', '2021-01-22', ANSWERS.filter((a) => a.on !== '2021-01-20'));
    expect(withoutReport.some((r) => r.milestoneId === '1-1-3' && r.kind === 'lead')).toBe(true);
  });

  it('recorded each answer once, with who and how, and stamped the clicked lines in Slack', async () => {
    const history = await world.statuses.all();
    expect(
      history.map((u) => ({ id: u.milestoneId, checkpoint: u.checkpoint ?? null, status: u.status, actor: u.actor, via: u.via, on: localDateOf(u.createdAt, TIME_ZONE) })),
    ).toEqual(ANSWERS.map((a) => ({ id: a.milestoneId, checkpoint: a.checkpoint, status: a.status, actor: a.user, via: a.how.via, on: a.on })));
    const stamped = world.fake.callsTo('chat.update').filter((c) => c.response?.ok === true);
    expect(stamped).toHaveLength(ANSWERS.filter((a) => a.how.via === 'button').length);
    for (const answer of ANSWERS) {
      if (answer.how.via !== 'button') continue;
      const post = posts.find((p) => p.key === messageKey(answer.on, (answer.how as { message: string }).message))!;
      const message = world.fake.messages(post.channel).find((m) => m.ts === post.ts)!;
      expect(message.edits, post.key).toBe(1);
      expect(blockText((message.blocks ?? []) as unknown[]), post.key).toContain(`<@${answer.user}>`);
    }
  });
});
