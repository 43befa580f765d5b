// SPEC §7.3 on Teams: the keys that verify incoming activities are fetched
// through the office's CONNECT proxy too. The OpenID metadata URL names a
// host (teams.test) that only the proxy resolves, so a fetch that went
// around it (the SDK's own jwks-rsa, which takes no agent) would fail and
// every activity would be refused with 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectProxy } from '../../fakes/connect-proxy.ts';
import { COORDINATOR, startTeamsBot, until, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld;
let proxy: ConnectProxy;
let keysTunnel: string;

beforeAll(async () => {
  proxy = await new ConnectProxy({ hosts: { 'teams.test': '127.0.0.1' } }).start();
  // The bot's other endpoints stay on 127.0.0.1 (no proxy for loopback), so only the keys go through the proxy here.
  world = await startTeamsBot({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, {}, (fake) => {
    const port = new URL(fake.urls.openIdMetadataUrl).port;
    keysTunnel = `teams.test:${port}`;
    return { TEAMS_OPENID_METADATA_URL: `http://teams.test:${port}/v1/.well-known/openidconfiguration` };
  });
}, 60_000);
afterAll(async () => {
  await world?.stop();
  await proxy?.stop();
}, 30_000);

describe('Teams behind the office proxy', { timeout: 60_000 }, () => {
  it('verifies an activity with keys fetched through a CONNECT tunnel, and still refuses a forged one', async () => {
    const chat = world.fake.personalChat(COORDINATOR).id;
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, text: 'help' }));
    expect(status).toBe(200);
    await until(() => world.fake.activitiesIn(chat).length > 0, 30_000);
    expect(proxy.connects).toContain(keysTunnel);
    expect(proxy.plainRequests).toEqual([]);

    const forged = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, text: 'help' }), { key: 'foreign' });
    expect(forged.status).toBe(401);
    expect(world.fake.activitiesIn(chat)).toHaveLength(1);
  });
});
