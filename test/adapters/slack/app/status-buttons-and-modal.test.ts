// The status buttons and the コメント modal on a reminder message, through the
// real Bolt stack: the status is recorded with who and how, and the reminder
// is updated in place (chat.update) so the channel sees it was handled.
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReminder } from '../../../../src/adapters/slack/render-reminder.ts';
import type { ReminderMessage } from '../../../../src/app/ports.ts';
import { checkBlocks } from '../../../fakes/fake-slack/check-blocks.ts';
import type { FakeSlackMessage } from '../../../fakes/fake-slack-api.ts';
import { messageButtonPayload, viewSubmissionPayload } from '../../../fakes/slack-requests.ts';
import { BOT_TOKEN, JINJI_CHANNEL, replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
beforeEach(async () => {
  world = await startSlackAppWorld();
});
afterEach(async () => {
  await world.stop();
});

/** Posts a reminder for 総務部人事課 with lines for 1-1-2 and 1-1-3, as the notifier would. */
async function postReminder(): Promise<FakeSlackMessage> {
  const body: ReminderMessage = {
    type: 'reminders',
    lang: 'ja',
    day: '2020-09-15',
    division: '総務部人事課',
    unmapped: false,
    missed: false,
    lines: ['1-1-2', '1-1-3'].map((id) => ({ kind: 'lead', milestoneId: id, title: `取組 ${id}`, checkpoint: null, due: '2021-01-29', status: 'not_started' })),
  };
  const { text, blocks } = renderReminder(body);
  const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: world.fake.url });
  const posted = await client.chat.postMessage({ channel: JINJI_CHANNEL, text, blocks });
  return world.fake.messages(JINJI_CHANNEL).find((m) => m.ts === posted.ts)!;
}

function click(message: FakeSlackMessage, user: string, actionId: string, blockId = 'reminder_line_0', value = '{"m":"1-1-2","c":null}', responseId = 'click') {
  return world.requests.interaction(
    messageButtonPayload({
      userId: user,
      channel: JINJI_CHANNEL,
      message: { ts: message.ts, text: message.text ?? '', blocks: message.blocks },
      action: { action_id: actionId, block_id: blockId, value },
      responseUrl: world.fake.responseUrl(responseId),
    }),
  );
}

describe('status buttons', () => {
  it('record the status for that milestone and stamp the line in place', async () => {
    const message = await postReminder();
    const http = await click(message, USERS.jinji, 'status_at_risk');
    expect(http.status).toBe(200);
    await world.until(() => world.fake.callsTo('chat.update').length === 1);

    expect(await world.deps.statuses.history('1-1-2')).toEqual([expect.objectContaining({ status: 'at_risk', actor: USERS.jinji, via: 'button' })]);
    const [updated] = world.fake.messages(JINJI_CHANNEL);
    expect(updated!.edits).toBe(1);
    const blocks = updated!.blocks as { block_id?: string; type: string }[];
    expect(checkBlocks(blocks)).toBeNull();
    // The stamp follows the line's buttons, which stay for the next report; the other line is untouched.
    const at = blocks.findIndex((b) => b.block_id === 'reminder_line_0');
    expect(blocks[at + 1]).toMatchObject({ type: 'context', block_id: 'reminder_line_0_stamp' });
    const stamp = JSON.stringify(blocks[at + 1]);
    expect(stamp).toContain('注意');
    expect(stamp).toContain(`<@${USERS.jinji}>`);
    expect(stamp).toContain('令和2年9月15日(火) · 2020-09-15 10:00');
    expect(stamp).toContain('ボタン');
    expect(JSON.stringify(blocks)).not.toContain('reminder_line_1_stamp');

    // 完了 closes the line: its buttons give way to the stamp, replaced rather than added to.
    await click(world.fake.messages(JINJI_CHANNEL)[0]!, USERS.jinjiDeputy, 'status_done');
    await world.until(() => world.fake.callsTo('chat.update').length === 2);
    const closed = world.fake.messages(JINJI_CHANNEL)[0]!.blocks as { block_id?: string }[];
    expect(closed.map((b) => b.block_id)).not.toContain('reminder_line_0');
    expect(closed.filter((b) => b.block_id === 'reminder_line_0_stamp')).toHaveLength(1);
    expect(JSON.stringify(closed)).toContain('完了');

    // The history shows who and how.
    const history = replyText((await world.command('history 1-1-2', USERS.stranger)).response);
    expect(history).toContain(`完了 — <@${USERS.jinjiDeputy}> (ボタン)`);
    expect(history).toContain(`注意 — <@${USERS.jinji}> (ボタン)`);
  });

  it('refuse someone who may not report, to them alone, and change nothing', async () => {
    const message = await postReminder();
    await click(message, USERS.stranger, 'status_done', 'reminder_line_0', '{"m":"1-1-2","c":null}', 'refused');
    await world.until(() => world.fake.responses.some((r) => r.id === 'refused'));
    const answer = world.fake.responses.find((r) => r.id === 'refused')!.body as { response_type: string; replace_original: boolean; text?: string; blocks?: unknown[] };
    expect(answer).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(replyText(answer)).toContain('総務部人事課');
    expect(await world.deps.statuses.latest()).toEqual([]);
    expect(world.fake.callsTo('chat.update')).toEqual([]);
    expect(world.fake.messages(JINJI_CHANNEL)[0]!.edits).toBe(0);
  });
});

describe('the コメント modal', () => {
  async function openModal(user: string, message: FakeSlackMessage) {
    const before = world.fake.views.length;
    await click(message, user, 'comment_open', 'reminder_line_1', '{"m":"1-1-3","c":null}');
    await world.until(() => world.fake.views.length > before);
    return world.fake.views[world.fake.views.length - 1]!;
  }

  it('opens a form with the status select and the comment; submitting records it and stamps the line', async () => {
    const message = await postReminder();
    const opened = await openModal(USERS.jinji, message);
    expect(opened.method).toBe('views.open');
    const view = opened.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe('status_modal');
    // Only coordinators get the due-month field.
    expect(view.blocks.map((b) => b.block_id)).toEqual([undefined, 'status', 'comment']);

    const http = await world.requests.interaction(
      viewSubmissionPayload({
        userId: USERS.jinji,
        view: view as Record<string, unknown>,
        values: {
          status: { value: { type: 'static_select', selected_option: { value: 'on_track', text: { type: 'plain_text', text: '順調' } } } },
          comment: { value: { type: 'plain_text_input', value: '講師確定 <!channel> & <@U0ALL>\n来月実施' } },
        },
      }),
    );
    expect(http.status).toBe(200);
    expect(http.body).toBe('');
    await world.until(() => world.fake.callsTo('chat.update').length === 1);
    expect(await world.deps.statuses.history('1-1-3')).toEqual([
      expect.objectContaining({ status: 'on_track', via: 'modal', actor: USERS.jinji, comment: '講師確定 <!channel> & <@U0ALL>\n来月実施' }),
    ]);
    const stamp = JSON.stringify(world.fake.messages(JINJI_CHANNEL)[0]!.blocks);
    expect(stamp).toContain('reminder_line_1_stamp');
    expect(stamp).toContain('コメント画面');
    // The comment is escaped: it can ping nobody.
    expect(stamp).toContain('&lt;!channel&gt; &amp; &lt;@U0ALL&gt;');
    expect(stamp).not.toContain('<!channel>');
    const history = replyText((await world.command('history 1-1-3', USERS.stranger)).response);
    expect(history).toContain('&lt;!channel&gt;');
    expect(history).not.toContain('<!channel>');
  });

  it('shows problems inside the modal (response_action: errors) and writes nothing', async () => {
    const message = await postReminder();
    const opened = await openModal(USERS.coordinator, message);
    const view = opened.view as Record<string, unknown> & { blocks: { block_id?: string }[] };
    expect(view.blocks.map((b) => b.block_id)).toEqual([undefined, 'status', 'comment', 'due']);
    const submit = (comment: string, due: string | null) =>
      world.requests.interaction(
        viewSubmissionPayload({
          userId: USERS.coordinator,
          view,
          values: {
            status: { value: { type: 'static_select', selected_option: { value: 'delayed', text: { type: 'plain_text', text: '遅延' } } } },
            comment: { value: { type: 'plain_text_input', value: comment } },
            due: { value: { type: 'plain_text_input', value: due } },
          },
        }),
      );
    const badMonth = await submit('延期', '来年');
    expect(JSON.parse(badMonth.body)).toEqual({ response_action: 'errors', errors: { due: expect.any(String) } });
    const tooLong = await submit('あ'.repeat(1001), null);
    expect(JSON.parse(tooLong.body)).toMatchObject({ response_action: 'errors', errors: { comment: expect.stringContaining('1001') } });
    const control = await submit('途中\u0000', null);
    expect(JSON.parse(control.body)).toMatchObject({ response_action: 'errors', errors: { comment: expect.any(String) } });
    expect(await world.deps.statuses.latest()).toEqual([]);

    const ok = await submit('講師の都合で延期', '2021-02');
    expect(ok.body).toBe('');
    await world.until(() => world.fake.callsTo('chat.update').length === 1);
    expect(await world.deps.statuses.history('1-1-3')).toEqual([
      expect.objectContaining({ status: 'delayed', revisedDue: '2021-02', via: 'modal', actor: USERS.coordinator }),
    ]);
  });

  it('refuses to open for someone who may not report', async () => {
    const message = await postReminder();
    await click(message, USERS.stranger, 'comment_open', 'reminder_line_1', '{"m":"1-1-3","c":null}', 'no-modal');
    await world.until(() => world.fake.responses.some((r) => r.id === 'no-modal'));
    expect(world.fake.views).toEqual([]);
  });

  it('refuses a submission from someone who may not report, inside the modal', async () => {
    const message = await postReminder();
    const opened = await openModal(USERS.jinji, message);
    const http = await world.requests.interaction(
      viewSubmissionPayload({
        userId: USERS.stranger,
        view: opened.view as Record<string, unknown>,
        values: { status: { value: { type: 'static_select', selected_option: { value: 'done', text: { type: 'plain_text', text: '完了' } } } } },
      }),
    );
    expect(JSON.parse(http.body)).toMatchObject({ response_action: 'errors', errors: { status: expect.stringContaining('総務部人事課') } });
    expect(await world.deps.statuses.latest()).toEqual([]);
  });
});
