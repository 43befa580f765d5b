/**
 * A command's answer to the Bot Connector, retried (issue 14 §7 for
 * replies): a reply is sent while the user waits, outside the outbox, and
 * the SDK retries nothing itself. 429 waits for `Retry-After` (else a
 * jittered backoff); 412, 502, 504 and other 5xx are retried with backoff;
 * a dropped connection is retried once (the keep-alive race: a pooled
 * socket closed by the server as the request went out; the idle agent of
 * idle-agent.ts makes it rare). A second drop may mean the connector took the
 * first one, so the answer is not sent a third time. Bounded in attempts
 * and in the time a user is kept waiting; what is given up on is logged
 * with a catalogued reason.
 */
import { translate, type Lang } from '../../i18n/catalog.ts';
import { classifyTeamsError, type SendFailure } from './classify-teams-error.ts';
import type { TeamsLogger } from './sdk-logger.ts';

export interface ReplyRetryOptions {
  logger: TeamsLogger;
  /** The operator's language, for the logged reason. */
  lang: Lang;
  /** At most this many sends in all. Default 4. */
  maxAttempts?: number;
  /** Waits longer than this (a user is waiting) are not made. Default 10 s. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const DEFAULT_ATTEMPTS = 4;
const DEFAULT_MAX_WAIT_MS = 10_000;
const BASE_BACKOFF_MS = 250;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends through `send`, retrying as above; true when it went through. `about` names the reply in the log. */
export async function sendReply(send: () => Promise<unknown>, about: Record<string, unknown>, options: ReplyRetryOptions): Promise<boolean> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  let consecutive429 = 0;
  let drops = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await send();
      if (attempt > 1) options.logger.info({ ...about, attempts: attempt }, 'teams reply sent after retrying');
      return true;
    } catch (error) {
      const failure = classifyTeamsError(error, { consecutive429, random });
      const network = failure.kind === 'transient' && failure.error.startsWith('network:');
      const wait = failure.kind === 'rate_limited' ? failure.retryAfterMs : Math.round(BASE_BACKOFF_MS * 2 ** (attempt - 1) * (0.5 + random() / 2));
      const retry = failure.kind !== 'permanent' && attempt < maxAttempts && wait <= maxWaitMs && !(network && drops >= 1);
      if (!retry) {
        options.logger.error({ ...about, attempts: attempt, error: failure.error, reason: reasonOf(failure, options.lang) }, translate(options.lang, 'teams.reply.lost', { attempts: attempt, reason: reasonOf(failure, options.lang) }));
        return false;
      }
      if (network) drops++;
      consecutive429 = failure.kind === 'rate_limited' ? consecutive429 + 1 : 0;
      options.logger.warn({ ...about, attempt, error: failure.error, waitMs: wait }, 'teams reply not taken; retrying');
      await sleep(wait);
    }
  }
}

function reasonOf(failure: SendFailure, lang: Lang): string {
  if (failure.kind === 'rate_limited') return translate(lang, 'teams.reply.reason.rateLimited', { seconds: Math.ceil(failure.retryAfterMs / 1000) });
  if (failure.kind === 'permanent') return translate(lang, 'teams.reply.reason.refused', { error: failure.error });
  if (failure.error.startsWith('network:')) return translate(lang, 'teams.reply.reason.network', { error: failure.error.slice('network:'.length).trim() });
  return translate(lang, 'teams.reply.reason.unavailable', { error: failure.error });
}
