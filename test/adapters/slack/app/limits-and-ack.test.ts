// Replies stay within Block Kit's limits however large the plan, and a
// command is acknowledged in time: with its answer when ready, else before its slow work, the answer following at the response_url.
import { afterEach, describe, expect, it } from 'vitest';
import type { Milestone, Plan } from '../../../../src/domain/plan.ts';
import { checkBlocks } from '../../../fakes/fake-slack/check-blocks.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** A plan of `count` milestones of 総務部人事課, every one overdue in September 2020, with long titles full of `&`. */
function hugePlan(count: number): Plan {
  const milestones: Milestone[] = Array.from({ length: count }, (_, i) => ({
    id: `1-1-${i + 1}`,
    title: `${'研修&<>'.repeat(150)} ${i + 1}`,
    scheduleText: '4月~6月',
    schedule: { kind: 'range', start: '2020-04', end: '2020-06' },
  }));
  return {
    version: 1,
    title: `令和2年度 ${'&'.repeat(500)} 計画`,
    fiscalYear: 2020,
    coordinator: '総務部行財政改革推進課',
    pillars: [{ id: 'I', title: '柱'.repeat(400), initiatives: [{ id: '1', title: '取組', items: [{ id: '1-1', title: '項目', owners: ['総務部人事課'], milestones }] }] }],
    warnings: [],
  };
}

function expectWithinLimits(response: { blocks?: unknown[]; text?: string }): void {
  expect(checkBlocks(response.blocks)).toBeNull();
  expect(response.blocks!.length).toBeLessThanOrEqual(50);
  for (const block of response.blocks as { text?: { text: string } }[]) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  expect((response.text ?? '').length).toBeLessThanOrEqual(3000);
}

describe('a 200-milestone plan', () => {
  it('answers every list within Block Kit limits, cut with 他 N 件 and the command for the rest', async () => {
    world = await startSlackAppWorld({ plan: hugePlan(200) });
    for (const text of ['status 総務部人事課', 'status overdue', 'mine', 'status', 'status 1-1-200', 'status upcoming']) {
      const { response } = await world.command(text, USERS.jinji);
      expectWithinLimits(response);
    }
    const division = replyText((await world.command('status 総務部人事課', USERS.jinji)).response);
    expect(division).toContain('他 180 件。`/plan status 総務部人事課 2` で続きを表示します');
    const overview = replyText((await world.command('status', USERS.jinji)).response);
    expect(overview).toContain('他 190 件。`/plan status overdue`');
    const last = await world.command('status 総務部人事課 10', USERS.jinji);
    expectWithinLimits(last.response);
    expect(replyText(last.response)).not.toContain('他 ');
  });

  it('keeps the Home tab within its 100 blocks', async () => {
    world = await startSlackAppWorld({ plan: hugePlan(200) });
    await world.requests.event({ type: 'app_home_opened', user: USERS.coordinator, channel: 'D0HOME', tab: 'home', event_ts: '1.0' });
    await world.requests.event({ type: 'app_home_opened', user: USERS.jinji, channel: 'D0HOME', tab: 'home', event_ts: '1.1' });
    await world.until(() => world!.fake.views.length === 2);
    for (const published of world.fake.views) {
      const blocks = (published.view as { blocks: unknown[] }).blocks;
      expect(blocks.length).toBeLessThanOrEqual(100);
      for (const block of blocks as { text?: { text: string } }[]) expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
  });
});

describe('acknowledgement', () => {
  it('carries the answer when it is ready in time, sparing a second round trip', async () => {
    world = await startSlackAppWorld();
    const { http, via, response } = await world.command('status', USERS.jinji);
    expect(http.status).toBe(200);
    expect(via).toBe('ack');
    expect(response.response_type).toBe('ephemeral');
    expect(world.fake.responses).toEqual([]);
  });

  it('goes out without the answer when the work is slow; the answer follows through respond', async () => {
    world = await startSlackAppWorld({ planDelayMs: 800, answerInAckWithinMs: 200 });
    const sent = Date.now();
    const { http, via, responseAt } = await world.command('status', USERS.jinji);
    expect(http.status).toBe(200);
    expect(http.body).toBe('');
    // The acknowledgement came back before the answer was ready (ordering, not a timing claim).
    expect(sent + http.elapsedMs).toBeLessThan(responseAt);
    expect(via).toBe('response_url');
    expect(responseAt - sent).toBeGreaterThanOrEqual(800);
  });
});
