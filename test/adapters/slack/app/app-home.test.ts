// The App Home tab: published when opened, with the viewer's open milestones
// and status buttons that work from there; the plan summary for coordinators.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { homeButtonPayload } from '../../../fakes/slack-requests.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

let world: SlackAppWorld;
beforeEach(async () => {
  world = await startSlackAppWorld();
});
afterEach(async () => {
  await world.stop();
});

async function openHome(user: string): Promise<{ id: string; blocks: { type: string; block_id?: string; elements?: { action_id: string; value: string }[] }[] }> {
  const before = world.fake.views.length;
  const http = await world.requests.event({ type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` });
  expect(http.status).toBe(200);
  await world.until(() => world.fake.views.length > before);
  const published = world.fake.views[world.fake.views.length - 1]!;
  expect(published).toMatchObject({ method: 'views.publish', userId: user });
  return { id: published.id, blocks: (published.view as { blocks: never[] }).blocks };
}

it('shows an owner their divisions’ open milestones, soonest due first, with status buttons', async () => {
  const home = await openHome(USERS.jinji);
  const text = replyText({ blocks: home.blocks });
  expect(text).toContain('総務部人事課');
  const ids = [...text.matchAll(/\*(\d+-\d+-\d+)\*/gu)].map((m) => m[1]);
  expect(ids.slice(0, 3)).toEqual(['1-1-2', '1-1-3', '1-1-4']);
  expect(ids).not.toContain('2-1-1');
  expect(home.blocks.filter((b) => b.type === 'actions')).toHaveLength(ids.length);
  // Not a coordinator: no plan summary.
  expect(text).not.toContain('計画全体');
});

it('records a status from the Home tab and publishes it again', async () => {
  const home = await openHome(USERS.jinji);
  const actions = home.blocks.find((b) => b.type === 'actions')!;
  const done = actions.elements!.find((e) => e.action_id === 'status_done')!;
  await world.requests.interaction(homeButtonPayload({ userId: USERS.jinji, viewId: home.id, action: { action_id: 'status_done', block_id: actions.block_id!, value: done.value } }));
  await world.until(() => world.fake.views.length === 2);
  expect(await world.deps.statuses.history('1-1-2')).toEqual([expect.objectContaining({ status: 'done', via: 'button', actor: USERS.jinji })]);
  // Done milestones leave the list.
  expect(replyText({ blocks: (world.fake.views[1]!.view as { blocks: unknown[] }).blocks })).not.toContain('*1-1-2*');
});

it('gives coordinators the plan summary, and tells someone in no division how to be added', async () => {
  expect(replyText({ blocks: (await openHome(USERS.coordinator)).blocks })).toContain('計画全体');
  expect(replyText({ blocks: (await openHome(USERS.stranger)).blocks })).toContain('/plan owner');
});

it('ignores the Messages tab', async () => {
  await world.requests.event({ type: 'app_home_opened', user: USERS.jinji, channel: 'D0HOME', tab: 'messages', event_ts: '1.0' });
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(world.fake.views).toEqual([]);
});
