/**
 * The weekly digest's chart on Slack (issue 15 §4), from the outbox through
 * the real WebClient to the fake Web API: the digest posted with its key,
 * the chart (drawn by the real resvg with the real font) uploaded into its
 * thread; nothing twice after a lost answer, the digest alone when the font
 * is missing or the upload fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChartFont } from '../../../src/adapters/charts/find-chart-font.ts';
import { createDigestChartRenderer, renderDigestChartPng } from '../../../src/adapters/charts/render-png.ts';
import { createDigestStore } from '../../../src/adapters/db/digest-store.ts';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../../src/adapters/slack/slack-notifier.ts';
import type { AdapterLogger } from '../../../src/adapters/slack/web-api-logger.ts';
import { createDispatcher } from '../../../src/app/dispatch-outbox.ts';
import type { DigestMessage } from '../../../src/app/ports.ts';
import { postDigest } from '../../../src/app/post-digest.ts';
import { DIALECTS, type TestDatabase } from '../db/dialects.ts';
import { digestDeps } from '../../app/digest-world.ts';
import { exampleDirectory, storePlan, tokyo } from '../../app/tick-world.ts';
import { FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.ts';
import { VirtualClock } from '../../fakes/virtual-clock.ts';

const TOKEN = 'xoxb-1111-2222-secret';
const CHANNEL = 'C0REFORM01';
const FONT = findChartFont();

let fake: FakeSlackApi;
let test: TestDatabase;
let warnings: string[];

beforeEach(async () => {
  fake = await startFakeSlackApi({ tokens: [TOKEN] });
  test = await DIALECTS[0]!.open();
  await storePlan(test.db);
  warnings = [];
});
afterEach(async () => {
  await fake.stop();
  await test.dispose();
});

const logger: AdapterLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (_fields: object, message?: string) => void warnings.push(message ?? ''),
  error: (_fields: object, message?: string) => void warnings.push(message ?? ''),
};

/** Posts the digest of Monday 2020-10-05 and runs the dispatcher with a Slack notifier whose chart has `font`. */
async function deliverDigest(font = FONT) {
  const clock = new VirtualClock(tokyo('2020-10-05', '09:00'));
  const posted = await postDigest(clock.now(), digestDeps(test.db, await exampleDirectory()));
  expect(posted).toMatchObject({ ok: true, value: { kind: 'enqueued', channel: CHANNEL } });
  const notifier = createSlackNotifier({ token: TOKEN, slackApiUrl: fake.url, logger, chart: createDigestChartRenderer(font, logger) });
  const dispatcher = createDispatcher({ outbox: createOutboxStore(test.db), notifier, clock, sleep: clock.sleep, owner: 'test' });
  const [entry] = await createOutboxStore(test.db).list();
  return { clock, dispatcher, body: entry!.body as DigestMessage, key: entry!.key };
}

describe('the digest chart on Slack', () => {
  it('goes into the digest\'s thread: the PNG of the digest\'s own figures, once', async () => {
    const { dispatcher, body, key } = await deliverDigest();
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });

    const [digest, ...others] = fake.messages(CHANNEL);
    expect(others).toEqual([]);
    expect(digest?.metadata).toEqual({ event_type: 'shinchoku_outbox', event_payload: { key } });
    expect(digest?.text).toContain('週次ダイジェスト');
    const [file, ...more] = fake.files;
    expect(more).toEqual([]);
    expect(file).toMatchObject({ completed: true, channel: CHANNEL, threadTs: digest?.ts, filename: 'shinchoku-2020-W41.png', title: '年度の進み(累計)', altText: '年度の進み(累計)' });
    expect(body.burnUp).toHaveLength(12);
    expect(file!.bytes!.equals(renderDigestChartPng(body.burnUp!, 'ja', FONT!))).toBe(true);
    expect((await createDigestStore(test.db).get('2020-W41'))?.sentTs).toBe(digest?.ts);
    expect(warnings).toEqual([]);
  });

  it('without a Japanese font, posts the digest alone and says so once', async () => {
    const { dispatcher } = await deliverDigest(null);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    expect(fake.messages(CHANNEL)).toHaveLength(1);
    expect(fake.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(fake.files).toEqual([]);
    expect(warnings).toEqual(['no Japanese font for the digest chart; digests are posted without it (install fonts-ipaexfont-gothic)']);
  });

  it('when the upload fails, the digest still counts as delivered and nothing is tried again', async () => {
    fake.failNext('files.completeUploadExternal', 1, { error: 'internal_error' });
    const { dispatcher, clock } = await deliverDigest();
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    clock.advance(60 * 60 * 1000);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 0, alreadyDelivered: 0, retrying: 0 });
    expect(fake.messages(CHANNEL)).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.files.filter((f) => f.completed)).toEqual([]);
    expect(warnings).toEqual(['digest chart not uploaded; the digest went without it']);
  });

  it('when Slack took the digest but its answer was lost, the retry finds it and posts neither it nor the chart again', async () => {
    fake.failNext('chat.postMessage', 1, { drop: 'after' });
    const { dispatcher, clock } = await deliverDigest();
    expect(await dispatcher.runOnce()).toMatchObject({ retrying: 1 });
    clock.advance(60 * 60 * 1000);
    expect(await dispatcher.runOnce()).toMatchObject({ alreadyDelivered: 1 });
    expect(fake.messages(CHANNEL)).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    // The chart followed no digest it could be sure of: lost, never doubled.
    expect(fake.files).toEqual([]);
  });
});
