// The real bot in Teams mode (database, bundled plan, directory, the Teams
// SDK app on a free port, notifier, dispatcher) against the fake Microsoft
// services, for the Teams adapter's tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import { startBot, type RunningBot } from '../../../src/main.ts';
import { FakeTeams, guidFrom, type FakeMember, type FakeTeam, type FakeTeamsOptions } from '../../fakes/fake-teams/index.ts';

export const member = (name: string): FakeMember => ({ id: `29:${name}`, aadObjectId: guidFrom(name), name });

export const COORDINATOR = member('coordinator');
export const ZEISHU = member('zeishu-owner');
export const STRANGER = member('stranger');

export const GENERAL = '19:general-reform@thread.tacv2';
export const REFORM = '19:reform@thread.tacv2';
export const ZEISHU_CHANNEL = '19:zeishu@thread.tacv2';
export const JINJI_CHANNEL = '19:jinji@thread.tacv2';

export interface TeamsBotWorld {
  fake: FakeTeams;
  team: FakeTeam;
  bot: RunningBot;
  url: string;
  dir: string;
  directoryFile: string;
  printed: string[];
  stop(): Promise<void>;
}

/** The directory of the tests: the reform office, 税収確保課 mapped, 人事課 not yet. */
export function directoryYaml(): string {
  return [
    `coordinator: { division: 総務部行財政改革推進課, channel: '${REFORM}', users: ['${COORDINATOR.aadObjectId}'] }`,
    'divisions:',
    `  総務部税収確保課: { channel: '${ZEISHU_CHANNEL}', users: ['${ZEISHU.aadObjectId}'], deputies: [] }`,
    '',
  ].join('\n');
}

/**
 * Starts the fake services and the bot; `env` adds or overrides settings,
 * `fakeOptions` the fake's (its limits), and `envFromFake` settings that need the fake's address.
 */
export async function startTeamsBot(env: Record<string, string> = {}, fakeOptions: FakeTeamsOptions = {}, envFromFake: (fake: FakeTeams) => Record<string, string> = () => ({})): Promise<TeamsBotWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'shinchoku-teams-'));
  const directoryFile = join(dir, 'directory.yaml');
  writeFileSync(directoryFile, directoryYaml());
  const fake = await new FakeTeams(fakeOptions).start();
  const team = fake.addTeam({
    id: GENERAL,
    name: '行財政改革',
    channels: [
      { id: REFORM, name: '取りまとめ' },
      { id: ZEISHU_CHANNEL, name: '税収確保課' },
      { id: JINJI_CHANNEL, name: '人事課' },
    ],
    members: [COORDINATOR, ZEISHU, STRANGER],
  });
  const config = loadConfig({
    DATABASE_URL: join(dir, 'bot.db'),
    ...fake.settings,
    PORT: '0',
    SHINCHOKU_DIRECTORY: directoryFile,
    SHINCHOKU_NOW: '2020-07-22T10:00:00+09:00',
    LOG_LEVEL: 'silent',
    ...env,
    ...envFromFake(fake),
  });
  if (!config.ok) throw new Error(config.error.message);
  const printed: string[] = [];
  const bot = await startBot(config.value, (text) => printed.push(text));
  const url = `http://127.0.0.1:${bot.teamsPort}/api/messages`;
  return {
    fake,
    team,
    bot,
    url,
    dir,
    directoryFile,
    printed,
    async stop() {
      await bot.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits for `condition`, polling; fails after `ms`. */
export async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every text a card shows, joined: what a person reads. */
export function cardText(activity: Record<string, unknown>): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(activity.attachments);
  return texts.join('\n');
}
