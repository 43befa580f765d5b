// A year-end round answered in April (issues 13 and 15): FY2020's round, opened
// in March as of 3/31, is still open when FY2021's plan becomes the default on
// April 1. Its 回答 buttons name FY2020, so they open FY2020's form and the
// answer is recorded in FY2020's round, never in another plan's. A button of a
// message queued before buttons named their plan means the default plan, as it
// always did. Through the real Bolt stack.
import { afterEach, describe, expect, it } from 'vitest';
import { renderRound } from '../../../../src/adapters/slack/render-round.ts';
import type { RoundMessage } from '../../../../src/app/ports.ts';
import { messageButtonPayload, viewSubmissionPayload } from '../../../fakes/slack-requests.ts';
import { nextFiscalYear } from '../../../fixtures/next-fiscal-year.ts';
import { bundledPlan } from '../../../app/tick-world.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
afterEach(async () => {
  await world.stop();
});

const request = (planKey?: string): RoundMessage => ({
  type: 'round',
  lang: 'ja',
  day: '2021-04-05',
  kind: 'reminder',
  division: '総務部人事課',
  unmapped: false,
  round: { asOf: '2021-03-31', deadline: '2021-04-16' },
  ...(planKey !== undefined && { planKey }),
  daysLeft: 9,
  items: [{ id: '1-1', title: '研修', returned: null }],
  divisions: [],
});

async function click(message: RoundMessage, triggerId: string) {
  const rendered = renderRound(message);
  const actions = rendered.blocks.find((b) => b.type === 'actions') as { block_id: string; elements: { action_id: string; value: string }[] };
  const button = actions.elements[0]!;
  const views = world.fake.views.length;
  const responses = world.fake.responses.length;
  await world.requests.interaction(
    messageButtonPayload({ userId: USERS.jinji, channel: 'C0JINJI001', message: { ts: '1617580800.000100', blocks: rendered.blocks }, action: { action_id: button.action_id, block_id: actions.block_id, value: button.value }, responseUrl: world.fake.responseUrl('button'), triggerId }),
  );
  await world.until(() => world.fake.views.length > views || world.fake.responses.length > responses);
  return world.fake.views.length > views ? { view: world.fake.views[world.fake.views.length - 1]!.view as Record<string, unknown>, refusal: null } : { view: null, refusal: JSON.stringify(world.fake.responses.at(-1)) };
}

describe('a round of last year\'s plan, answered after the default plan changed', () => {
  it('opens that plan\'s form from its 回答 button and records the answer in that plan\'s round', async () => {
    const fy2020 = await bundledPlan();
    world = await startSlackAppWorld({ plan: fy2020, nextPlan: { plan: nextFiscalYear(fy2020), key: 'fy2021' }, now: '2021-03-25T10:00:00+09:00' });
    expect(replyText((await world.command('report open 2021-03-31 締切 2021-04-16', USERS.coordinator)).response)).toContain('報告ラウンドを開始しました');
    const [round] = await world.db.selectFrom('report_round').select(['id', 'plan_id']).execute();
    expect(round?.plan_id).toBe('fy2020');

    world.clock.set('2021-04-05T10:00:00+09:00');
    // The default plan is FY2021 now, which has no round: a button without its plan finds none.
    const old = await click(request(), 'trigger-old');
    expect(old.view).toBeNull();
    expect(old.refusal).toContain('開いている報告ラウンドはありません');

    const opened = await click(request('fy2020'), 'trigger-fy2020');
    expect(opened.view).not.toBeNull();
    const view = opened.view!;
    expect(JSON.parse(view.private_metadata as string)).toEqual({ i: '1-1', r: round!.id, p: 'fy2020' });
    const values = {
      achievement: { value: { type: 'plain_text_input', value: '年度末までに研修を3回実施' } },
      evaluation: { value: { type: 'static_select', selected_option: { value: '◎', text: { type: 'plain_text', text: '◎' } } } },
      issues: { value: { type: 'plain_text_input', value: '' } },
      nextSteps: { value: { type: 'plain_text_input', value: '' } },
    };
    const submitted = await world.requests.interaction(viewSubmissionPayload({ userId: USERS.jinji, view, values }));
    expect(submitted.body).toBe('');
    const entries = await world.db.selectFrom('report_entry').select(['round_id', 'item_id', 'evaluation', 'via']).execute();
    expect(entries).toEqual([{ round_id: round!.id, item_id: '1-1', evaluation: '◎', via: 'slack' }]);
  });
});
