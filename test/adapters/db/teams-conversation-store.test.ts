import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTeamsConversationStore } from '../../../src/adapters/db/teams-conversation-store.ts';
import { DIALECTS, type TestDatabase } from './dialects.ts';

const GENERAL = '19:general-team@thread.tacv2';
const JINJI = '19:jinji@thread.tacv2';
const SERVICE = 'https://smba.trafficmanager.net/jp/';

for (const dialect of DIALECTS) {
  describe(`teams conversation store (${dialect.name})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await dialect.open();
    });
    afterEach(async () => {
      await test.dispose();
    });

    it('records a team’s channels, keeps names and group id a later update leaves out, and forgets nothing on removal', async () => {
      const store = createTeamsConversationStore(test.db);
      await store.recordTeam({ teamId: GENERAL, aadGroupId: 'group-1', tenantId: 't1', serviceUrl: SERVICE, channels: [{ id: GENERAL, name: null }, { id: JINJI, name: '人事課' }] }, '2020-07-01T00:00:00.000Z');
      await store.recordTeam({ teamId: GENERAL, aadGroupId: null, tenantId: 't1', serviceUrl: SERVICE, channels: [{ id: JINJI, name: null }] }, '2020-07-02T00:00:00.000Z');
      expect(await store.channel(JINJI)).toEqual({ conversationId: JINJI, teamId: GENERAL, aadGroupId: 'group-1', name: '人事課', tenantId: 't1', serviceUrl: SERVICE, installed: true });
      expect((await store.channels()).map((c) => c.conversationId)).toEqual([GENERAL, JINJI]);

      await store.markTeamRemoved(GENERAL, '2020-07-03T00:00:00.000Z');
      expect((await store.channels()).map((c) => c.installed)).toEqual([false, false]);
      expect(await store.channel('19:unknown@thread.tacv2')).toBeNull();
    });

    it('answers the notifier from memory for a minute, but its own install updates at once', async () => {
      let now = 0;
      const bot = createTeamsConversationStore(test.db, { rememberChannelsMs: 60_000, now: () => now });
      // Another instance of the bot on the same database.
      const other = createTeamsConversationStore(test.db);
      const team = (serviceUrl: string) => ({ teamId: GENERAL, aadGroupId: 'group-1', tenantId: 't1', serviceUrl, channels: [{ id: JINJI, name: '人事課' }] });
      await bot.recordTeam(team(SERVICE), '2020-07-01T00:00:00.000Z');
      expect((await bot.channel(JINJI))?.serviceUrl).toBe(SERVICE);

      await other.recordTeam(team('https://smba.trafficmanager.net/amer/'), '2020-07-02T00:00:00.000Z');
      now = 59_999;
      expect((await bot.channel(JINJI))?.serviceUrl).toBe(SERVICE);
      now = 60_000;
      expect((await bot.channel(JINJI))?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');

      await bot.recordTeam(team('https://smba.trafficmanager.net/emea/'), '2020-07-03T00:00:00.000Z');
      expect((await bot.channel(JINJI))?.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
      await bot.markTeamRemoved(GENERAL, '2020-07-04T00:00:00.000Z');
      expect((await bot.channel(JINJI))?.installed).toBe(false);
    });

    it('finds a user’s personal chat, the latest one first', async () => {
      const store = createTeamsConversationStore(test.db);
      expect(await store.personalChatOf('aad-1')).toBeNull();
      await store.recordPersonalChat({ conversationId: 'a:old', userId: 'aad-1', tenantId: 't1', serviceUrl: SERVICE }, '2020-07-01T00:00:00.000Z');
      await store.recordPersonalChat({ conversationId: 'a:new', userId: 'aad-1', tenantId: 't1', serviceUrl: SERVICE }, '2020-07-02T00:00:00.000Z');
      expect(await store.personalChatOf('aad-1')).toEqual({ conversationId: 'a:new', userId: 'aad-1', tenantId: 't1', serviceUrl: SERVICE });
      // A personal chat is not a channel.
      expect(await store.channel('a:new')).toBeNull();
    });
  });
}
