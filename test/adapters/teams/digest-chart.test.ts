/**
 * The weekly digest's chart on Teams (issue 15 §4): inline in the digest's
 * Adaptive Card as a PNG data URL, posted through the SDK's connector client
 * to the fake Bot Connector, which refuses an activity over Teams' size limit
 * as Teams does. Without a Japanese font the card carries no image.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJapaneseCalendar } from '../../../src/adapters/calendar/japan-holidays.ts';
import { findChartFont } from '../../../src/adapters/charts/find-chart-font.ts';
import { createDigestChartRenderer, renderDigestChartPng, type DigestChartRenderer } from '../../../src/adapters/charts/render-png.ts';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import { createBotTokenSource } from '../../../src/adapters/teams/bot-token-source.ts';
import { cardBytes } from '../../../src/adapters/teams/cards/card-parts.ts';
import { MIN_LINES_BESIDE_CHART, renderDigestCards } from '../../../src/adapters/teams/cards/render-digest-card.ts';
import { renderOutboxCard } from '../../../src/adapters/teams/outbox-card.ts';
import { SILENT_TEAMS_LOGGER } from '../../../src/adapters/teams/sdk-logger.ts';
import { teamsEndpointsOf } from '../../../src/adapters/teams/teams-endpoints.ts';
import { createTeamsNotifier } from '../../../src/adapters/teams/teams-notifier.ts';
import { digestMessage } from '../../../src/app/digest-message.ts';
import type { DigestMessage, Notifier } from '../../../src/app/ports.ts';
import { postDigest } from '../../../src/app/post-digest.ts';
import { buildBurnUp } from '../../../src/domain/burn-up.ts';
import { buildDigest } from '../../../src/domain/digest.ts';
import { DEFAULT_REMINDER_POLICY } from '../../../src/domain/reminder-policy.ts';
import { digestDeps } from '../../app/digest-world.ts';
import { exampleDirectory, storePlan, tokyo } from '../../app/tick-world.ts';
import { DIALECTS } from '../db/dialects.ts';
import { FakeTeams } from '../../fakes/fake-teams/index.ts';
import { syntheticHistory, syntheticPlan } from '../../fixtures/synthetic-plan.ts';
import { checkCard, textsOf } from './cards/check-card.ts';

const CHANNEL = '19:reform@thread.tacv2';
const FONT = findChartFont();
const silent = { warn: () => undefined };

let fake: FakeTeams;
let tokens: ReturnType<typeof createBotTokenSource>;
let endpoints: ReturnType<typeof teamsEndpointsOf>;
let body: DigestMessage;

beforeAll(async () => {
  fake = await new FakeTeams().start();
  fake.addTeam({ id: '19:general-r@thread.tacv2', name: 'reform', channels: [{ id: CHANNEL, name: 'digest' }] });
  endpoints = teamsEndpointsOf({ cloud: 'public', tenantId: fake.tenantId, serviceUrl: fake.urls.serviceUrl, openIdMetadataUrl: fake.urls.openIdMetadataUrl, loginUrl: fake.urls.loginUrl, graphUrl: fake.urls.graphUrl });
  tokens = createBotTokenSource({ tokenUrl: endpoints.tokenUrl, clientId: fake.appId, clientSecret: fake.appPassword });
  // The bundled plan's digest of Monday 2020-10-05, as postDigest queues it.
  const test = await DIALECTS[0]!.open();
  try {
    await storePlan(test.db);
    await postDigest(tokyo('2020-10-05', '09:00'), digestDeps(test.db, await exampleDirectory()));
    body = (await createOutboxStore(test.db).list())[0]!.body as DigestMessage;
  } finally {
    await test.dispose();
  }
}, 60_000);
afterAll(async () => {
  await fake.close();
});
beforeEach(() => fake.reset());

function notifier(chart: DigestChartRenderer): Notifier {
  return createTeamsNotifier({
    http: { token: () => tokens.token(endpoints.botScope), timeout: 10_000 },
    defaultServiceUrl: endpoints.serviceUrl,
    serviceUrlOf: async () => null,
    render: (message) => renderOutboxCard(message, chart),
    findDelivered: async () => null,
    logger: SILENT_TEAMS_LOGGER,
  });
}

/** The Image elements of a posted activity's card. */
function imagesIn(activity: unknown): Array<{ url: string; altText?: string }> {
  const found: Array<{ url: string; altText?: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Image') found.push(record as unknown as { url: string; altText?: string });
    Object.values(record).forEach(walk);
  };
  walk(activity);
  return found;
}

describe('the digest chart on Teams', () => {
  it('is in the digest card as the PNG of the digest\'s own figures, within Teams\' size limit', async () => {
    const result = await notifier(createDigestChartRenderer(FONT, silent)).send({ key: 'digest|2020-W41', channel: CHANNEL, body });
    expect(result.ok).toBe(true);
    const [stored, ...more] = fake.activitiesIn(CHANNEL);
    expect(more).toEqual([]);
    const [image, ...others] = imagesIn(stored!.activity);
    expect(others).toEqual([]);
    expect(image?.altText).toBe('年度の進み(累計)');
    expect(image?.url.startsWith('data:image/png;base64,')).toBe(true);
    const png = Buffer.from(image!.url.slice('data:image/png;base64,'.length), 'base64');
    expect(png.equals(renderDigestChartPng(body.burnUp!, 'ja', FONT!))).toBe(true);
    // The whole activity as Teams counts it (UTF-16), with the digest's text beside the chart.
    expect(JSON.stringify(stored!.activity).length * 2).toBeLessThanOrEqual(40 * 1024);
    expect(textsOf(stored!.activity)).toContain('週次ダイジェスト 令和2年10月5日(月) · 2020-10-05');
  });

  it('without a Japanese font, the card is the text digest alone', async () => {
    const result = await notifier(createDigestChartRenderer(null, silent)).send({ key: 'digest|2020-W41', channel: CHANNEL, body });
    expect(result.ok).toBe(true);
    const [stored] = fake.activitiesIn(CHANNEL);
    expect(imagesIn(stored!.activity)).toEqual([]);
    expect(textsOf(stored!.activity)).toContain('週次ダイジェスト 令和2年10月5日(月) · 2020-10-05');
  });

  it('on a 10,000-milestone plan, keeps the chart while the lists keep at least a few lines, each cut counted', () => {
    const calendar = createJapaneseCalendar();
    const plan = syntheticPlan({ pillars: 40, initiatives: 5, items: 10, milestones: 5, divisions: 60 });
    const updates = syntheticHistory(plan);
    const input = { plan, updates, calendar, policy: DEFAULT_REMINDER_POLICY, timeZone: 'Asia/Tokyo', date: '2020-09-07' as const };
    const message = { ...digestMessage(buildDigest({ ...input, previousDate: '2020-08-31' }), { lang: 'ja', week: '2020-W37' }), burnUp: buildBurnUp(input) };
    const chart = createDigestChartRenderer(FONT, silent)(message);
    const [card] = renderDigestCards(message, 'digest|2020-W37', { chart });
    checkCard(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(36 * 1024);
    expect(imagesIn(card)).toHaveLength(1);
    const texts = textsOf(card);
    const overdueHead = texts.findIndex((t) => t.startsWith('期限超過が続いている'));
    const overdueLines = texts.slice(overdueHead + 1).findIndex((t) => t.startsWith('他 '));
    // Two blocks per milestone line (the line and its facts).
    expect(overdueLines / 2).toBeGreaterThanOrEqual(MIN_LINES_BESIDE_CHART);
    expect(texts.some((t) => /^他 \d+ 件。@shinchoku status overdue で確認できます$/u.test(t))).toBe(true);
  }, 120_000);
});
