// Divisions whose channel members are their owners: conversations.members, paged and cached.
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChannelMembers } from '../../../../src/adapters/slack/app/channel-members.ts';
import { SILENT_LOGGER } from '../../../../src/adapters/slack/web-api-logger.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../../fakes/fake-slack-api.ts';
import { replyText, startSlackAppWorld, USERS, type SlackAppWorld } from './slack-app-world.ts';

describe('createChannelMembers', () => {
  let fake: FakeSlackApi;
  beforeEach(async () => {
    fake = await startFakeSlackApi();
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('reads every page, keeps the answer for the TTL, and shares a lookup in flight', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => `U${String(i).padStart(8, '0')}`);
    fake.setMembers('C1', many);
    let now = 0;
    const members = createChannelMembers(new webApi.WebClient('xoxb-t', { slackApiUrl: fake.url }), { ttlMs: 1000, now: () => now, logger: SILENT_LOGGER });
    const [a, b] = await Promise.all([members.membersOf('C1'), members.membersOf('C1')]);
    expect(a.size).toBe(2500);
    expect(b).toBe(a);
    expect(fake.callsTo('conversations.members')).toHaveLength(3);
    now = 999;
    await members.membersOf('C1');
    expect(fake.callsTo('conversations.members')).toHaveLength(3);
    now = 1000;
    fake.setMembers('C1', ['U1']);
    expect([...(await members.membersOf('C1'))]).toEqual(['U1']);
  });

  it('grants nothing when the members cannot be read, and tries again next time', async () => {
    fake.setChannelError('C2', 'channel_not_found');
    const members = createChannelMembers(new webApi.WebClient('xoxb-t', { slackApiUrl: fake.url, retryConfig: { retries: 0 } }), { logger: SILENT_LOGGER });
    expect((await members.membersOf('C2')).size).toBe(0);
    fake.setChannelError('C2', null);
    fake.setMembers('C2', ['U2']);
    expect([...(await members.membersOf('C2'))]).toEqual(['U2']);
  });
});

describe('a division mapped to a channel of owners', () => {
  let world: SlackAppWorld;
  beforeEach(async () => {
    world = await startSlackAppWorld();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('lets members of the channel report for it, once the coordinator says so', async () => {
    world.fake.setMembers('C0JINJI001', ['U0NEWBIE1']);
    expect(replyText((await world.command('update 1-1-4 on_track', 'U0NEWBIE1')).response)).toContain('総務部人事課');
    expect(await world.deps.statuses.latest()).toEqual([]);

    await world.command('owner 総務部人事課 members', USERS.coordinator);
    const { response } = await world.command('update 1-1-4 on_track', 'U0NEWBIE1');
    expect(replyText(response)).toContain('「順調」');
    expect(await world.deps.statuses.history('1-1-4')).toEqual([expect.objectContaining({ actor: 'U0NEWBIE1', via: 'slash' })]);
    expect(replyText((await world.command('mine', 'U0NEWBIE1')).response)).toContain('総務部人事課');
  });
});
