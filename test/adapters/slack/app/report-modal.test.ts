// `/plan report answer ID` through the real Bolt stack: the answer modal opens
// with the command's trigger_id, prefilled, 進捗評価 a select of the round's
// scale; a bad submission is answered inside the modal under its field and
// nothing is recorded; a good one is recorded via `slack` and confirmed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageButtonPayload, viewSubmissionPayload } from '../../../fakes/slack-requests.ts';
import { renderRound } from '../../../../src/adapters/slack/render-round.ts';
import type { RoundMessage } from '../../../../src/app/ports.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
beforeEach(async () => {
  world = await startSlackAppWorld();
});
afterEach(async () => {
  await world.stop();
});

const entries = () => world.db.selectFrom('report_entry').selectAll().execute();

async function openForm(user: string) {
  const before = world.fake.views.length;
  const http = await world.requests.slashCommand({ text: 'report answer 1-1', user_id: user, response_url: world.fake.responseUrl('form'), trigger_id: 'trigger-report-1' });
  expect(http.status).toBe(200);
  await world.until(() => world.fake.views.length > before);
  return world.fake.views[world.fake.views.length - 1]!;
}

type Values = Record<string, Record<string, unknown>>;
const fields = (evaluation: string | null, achievement: string, issues = ''): Values => ({
  achievement: { value: { type: 'plain_text_input', value: achievement } },
  evaluation: { value: { type: 'static_select', selected_option: evaluation === null ? null : { value: evaluation, text: { type: 'plain_text', text: evaluation } } } },
  issues: { value: { type: 'plain_text_input', value: issues } },
  nextSteps: { value: { type: 'plain_text_input', value: '下半期も継続' } },
});

describe('the report answer modal', () => {
  it('opens prefilled with the scale, refuses bad fields under each field, records a good answer via slack', async () => {
    expect(replyText((await world.command('report open 2020-09-30 締切 2020-10-09', USERS.coordinator)).response)).toContain('報告ラウンドを開始しました');
    await world.command('update 1-1-1 done 研修を実施した', USERS.jinji);

    const opened = await openForm(USERS.jinji);
    expect(opened.method).toBe('views.open');
    expect(opened.triggerId).toBe('trigger-report-1');
    const view = opened.view as Record<string, unknown> & { callback_id: string; blocks: Array<{ block_id?: string; element?: Record<string, unknown> }> };
    expect(view.callback_id).toBe('report_answer_modal');
    expect(view.blocks.filter((b) => b.block_id).map((b) => b.block_id)).toEqual(['achievement', 'evaluation', 'issues', 'nextSteps']);
    const select = view.blocks.find((b) => b.block_id === 'evaluation')!.element as { type: string; options: Array<{ value: string }>; initial_option?: { value: string } };
    expect(select.type).toBe('static_select');
    expect(select.options.map((o) => o.value)).toEqual(['◎', '○', '△', '×']);
    const achievement = view.blocks.find((b) => b.block_id === 'achievement')!.element as { initial_value?: string; multiline: boolean };
    expect(achievement.multiline).toBe(true);
    expect(achievement.initial_value).toContain('研修を実施した');

    const submit = (values: Values, user: string = USERS.jinji) => world.requests.interaction(viewSubmissionPayload({ userId: user, view, values }));
    const empty = await submit(fields('○', ''));
    expect(JSON.parse(empty.body)).toEqual({ response_action: 'errors', errors: { achievement: '進捗評価「○」では取組実績の記入が必要です' } });
    const long = await submit(fields('◎', '実施', 'あ'.repeat(1001)));
    expect(JSON.parse(long.body)).toMatchObject({ response_action: 'errors', errors: { issues: expect.stringContaining('1001字') } });
    const stranger = await submit(fields('◎', '実施'), USERS.stranger);
    expect(JSON.parse(stranger.body)).toMatchObject({ response_action: 'errors', errors: { evaluation: expect.stringContaining('総務部人事課') } });
    expect(await entries()).toEqual([]);

    const ok = await submit(fields('◎', '研修を2回実施 <!channel>'));
    expect(ok.body).toBe('');
    await world.until(() => world.fake.callsTo('chat.postMessage').length > 0);
    expect((await entries()).map((e) => [e.kind, e.evaluation, e.achievement, e.via, e.actor])).toEqual([['answer', '◎', '研修を2回実施 <!channel>', 'slack', USERS.jinji]]);
    const confirmation = JSON.stringify(world.fake.callsTo('chat.postMessage')[0]!.params);
    expect(confirmation).toContain('1-1 の回答を記録しました');
    expect(confirmation).not.toContain('<!channel>');
  });

  it('opens the same modal from the 回答 button of a round\'s request in the division\'s channel', async () => {
    await world.command('report open 2020-09-30 締切 2020-10-09', USERS.coordinator);
    const request: RoundMessage = {
      type: 'round',
      lang: 'ja',
      day: '2020-10-01',
      kind: 'request',
      division: '総務部人事課',
      unmapped: false,
      round: { asOf: '2020-09-30', deadline: '2020-10-09' },
      daysLeft: 6,
      items: [{ id: '1-1', title: '研修', returned: null }],
      divisions: [],
    };
    const message = renderRound(request);
    const actions = message.blocks.find((b) => b.type === 'actions') as { block_id: string; elements: { action_id: string; value: string }[] };
    const button = actions.elements[0]!;
    const before = world.fake.views.length;
    await world.requests.interaction(
      messageButtonPayload({ userId: USERS.jinji, channel: 'C0JINJI001', message: { ts: '1601510400.000100', blocks: message.blocks }, action: { action_id: button.action_id, block_id: actions.block_id, value: button.value }, responseUrl: world.fake.responseUrl('button'), triggerId: 'trigger-round-1' }),
    );
    await world.until(() => world.fake.views.length > before);
    const opened = world.fake.views[world.fake.views.length - 1]!;
    expect(opened.triggerId).toBe('trigger-round-1');
    expect((opened.view as { callback_id: string }).callback_id).toBe('report_answer_modal');
    expect(JSON.stringify(opened.view)).toContain('1-1');
  });

  it('answers a user who may not answer, or when no round is open, without a modal', async () => {
    const closed = await world.command('report answer 1-1', USERS.jinji);
    expect(replyText(closed.response)).toContain('開いている報告ラウンドはありません');
    await world.command('report open 2020-09-30 締切 2020-10-09', USERS.coordinator);
    const refused = await world.command('report answer 1-1', USERS.stranger);
    expect(replyText(refused.response)).toContain('この取組項目に回答できるのは');
    expect(world.fake.views).toEqual([]);
  });
});
