// Issue 8: Slack answers 503 for a while, then recovers: nothing lost,
// nothing sent twice, and the retries back off. The real dispatcher loop and
// the real Slack notifier against the fake Slack Web API, on the real clock
// with a short backoff (50 ms base instead of 1 s) so the test takes a second.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxStore, type OutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createSlackNotifier } from '../../src/adapters/slack/slack-notifier.ts';
import { backoffDelay } from '../../src/app/deliver-outbox-message.ts';
import { createDispatcher, type DispatchEvent } from '../../src/app/dispatch-outbox.ts';
import { DIALECTS, type TestDatabase } from '../adapters/db/dialects.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { reminderMessage } from '../fakes/reminder-messages.ts';

const CHANNELS = 4;
const PER_CHANNEL = 5;
const MESSAGES = CHANNELS * PER_CHANNEL;
/** The outage: this many posts and history reads answer HTTP 503 before Slack is back. */
const FAILED_POSTS = 2 * MESSAGES;
const FAILED_CHECKS = MESSAGES;
const BACKOFF = { backoffBaseMs: 50, backoffCapMs: 5_000, random: () => 0.999 };

const keyOf = (metadata: unknown) => (metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

for (const dialect of DIALECTS) {
  describe(`Slack answering 503 for a while (${dialect.name})`, () => {
    let test: TestDatabase;
    let store: OutboxStore;
    let slack: FakeSlackApi;
    beforeEach(async () => {
      test = await dialect.open();
      store = createOutboxStore(test.db);
      slack = await startFakeSlackApi();
    });
    afterEach(async () => {
      await slack.stop();
      await test.dispose();
    });

    it('delivers everything once Slack recovers, backing off in between', async () => {
      const keys = await store.tickTransaction('fault', new Date(), async (tx) => {
        const out: string[] = [];
        for (let n = 0; n < PER_CHANNEL; n++) {
          for (let c = 0; c < CHANNELS; c++) {
            const division = `課${c}`;
            out.push((await tx.enqueue({ baseKey: `fault|${n}|${division}`, day: '2020-07-22', division, channel: `C5${c}`, body: reminderMessage({ division }) }, [])).key);
          }
        }
        return out;
      });
      slack.failNext('chat.postMessage', FAILED_POSTS, { status: 503 });
      slack.failNext('conversations.history', FAILED_CHECKS, { status: 503 });

      const events: (DispatchEvent & { seenAt: number })[] = [];
      const dispatcher = createDispatcher({
        outbox: store,
        notifier: createSlackNotifier({ token: 'xoxb-fault', slackApiUrl: slack.url }),
        clock: { now: () => new Date() },
        owner: 'fault-503',
        minIntervalPerChannelMs: 20,
        ...BACKOFF,
        onEvent: (event) => events.push({ ...event, seenAt: Date.now() }),
      });
      const started = Date.now();
      dispatcher.start();
      const delivered = () => events.filter((e) => e.kind === 'sent' || e.kind === 'already_delivered').length;
      while (delivered() < MESSAGES && Date.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 10));
      await dispatcher.stop();

      // Nothing lost, nothing twice, every row sent.
      const perKey = new Map<string, number>();
      for (const m of slack.allMessages()) perKey.set(keyOf(m.metadata) ?? '?', (perKey.get(keyOf(m.metadata) ?? '?') ?? 0) + 1);
      expect([...perKey.keys()].sort()).toEqual([...keys].sort());
      expect([...perKey.values()].every((count) => count === 1)).toBe(true);
      const rows = await store.list();
      expect(rows.map((row) => row.status)).toEqual(rows.map(() => 'sent'));
      expect(events.filter((e) => e.kind === 'failed' || e.kind === 'error')).toEqual([]);

      // Each 503 cost exactly one attempt: no request was repeated without need.
      expect(slack.callsTo('chat.postMessage')).toHaveLength(MESSAGES + FAILED_POSTS);
      expect(slack.callsTo('chat.postMessage').filter((c) => c.status === 503)).toHaveLength(FAILED_POSTS);
      expect(slack.callsTo('conversations.history').filter((c) => c.status === 503)).toHaveLength(FAILED_CHECKS);

      // Backoff, as Slack saw it: between two posts of one message lie the
      // waits of every retry scheduled in between (base·2^(attempts−1), full
      // jitter here at its top), each counted from a moment after the failed
      // call, so the gap at the fake is at least their sum. Load only widens it.
      const retries = events.filter((e): e is Extract<DispatchEvent, { kind: 'retry' }> & { seenAt: number; key: string } => e.kind === 'retry');
      expect(retries).toHaveLength(FAILED_POSTS + FAILED_CHECKS);
      // Up to the third attempt at least, and never to the eighth (the default maxAttempts: failed).
      const attempts = new Set(retries.map((r) => r.attempts));
      expect([1, 2, 3].every((n) => attempts.has(n)) && Math.max(...attempts) < 8).toBe(true);
      let checkedGaps = 0;
      for (const key of keys) {
        const posts = slack.callsTo('chat.postMessage').filter((c) => keyOf(c.params.metadata) === key).map((c) => c.at);
        const waits = retries.filter((r) => r.key === key);
        for (let i = 1; i < posts.length; i++) {
          const between = waits.filter((r) => r.seenAt >= posts[i - 1]! && r.seenAt < posts[i]!);
          expect(between.length).toBeGreaterThan(0);
          const backoff = between.reduce((sum, r) => sum + backoffDelay(r.attempts, BACKOFF), 0);
          // Date.now() has whole milliseconds on both sides.
          expect(posts[i]! - posts[i - 1]!).toBeGreaterThanOrEqual(backoff - 2);
          checkedGaps++;
        }
      }
      expect(checkedGaps).toBe(FAILED_POSTS);
      // The waits grew: 50, 100, 200 ms for the 1st, 2nd and 3rd failed attempt.
      expect([1, 2, 3].map((n) => backoffDelay(n, BACKOFF))).toEqual([49, 99, 199]);
    }, 30_000);
  });
}
