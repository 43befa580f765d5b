/**
 * The year scenario's bot on Microsoft Teams (issue 14): the same store,
 * jobs and dispatcher as the Slack run (year-world.ts), with the Teams parts
 * composeTeams builds for startBot — the real Teams SDK app on a free port,
 * the Teams notifier and Teams' pacing — against the fake Microsoft services,
 * whose Bot Connector enforces Teams' per-conversation limits on the virtual
 * clock. The directory is the Slack run's, with Teams ids: each channel a
 * `19:…@thread.tacv2` conversation, each person an Entra object id.
 * The refusing division's channel is in a team the app was never added to
 * (403 BotNotInConversationRoster).
 */
import { composeTeams } from '../../src/adapters/teams/compose-teams.ts';
import { teamsSettingsOf } from '../../src/config.ts';
import { FakeTeams, guidFrom, TEAMS_TENANT_LIMITS, type FakeMember } from '../fakes/fake-teams/index.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';
import { COORDINATOR, DIVISIONS, REFUSING, REFUSING_CHANNEL, startYearBot, type YearBot } from './year-world.ts';

/** A Slack channel id of the script as a Teams channel's conversation id. */
export function teamsChannelOf(slackChannel: string): string {
  return `19:${slackChannel.toLowerCase()}@thread.tacv2`;
}

/** A Slack user of the script as the Teams member the same person is. */
export function teamsMemberOf(slackUser: string): FakeMember {
  return { id: `29:${slackUser}`, aadObjectId: guidFrom(slackUser), name: slackUser };
}

/** The team the app was added to: the coordinator channel is its General, every mapped division a channel. */
export const REFORM_TEAM = teamsChannelOf(COORDINATOR.channel);
/** The refusing division's team: the app was never added to it. */
export const REFUSING_TEAM = teamsChannelOf(REFUSING_CHANNEL);

/** The team a channel of the script belongs to. */
export function teamOf(slackChannel: string): string {
  return slackChannel === REFUSING_CHANNEL ? REFUSING_TEAM : REFORM_TEAM;
}

export interface YearTeamsWorld extends YearBot {
  fake: FakeTeams;
  /** Where the bot serves /api/messages. */
  url: string;
}

export async function startYearTeamsWorld(start: Date): Promise<YearTeamsWorld> {
  const clock = new VirtualClock(start);
  // Rate limits (each conversation's and the tenant's), activity ids and timestamps follow the virtual clock.
  const fake = await new FakeTeams({ now: () => clock.now().getTime(), tenantLimits: TEAMS_TENANT_LIMITS }).start();
  const people = [...new Set([...COORDINATOR.users, ...Object.values(DIVISIONS).flatMap((d) => [...d.users, ...d.deputies])])].map(teamsMemberOf);
  const mapped = Object.entries(DIVISIONS).filter(([division]) => division !== REFUSING);
  fake.addTeam({ id: REFORM_TEAM, name: '行財政改革', channels: mapped.map(([division, entry]) => ({ id: teamsChannelOf(entry.channel), name: division })), members: people });
  fake.addTeam({ id: REFUSING_TEAM, name: REFUSING, members: people });
  fake.setInstalled(REFUSING_TEAM, false);

  const aad = (users: readonly string[]) => users.map((user) => teamsMemberOf(user).aadObjectId);
  const bot = await startYearBot(start, clock, {
    env: fake.settings,
    directory: {
      coordinator: { division: COORDINATOR.division, channel: teamsChannelOf(COORDINATOR.channel), users: aad(COORDINATOR.users) },
      divisions: Object.fromEntries(
        Object.entries(DIVISIONS).map(([division, entry]) => [division, { channel: teamsChannelOf(entry.channel), users: aad(entry.users), deputies: aad(entry.deputies) }]),
      ),
    },
    // The notifier warns about each card the refusing team turns down.
    expectedWarning: (obj) => (obj as { error?: unknown }).error === 'teams_forbidden',
    compose(config, db, logger) {
      const settings = teamsSettingsOf(config);
      if (!settings) throw new Error('expected the Teams settings');
      // No proxy: the fake is on 127.0.0.1.
      const teams = composeTeams(settings, db, logger, {});
      return {
        notifier: teams.notifier,
        pacer: teams.pacer,
        async start(deps, outbox) {
          const started = await teams.start(deps, config.SHINCHOKU_LANG, outbox);
          if (!started.ok) throw new Error(started.error.message);
          return started.value;
        },
      };
    },
    stop: () => fake.close(),
  });
  return Object.assign(bot, { fake, url: `http://127.0.0.1:${bot.port}/api/messages` });
}
