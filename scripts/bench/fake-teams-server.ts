/**
 * The fake Microsoft services (test/fakes/fake-teams) in a process of their
 * own, for a benchmark whose bot side must not share its event loop with
 * them: Microsoft's servers do not run on the bot's CPU. Started with fork()
 * by scripts/bench/teams-fan-out.ts:
 *
 *   fake-teams-server.ts TEAMS CHANNELS_PER_TEAM
 *
 * adds TEAMS teams of CHANNELS_PER_TEAM channels each (General included),
 * with Teams' published per-conversation and per-tenant limits, and talks
 * over IPC only:
 *
 *   child → parent  { kind: 'ready', fake: FakeTeamsInfo }   listening
 *   parent → child  { kind: 'stop' }                         closes, then exits 0
 *
 * What the bot posted is read over HTTP (`/_fake/activities`,
 * `/_fake/violations`, `/_fake/calls`, `/_fake/tokens`).
 */
import { pathToFileURL } from 'node:url';
import { FakeTeams, TEAMS_TENANT_LIMITS } from '../../test/fakes/fake-teams/index.ts';

export interface FakeTeamsInfo {
  appId: string;
  appPassword: string;
  tenantId: string;
  urls: FakeTeams['urls'];
  /** Origin of the fake, for `/_fake/…`. */
  origin: string;
  teams: { id: string; aadGroupId: string; channels: { id: string; name: string | null }[] }[];
}

export type FakeParentMessage = { kind: 'stop' };
export type FakeChildMessage = { kind: 'ready'; fake: FakeTeamsInfo };

/** The channel ids of the benchmark's teams: `19:bench-t0-c00@thread.tacv2` (General) … */
export const benchChannelId = (team: number, channel: number) => `19:bench-t${team}-c${String(channel).padStart(2, '0')}@thread.tacv2`;

async function main(argv: string[]): Promise<void> {
  if (!process.send) throw new Error('fake-teams-server.ts is started by a benchmark (fork, with an IPC channel)');
  const teamCount = Number(argv[0]);
  const perTeam = Number(argv[1]);
  // Every published limit: each conversation's windows (the default) and the app's in the tenant.
  const fake = await new FakeTeams({ tenantLimits: TEAMS_TENANT_LIMITS }).start();
  const teams = Array.from({ length: teamCount }, (_, t) =>
    fake.addTeam({
      id: benchChannelId(t, 0),
      name: `ベンチチーム${t}`,
      channels: Array.from({ length: perTeam - 1 }, (_, c) => ({ id: benchChannelId(t, c + 1), name: `ベンチ${t}-${c + 1}` })),
    }),
  );
  const origin = new URL(fake.urls.serviceUrl).origin;
  const info: FakeTeamsInfo = {
    appId: fake.appId,
    appPassword: fake.appPassword,
    tenantId: fake.tenantId,
    urls: fake.urls,
    origin,
    teams: teams.map((team) => ({ id: team.id, aadGroupId: team.aadGroupId, channels: team.channels.map((c) => ({ id: c.id, name: c.name ?? null })) })),
  };
  const stop = () => void fake.close().finally(() => process.exit(0));
  process.on('message', (message: FakeParentMessage) => {
    if (message.kind === 'stop') stop();
  });
  // The parent died without saying stop: do not linger.
  process.on('disconnect', stop);
  process.send({ kind: 'ready', fake: info } satisfies FakeChildMessage);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
