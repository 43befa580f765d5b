/**
 * The Notifier port on Slack's Web API: posts reminders and digests stamped with
 * their outbox key, and finds them again after a crash.
 *
 * A digest's chart (issue 15 §4) is uploaded into the digest's thread once
 * the digest is posted. Not in the message itself: an image block's slack_file
 * must be one the channel can already see (Slack answers invalid_blocks,
 * "invalid slack file", for a file uploaded privately), and a file shared to the channel first would
 * be a second message the outbox key does not mark, posted again on a retry.
 * In the thread it is tied to the one digest findDelivered recognises: a
 * retry finds the digest and sends nothing, so the chart is never posted
 * twice; a crash between the two calls loses the chart, never the digest;
 * a failed upload is logged and the digest counts as delivered.
 */
import { webApi } from '@slack/bolt';
import type { Notifier, OutgoingMessage, SendResult } from '../../app/ports.ts';
import type { DigestChartImage, DigestChartRenderer } from '../charts/render-png.ts';
import { classifySlackError, PERMANENT_CODES, type SendFailure } from './classify-slack-error.ts';
import { DeliveryCheckError } from './delivery-check-error.ts';
import { renderDigest } from './render-digest.ts';
import { renderNotice } from './render-notice.ts';
import { renderRound } from './render-round.ts';
import { renderReminder } from './render-reminder.ts';
import type { ProxyEnv } from '../net/find-proxy.ts';
import { createOutboundFetch } from '../net/outbound-fetch.ts';
import { type AdapterLogger, SILENT_LOGGER, toWebApiLogger } from './web-api-logger.ts';

/** The Slack message metadata event type that marks our outbox messages. */
export const OUTBOX_EVENT_TYPE = 'shinchoku_outbox';

export interface SlackNotifierOptions {
  /** Bot token (`xoxb-…`). Never logged. */
  token: string;
  /** Web API base URL ending in `/`; Slack's by default. Tests point it at the fake server. */
  slackApiUrl?: string;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY (Config.proxy); process.env by default. */
  proxy?: ProxyEnv;
  logger?: AdapterLogger;
  /** A request that takes longer fails as `transient`. Default 30 s. */
  timeoutMs?: number;
  /** Requests in flight at once; default 100 (see below). */
  maxConcurrency?: number;
  /** Draws a digest's chart (charts/render-png.ts); without it, or when it draws nothing, digests go as text alone. */
  chart?: DigestChartRenderer;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Slack tolerates far more parallel requests than we make: the dispatcher
 * keeps about one in flight per channel, so 100 covers a hundred channels
 * posting at once. Lower would queue one channel's request behind another's
 * inside the client, and the dispatcher's per-channel pacing would drift.
 */
const DEFAULT_MAX_CONCURRENCY = 100;
/**
 * findDelivered looks this far before `since`. Slack's ts is Slack's clock and
 * `since` ours; if ours runs ahead, a message Slack stamped just before `since`
 * would be missed and sent twice. Keys are unique, so looking further back
 * can find nothing else.
 */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
const HISTORY_PAGE_SIZE = 200;

/**
 * A Notifier that posts to Slack with its own WebClient.
 *
 * Not Bolt's `app.client`: that client retries for about half an hour and, on
 * a 429, pauses its whole request queue, so one rate-limited channel would
 * stall every other channel and the slash-command replies too. Here the
 * client never retries, never waits and never queues on a 429: it reports,
 * and the dispatcher, which knows each channel's pace, decides.
 */
export function createSlackNotifier(options: SlackNotifierOptions): Notifier {
  const logger = options.logger ?? SILENT_LOGGER;
  const client = new webApi.WebClient(options.token, {
    ...(options.slackApiUrl === undefined ? {} : { slackApiUrl: options.slackApiUrl }),
    logger: toWebApiLogger(logger),
    fetch: createOutboundFetch(options.proxy ?? process.env),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    maxRequestConcurrency: options.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });

  /** The chart as a reply in the digest's thread; a failure is logged, never thrown: the digest is out. */
  async function uploadToThread(message: OutgoingMessage, ts: string, chart: DigestChartImage): Promise<void> {
    try {
      await client.filesUploadV2({ channel_id: message.channel, thread_ts: ts, file: chart.png, filename: chart.fileName, title: chart.alt, alt_text: chart.alt });
      logger.debug({ channel: message.channel, key: message.key, ts, bytes: chart.png.length }, 'digest chart uploaded');
    } catch (error) {
      const failure = classifySlackError(error);
      logger.warn({ channel: message.channel, key: message.key, kind: failure.kind, error: failure.error }, 'digest chart not uploaded; the digest went without it');
    }
  }

  return {
    /**
     * Posts the message with its outbox key in the message metadata. Never
     * throws: every failure comes back as a SendResult. A `transient` result
     * after a timeout or a dropped connection does not prove the message was
     * not posted; call findDelivered before sending it again.
     */
    async send(message: OutgoingMessage): Promise<SendResult> {
      const body = message.body;
      const { text, blocks } = body.type === 'digest' ? renderDigest(body) : body.type === 'notice' ? renderNotice(body) : body.type === 'round' ? renderRound(body) : renderReminder(body);
      // Drawn before posting, so that the upload follows the post as closely as it can.
      const chart = body.type === 'digest' ? (options.chart?.(body) ?? null) : null;
      try {
        const result = await client.chat.postMessage({
          channel: message.channel,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { key: message.key } },
        });
        if (typeof result.ts !== 'string') return logFailure(logger, message, { ok: false, kind: 'transient', error: 'no_ts_in_response' });
        logger.debug({ channel: message.channel, key: message.key, ts: result.ts }, 'slack message posted');
        if (chart) await uploadToThread(message, result.ts, chart);
        return { ok: true, ts: result.ts };
      } catch (error) {
        return logFailure(logger, message, classifySlackError(error));
      }
    },

    /**
     * The ts of the message stamped with `key` in `channel`, posted at or after
     * `since` (less a margin for clock skew), or null when there is none.
     *
     * Throws DeliveryCheckError when Slack cannot be asked (rate limit, 5xx,
     * network, missing `channels:history` scope…), with `kind` and
     * `retryAfterMs` as for a failed send. It never answers null on failure,
     * because null means "safe to send" and would repeat a delivered message;
     * the caller retries the check later, or marks the message failed when
     * `kind` is `permanent`.
     */
    async findDelivered(channel: string, key: string, since: Date): Promise<string | null> {
      const oldest = toSlackTs(since.getTime() - CLOCK_SKEW_MS);
      let cursor: string | undefined;
      try {
        do {
          const page = await client.conversations.history({
            channel,
            oldest,
            inclusive: true,
            include_all_metadata: true,
            limit: HISTORY_PAGE_SIZE,
            ...(cursor === undefined ? {} : { cursor }),
          });
          const found = page.messages?.find((m) => outboxKeyOf(m.metadata) === key);
          if (found?.ts !== undefined) return found.ts;
          cursor = page.response_metadata?.next_cursor || undefined;
        } while (cursor !== undefined);
        return null;
      } catch (error) {
        const failure = classifySlackError(error);
        logger.warn({ channel, key, kind: failure.kind, error: failure.error }, 'slack delivery check failed');
        throw new DeliveryCheckError(channel, failure);
      }
    },
  };
}

function logFailure(logger: AdapterLogger, message: OutgoingMessage, failure: SendFailure): SendFailure {
  const fields = { channel: message.channel, key: message.key, kind: failure.kind, error: failure.error };
  if (failure.kind === 'permanent' && !PERMANENT_CODES.has(failure.error)) logger.error(fields, 'slack refused the message with an unfamiliar error; treated as permanent');
  else logger.warn(fields, 'slack message not posted');
  return failure;
}

/** The outbox key stamped into a message's metadata by send, or null for any other message. */
function outboxKeyOf(metadata: { event_type?: string; event_payload?: object } | undefined): string | null {
  if (metadata?.event_type !== OUTBOX_EVENT_TYPE) return null;
  const key = (metadata.event_payload as { key?: unknown } | undefined)?.key;
  return typeof key === 'string' ? key : null;
}

/** Slack's ts format: Unix seconds with six decimals. */
function toSlackTs(epochMs: number): string {
  return (Math.max(0, epochMs) / 1000).toFixed(6);
}
