// Issue 13: a status button records on the plan its reminder came from. Two
// plans in one database with the same milestone ids (FY2020 and FY2021); a
// FY2020 reminder's buttons clicked once FY2021 is the default plan record on
// FY2020 while its period lasts (to 2021-04-30) and are refused with the
// read-only reason after it — never on FY2021's milestone of the same id.
// Buttons posted before buttons named their plan keep speaking for the
// default plan. Through the real Bolt stack against the fake Slack Web API.
import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlanStore } from '../../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../../src/adapters/db/status-store.ts';
import { renderReminder } from '../../../../src/adapters/slack/render-reminder.ts';
import type { ReminderMessage } from '../../../../src/app/ports.ts';
import type { FakeSlackMessage } from '../../../fakes/fake-slack-api.ts';
import { homeButtonPayload, messageButtonPayload, viewSubmissionPayload } from '../../../fakes/slack-requests.ts';
import { nextFiscalYear } from '../../../fixtures/next-fiscal-year.ts';
import { bundledPlan } from '../../../app/tick-world.ts';
import { BOT_TOKEN, JINJI_CHANNEL, replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
afterEach(async () => {
  await world.stop();
});

/** FY2020 (stored first, key fy2020) and FY2021 (key fy2021), the bot's clock at `now`. */
async function twoPlans(now: string): Promise<SlackAppWorld> {
  const fy2020 = await bundledPlan();
  world = await startSlackAppWorld({ plan: fy2020, nextPlan: { plan: nextFiscalYear(fy2020), key: 'fy2021' }, now });
  return world;
}

/** The statuses of the plan stored under `key`. */
function statusesOf(key: string) {
  const plans = createPlanStore(world.db);
  return createStatusStore(world.db, () => plans.scopeOf(key));
}

/** A reminder for 総務部人事課 with lines for 1-1-2 and 1-1-3, of the plan `planKey` (none: as enqueued before reminders named their plan). */
async function postReminder(planKey: string | undefined): Promise<FakeSlackMessage> {
  const body: ReminderMessage = {
    type: 'reminders',
    lang: 'ja',
    day: '2021-03-29',
    division: '総務部人事課',
    unmapped: false,
    missed: false,
    ...(planKey !== undefined && { planKey }),
    lines: ['1-1-2', '1-1-3'].map((id) => ({ kind: 'overdue', milestoneId: id, title: `取組 ${id}`, checkpoint: null, due: '2021-01-29', status: 'not_started' })),
  };
  const { text, blocks } = renderReminder(body);
  const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: world.fake.url });
  const posted = await client.chat.postMessage({ channel: JINJI_CHANNEL, text, blocks });
  return world.fake.messages(JINJI_CHANNEL).find((m) => m.ts === posted.ts)!;
}

/** The value of the button `actionId` of the line `blockId`, as the message carries it. */
function valueOf(message: FakeSlackMessage, blockId: string, actionId: string): string {
  const block = (message.blocks as { block_id?: string; elements?: { action_id?: string; value?: string }[] }[]).find((b) => b.block_id === blockId);
  const value = block?.elements?.find((e) => e.action_id === actionId)?.value;
  if (value === undefined) throw new Error(`no ${actionId} in ${blockId}`);
  return value;
}

/** Clicks the button `actionId` of line `blockId` with the value the message carries. */
function click(message: FakeSlackMessage, user: string, actionId: string, blockId: string, responseId: string) {
  return world.requests.interaction(
    messageButtonPayload({
      userId: user,
      channel: JINJI_CHANNEL,
      message: { ts: message.ts, text: message.text ?? '', blocks: message.blocks },
      action: { action_id: actionId, block_id: blockId, value: valueOf(message, blockId, actionId) },
      responseUrl: world.fake.responseUrl(responseId),
    }),
  );
}

describe('a status button of last year\'s reminder, clicked once this year\'s plan is the default', () => {
  it('records on last year\'s plan while its period lasts, and leaves this year\'s milestone of the same id alone', async () => {
    await twoPlans('2021-04-15T10:00:00+09:00');
    expect((await world.deps.plans.load())?.fiscalYear).toBe(2021);
    const message = await postReminder('fy2020');
    expect(JSON.parse(valueOf(message, 'reminder_line_0', 'status_done'))).toEqual({ m: '1-1-2', c: null, p: 'fy2020' });

    await click(message, USERS.jinji, 'status_done', 'reminder_line_0', 'done');
    await world.until(() => world.fake.callsTo('chat.update').length === 1);
    expect(await statusesOf('fy2020').history('1-1-2')).toEqual([expect.objectContaining({ status: 'done', actor: USERS.jinji, via: 'button' })]);
    expect(await statusesOf('fy2021').history('1-1-2')).toEqual([]);
    expect(await world.deps.statuses.latest()).toEqual([]);
    expect(JSON.stringify(world.fake.messages(JINJI_CHANNEL)[0]!.blocks)).toContain('reminder_line_0_stamp');

    // What each plan now says, read through the commands.
    expect(replyText((await world.command('status 1-1-2 --plan fy2020', USERS.stranger)).response)).toContain('完了');
    expect(replyText((await world.command('status 1-1-2', USERS.stranger)).response)).toContain('未着手');
  });

  it('opens the comment modal for last year\'s milestone and records its submission there', async () => {
    await twoPlans('2021-04-15T10:00:00+09:00');
    const message = await postReminder('fy2020');
    await click(message, USERS.jinji, 'comment_open', 'reminder_line_1', 'comment');
    await world.until(() => world.fake.views.length === 1);
    const view = world.fake.views[0]!.view as Record<string, unknown> & { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({ m: '1-1-3', c: null, p: 'fy2020' });

    const http = await world.requests.interaction(
      viewSubmissionPayload({
        userId: USERS.jinji,
        view,
        values: {
          status: { value: { type: 'static_select', selected_option: { value: 'on_track', text: { type: 'plain_text', text: '順調' } } } },
          comment: { value: { type: 'plain_text_input', value: '年度末に実施済み' } },
        },
      }),
    );
    expect(http.body).toBe('');
    await world.until(() => world.fake.callsTo('chat.update').length === 1);
    expect(await statusesOf('fy2020').history('1-1-3')).toEqual([expect.objectContaining({ status: 'on_track', via: 'modal', comment: '年度末に実施済み' })]);
    expect(await statusesOf('fy2021').history('1-1-3')).toEqual([]);
  });

  it('is refused with the read-only reason once last year\'s period is over, and nothing is written on either plan', async () => {
    await twoPlans('2021-05-10T10:00:00+09:00');
    const message = await postReminder('fy2020');
    await click(message, USERS.jinji, 'status_done', 'reminder_line_0', 'refused');
    await world.until(() => world.fake.responses.some((r) => r.id === 'refused'));
    const answer = world.fake.responses.find((r) => r.id === 'refused')!.body as { response_type: string; replace_original: boolean; text?: string; blocks?: unknown[] };
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(replyText(answer)).toContain('2020年度の計画「令和2年度');
    expect(replyText(answer)).toContain('2021-04-30 まで)が終了したため閲覧のみです');

    // コメント is refused before anyone types a comment that could never be recorded.
    await click(message, USERS.jinji, 'comment_open', 'reminder_line_1', 'comment-refused');
    await world.until(() => world.fake.responses.some((r) => r.id === 'comment-refused'));
    expect(replyText(world.fake.responses.find((r) => r.id === 'comment-refused')!.body as { text?: string })).toContain('閲覧のみ');
    expect(world.fake.views).toEqual([]);

    expect(await statusesOf('fy2020').latest()).toEqual([]);
    expect(await statusesOf('fy2021').latest()).toEqual([]);
    expect(world.fake.callsTo('chat.update')).toEqual([]);
  });

  it('a button posted before buttons named their plan still works, for the default plan, as it did', async () => {
    await twoPlans('2021-04-15T10:00:00+09:00');
    const message = await postReminder(undefined);
    expect(JSON.parse(valueOf(message, 'reminder_line_0', 'status_at_risk'))).toEqual({ m: '1-1-2', c: null });
    await click(message, USERS.jinji, 'status_at_risk', 'reminder_line_0', 'old');
    await world.until(() => world.fake.callsTo('chat.update').length === 1);
    expect(await statusesOf('fy2021').history('1-1-2')).toEqual([expect.objectContaining({ status: 'at_risk', via: 'button' })]);
    expect(await statusesOf('fy2020').history('1-1-2')).toEqual([]);
  });

  it('the Home\'s buttons name the plan it shows, and record on it', async () => {
    await twoPlans('2021-04-15T10:00:00+09:00');
    await world.requests.event({ type: 'app_home_opened', user: USERS.jinji, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` });
    await world.until(() => world.fake.views.length === 1);
    const home = world.fake.views[0]!;
    const blocks = (home.view as { blocks: { type: string; block_id?: string; elements?: { action_id: string; value: string }[] }[] }).blocks;
    const actions = blocks.find((b) => b.type === 'actions')!;
    const done = actions.elements!.find((e) => e.action_id === 'status_done')!;
    const target = JSON.parse(done.value) as { m: string; p: string };
    expect(target.p).toBe('fy2021');
    await world.requests.interaction(homeButtonPayload({ userId: USERS.jinji, viewId: home.id, action: { action_id: 'status_done', block_id: actions.block_id!, value: done.value } }));
    await world.until(() => world.fake.views.length === 2);
    expect(await statusesOf('fy2021').history(target.m)).toEqual([expect.objectContaining({ status: 'done', via: 'button' })]);
    expect(await statusesOf('fy2020').history(target.m)).toEqual([]);
  });
});
