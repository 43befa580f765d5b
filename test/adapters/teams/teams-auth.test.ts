// Every request to /api/messages carries a token the SDK verifies: signature
// against the issuer's published keys, issuer, audience = TEAMS_APP_ID, and
// the serviceurl claim. Anything else is 401 and changes nothing; the SDK's
// environment fallbacks cannot switch that off.
import { afterEach, describe, expect, it } from 'vitest';
import { GENERAL, startTeamsBot, ZEISHU, ZEISHU_CHANNEL, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

/** Every message the bot has posted anywhere (reminders, answers). */
function everything(w: TeamsBotWorld): number {
  return w.fake.allActivities().length;
}

describe('Teams request authentication', { timeout: 60_000 }, () => {
  it('refuses unsigned, forged, expired, other-audience, wrong-issuer and wrong-service-URL tokens with 401, and records nothing', async () => {
    world = await startTeamsBot();
    const w = world;
    const update = () => w.fake.activities.message({ from: ZEISHU, teamId: GENERAL, channelId: ZEISHU_CHANNEL, text: '更新 6-2-10 完了 偽の報告', mention: true });
    // Let the start's catch-up deliveries settle before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = everything(w);
    const cases: Array<[string, Parameters<typeof w.fake.sendActivity>[2]]> = [
      ['unsigned', { unsigned: true }],
      ['forged', { key: 'foreign' }],
      ['expired', { expiresInSeconds: -3600 }],
      ['other audience', { audience: 'another-app-id' }],
      ['other issuer', { issuer: 'https://login.example.org' }],
      ['other service URL', { serviceUrl: 'https://attacker.example.org/teams/' }],
    ];
    for (const [name, options] of cases) {
      const { status } = await w.fake.sendActivity(w.url, update(), options);
      expect(status, name).toBe(401);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(everything(w)).toBe(before);

    // The same request properly signed goes through (so the refusals above were about the token).
    const { status } = await w.fake.sendActivity(w.url, w.fake.activities.message({ from: ZEISHU, text: 'history 6-2-10' }));
    expect(status).toBe(200);
    const chat = w.fake.personalChat(ZEISHU);
    expect(JSON.stringify(w.fake.activitiesIn(chat.id))).not.toContain('偽の報告');
  });

  it('ignores the SDK’s environment fallbacks: DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS and the rest change nothing', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
      CLIENT_ID: 'env-client',
      CLIENT_SECRET: 'env-secret',
      TENANT_ID: 'env-tenant',
      SERVICE_URL: 'http://127.0.0.1:9/nowhere',
      CLOUD: 'China',
      MANAGED_IDENTITY_CLIENT_ID: 'system',
    });
    try {
      world = await startTeamsBot();
      const w = world;
      const unsigned = await w.fake.sendActivity(w.url, w.fake.activities.message({ from: ZEISHU, text: 'status' }), { unsigned: true });
      expect(unsigned.status).toBe(401);
      // Tokens still come from TEAMS_* through our own request, answers still reach the real connector.
      const chat = w.fake.personalChat(ZEISHU);
      const signed = await w.fake.sendActivity(w.url, w.fake.activities.message({ from: ZEISHU, text: 'status 6-2-10' }));
      expect(signed.status).toBe(200);
      expect(w.fake.activitiesIn(chat.id)).toHaveLength(1);
      expect(w.fake.tokenRequests.every((request) => request.clientId === w.fake.appId)).toBe(true);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});
