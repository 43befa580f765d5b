// Adding the app to a team records its channels; a coordinator maps a
// division to a channel from that channel; doctor sees what is missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.ts';
import { cardText, COORDINATOR, GENERAL, JINJI_CHANNEL, startTeamsBot, STRANGER, until, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld;
// Starting the bot and the fakes (RSA keys, migrations, the plan) is slow on a busy machine.
beforeEach(async () => {
  world = await startTeamsBot();
}, 60_000);
afterEach(async () => {
  await world.stop();
}, 30_000);

async function doctor(): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const env = {
    DATABASE_URL: join(world.dir, 'bot.db'),
    TEAMS_APP_ID: world.fake.appId,
    TEAMS_APP_PASSWORD: world.fake.appPassword,
    TEAMS_TENANT_ID: world.fake.tenantId,
    TEAMS_SERVICE_URL: world.fake.urls.serviceUrl,
    TEAMS_OPENID_METADATA_URL: world.fake.urls.openIdMetadataUrl,
    TEAMS_LOGIN_URL: world.fake.urls.loginUrl,
    TEAMS_GRAPH_URL: world.fake.urls.graphUrl,
    SHINCHOKU_DIRECTORY: world.directoryFile,
  };
  const code = await runCli(['node', 'shinchoku', 'doctor'], env, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

describe('Teams installation', { timeout: 60_000 }, () => {
  it('records the team’s channels on install; a coordinator maps a division from its channel; doctor follows', async () => {
    const before = await doctor();
    expect(before.code).toBe(1);
    expect(before.out).toContain('ボットのトークンを取得できました');
    expect(before.out).toMatch(/アプリが追加されていない.*総務部行財政改革推進課/u);

    const install = await world.fake.sendActivity(world.url, world.fake.activities.installationUpdate({ by: COORDINATOR, teamId: GENERAL }));
    expect(install.status).toBe(200);
    const afterInstall = await doctor();
    expect(afterInstall.out).toContain('すべてにアプリが追加されています');
    expect(afterInstall.out).toContain('Microsoft Graph でチャネルのメッセージを確認できます');

    // Someone who is not a coordinator cannot map a division; nothing changes.
    await world.fake.sendActivity(world.url, world.fake.activities.message({ from: STRANGER, teamId: GENERAL, channelId: JINJI_CHANNEL, text: 'owner 総務部人事課', mention: true }));
    await until(() => world.fake.activitiesIn(world.fake.personalChat(STRANGER).id).length > 0);
    expect(readFileSync(world.directoryFile, 'utf8')).not.toContain(JINJI_CHANNEL);

    // The coordinator types it in 人事課's channel: the directory file now names that channel.
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, teamId: GENERAL, channelId: JINJI_CHANNEL, text: 'owner 総務部人事課', mention: true }));
    expect(status).toBe(200);
    await until(() => world.fake.activitiesIn(JINJI_CHANNEL).some((a) => a.replyToId !== null));
    expect(readFileSync(world.directoryFile, 'utf8')).toMatch(new RegExp(`総務部人事課:.*${JINJI_CHANNEL.replace(/[.]/gu, '\\.')}`, 'u'));
    expect(cardText(world.fake.activitiesIn(JINJI_CHANNEL).find((a) => a.replyToId !== null)!.activity)).toContain('総務部人事課');

    // Without the channel-message permission, doctor says what is guaranteed instead.
    world.fake.setChannelMessageReadGranted(GENERAL, false);
    const withoutGraph = await doctor();
    expect(withoutGraph.out).toContain('ChannelMessage.Read.Group');
    expect(withoutGraph.out).toContain('2 回届くことがあります');

    // Removing the app from the team: its channels are no longer where messages can go.
    await world.fake.sendActivity(world.url, world.fake.activities.installationUpdate({ by: COORDINATOR, teamId: GENERAL, action: 'remove' }));
    expect((await doctor()).out).toMatch(/アプリが追加されていない/u);
  });
});
