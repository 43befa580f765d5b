// The Teams notifier against the fake Bot Connector and Graph: what each of
// Microsoft's answers means for delivery, the exactly-once lookup, and the
// dispatcher paced within Teams' per-conversation limits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import { createBotTokenSource } from '../../../src/adapters/teams/bot-token-source.ts';
import { createGraphLookup } from '../../../src/adapters/teams/find-delivered-in-graph.ts';
import { outboxKeyOfCard, renderOutboxCard } from '../../../src/adapters/teams/outbox-card.ts';
import { SILENT_TEAMS_LOGGER } from '../../../src/adapters/teams/sdk-logger.ts';
import { teamsEndpointsOf } from '../../../src/adapters/teams/teams-endpoints.ts';
import { createTeamsNotifier } from '../../../src/adapters/teams/teams-notifier.ts';
import { TEAMS_CONVERSATION_WINDOWS, windowPacer } from '../../../src/app/channel-pacer.ts';
import { createDispatcher } from '../../../src/app/dispatch-outbox.ts';
import type { Notifier, OutgoingMessage } from '../../../src/app/ports.ts';
import { FakeTeams, type FakeTeam } from '../../fakes/fake-teams/index.ts';
import { reminderMessage } from '../../fakes/reminder-messages.ts';

const GENERAL = '19:general-n@thread.tacv2';
const CHANNELS = ['19:n1@thread.tacv2', '19:n2@thread.tacv2'];

let fake: FakeTeams;
let team: FakeTeam;
let notifier: Notifier;
let groupKnown = true;

beforeAll(async () => {
  fake = await new FakeTeams().start();
  team = fake.addTeam({ id: GENERAL, name: 'n', channels: CHANNELS.map((id, i) => ({ id, name: `c${i}` })) });
  const endpoints = teamsEndpointsOf({ cloud: 'public', tenantId: fake.tenantId, serviceUrl: fake.urls.serviceUrl, openIdMetadataUrl: fake.urls.openIdMetadataUrl, loginUrl: fake.urls.loginUrl, graphUrl: fake.urls.graphUrl });
  const tokens = createBotTokenSource({ tokenUrl: endpoints.tokenUrl, clientId: fake.appId, clientSecret: fake.appPassword });
  notifier = createTeamsNotifier({
    http: { token: () => tokens.token(endpoints.botScope), timeout: 5_000 },
    defaultServiceUrl: endpoints.serviceUrl,
    serviceUrlOf: async () => null,
    render: renderOutboxCard,
    findDelivered: createGraphLookup({
      graphUrl: endpoints.graphUrl,
      graphScope: endpoints.graphScope,
      appId: fake.appId,
      token: (scope) => tokens.token(scope),
      groupOf: async () => (groupKnown ? team.aadGroupId : null),
      keyOfCard: outboxKeyOfCard,
      logger: SILENT_TEAMS_LOGGER,
    }),
    logger: SILENT_TEAMS_LOGGER,
    random: () => 0.5,
  });
  // Generating the issuer's RSA keys takes a while on a busy machine.
}, 60_000);
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  groupKnown = true;
  fake.setChannelMessageReadGranted(GENERAL, true);
});

let sequence = 0;
function message(channel = CHANNELS[0]!): OutgoingMessage {
  sequence++;
  return { key: `reminders|2020-07-22|総務部人事課|${sequence}`, channel, body: reminderMessage() };
}

describe('Teams notifier', () => {
  it('posts the card with its key and returns the activity id', async () => {
    const m = message();
    const result = await notifier.send(m);
    expect(result.ok).toBe(true);
    const stored = fake.activitiesIn(m.channel);
    expect(stored).toHaveLength(1);
    if (result.ok) expect(result.ts).toBe(stored[0]!.id);
    expect(JSON.stringify(stored[0]!.activity)).toContain('1-1-2');
  });

  it('maps Microsoft’s answers: 429 waits as told, 412/502/504 and dropped connections retry, 403/404/413 stop with a reason', async () => {
    const expectations: Array<[Parameters<FakeTeams['failNext']>[1], object]> = [
      [{ status: 429, retryAfterSeconds: 3 }, { kind: 'rate_limited', retryAfterMs: 3_000 }],
      [{ status: 412 }, { kind: 'transient' }],
      [{ status: 502 }, { kind: 'transient' }],
      [{ status: 504 }, { kind: 'transient' }],
      [{ status: 403 }, { kind: 'permanent', error: 'teams_forbidden' }],
      [{ status: 404 }, { kind: 'permanent', error: 'teams_not_found' }],
      [{ status: 413 }, { kind: 'permanent', error: 'teams_too_large' }],
    ];
    for (const [fault, expected] of expectations) {
      fake.failNext(CHANNELS[0]!, fault);
      expect(await notifier.send(message()), `HTTP ${fault.status}`).toMatchObject({ ok: false, ...expected });
    }
    fake.dropNext(CHANNELS[0]!);
    expect(await notifier.send(message())).toMatchObject({ ok: false, kind: 'transient' });
    // Nothing of the refused sends reached the channel.
    expect(fake.activitiesIn(CHANNELS[0]!)).toHaveLength(0);
  });

  it('finds a card it sent through Graph after a lost answer, so it is not sent twice', async () => {
    const since = new Date(Date.now() - 1_000);
    const m = message();
    // Teams stores the card but the answer never reaches the bot.
    fake.dropNext(m.channel, { after: true });
    expect((await notifier.send(m)).ok).toBe(false);
    const found = await notifier.findDelivered(m.channel, m.key, since);
    expect(found).toBe(fake.activitiesIn(m.channel)[0]!.id);
    expect(await notifier.findDelivered(m.channel, `${m.key}-other`, since)).toBeNull();
  });

  it('without the channel-message permission, or the team unknown, answers "not found" (at least once)', async () => {
    const m = message();
    await notifier.send(m);
    fake.setChannelMessageReadGranted(GENERAL, false);
    expect(await notifier.findDelivered(m.channel, m.key, new Date(Date.now() - 1_000))).toBeNull();
    fake.setChannelMessageReadGranted(GENERAL, true);
    groupKnown = false;
    expect(await notifier.findDelivered(m.channel, m.key, new Date(Date.now() - 1_000))).toBeNull();
  });
});

/** An outbox on a fresh SQLite file with `perChannel` cards queued for each conversation, for `use`. */
async function withQueuedCards(perChannel: number, tag: string, use: (outbox: ReturnType<typeof createOutboxStore>) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shinchoku-teams-pace-'));
  const db = await openDatabase(join(dir, 'outbox.db'));
  try {
    const outbox = createOutboxStore(db);
    await outbox.tickTransaction('t', new Date(), async (tx) => {
      for (let i = 0; i < perChannel; i++) {
        for (const channel of CHANNELS) {
          await tx.enqueue({ baseKey: `reminders|2020-07-22|${tag}${i}|${channel}`, day: '2020-07-22', division: `${tag}${i}`, channel, body: reminderMessage() }, []);
        }
      }
    });
    await use(outbox);
  } finally {
    await closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the dispatcher on Teams’ limits', { timeout: 60_000 }, () => {
  it('delivers 20 cards to each of two conversations, none twice, without one 429, near the limits’ floor', async () => {
    await withQueuedCards(20, 'd', async (outbox) => {
      const dispatcher = createDispatcher({ outbox, notifier, clock: { now: () => new Date() }, owner: 'test', pacer: windowPacer(TEAMS_CONVERSATION_WINDOWS) });
      const started = Date.now();
      let sent = 0;
      while (sent < 40 && Date.now() - started < 50_000) sent += (await dispatcher.runOnce()).sent;
      const elapsed = Date.now() - started;
      expect(sent).toBe(40);
      for (const channel of CHANNELS) expect(fake.activitiesIn(channel)).toHaveLength(20);
      expect(fake.rateLimitViolations).toEqual([]);
      // 8 per 2 s: the floor for 20 messages is two full windows (4 s). A fixed 1-per-2-s interval
      // would take 38 s or more; the bound leaves room for a loaded machine and still tells them apart.
      expect(elapsed).toBeLessThan(30_000);
    });
  });

  it('keeps all conversations together within the tenant’s limit, without one 429', async () => {
    // Teams' tenant limit (50 per second) scaled down so that two conversations, each allowed 7 per second, exceed it.
    const tenant = { seconds: 1, max: 5 };
    fake.setTenantLimits([tenant]);
    try {
      await withQueuedCards(10, 't', async (outbox) => {
        const pacer = windowPacer(TEAMS_CONVERSATION_WINDOWS, { allChannels: { count: tenant.max, ms: tenant.seconds * 1000 } });
        const dispatcher = createDispatcher({ outbox, notifier, clock: { now: () => new Date() }, owner: 'test', pacer });
        const started = Date.now();
        let sent = 0;
        while (sent < 20 && Date.now() - started < 50_000) sent += (await dispatcher.runOnce()).sent;
        expect(sent).toBe(20);
        for (const channel of CHANNELS) expect(fake.activitiesIn(channel)).toHaveLength(10);
        expect(fake.rateLimitViolations).toEqual([]);
      });
    } finally {
      fake.setTenantLimits(null);
    }
  });
});
