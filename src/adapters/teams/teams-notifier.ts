/**
 * The Notifier port on the Bot Connector (issue 14 §7): reminders and digests
 * posted proactively as Adaptive Cards carrying their outbox key, each to the
 * service URL Teams gave for the conversation. Never throws from send: every
 * failure is a SendResult, classified as for Slack (classify-teams-error.ts).
 * Pacing within Teams' limits (per conversation, and the app's in the
 * tenant) is the dispatcher's, with the pacer composeTeams builds; this only
 * reports what the connector answered.
 */
import { Client as ApiClient } from '@microsoft/teams.api';
import type { ClientOptions } from '@microsoft/teams.common';
import type { Notifier, OutgoingMessage, SendResult } from '../../app/ports.ts';
import { classifyTeamsError, TEAMS_PERMANENT_CODES, type SendFailure } from './classify-teams-error.ts';
import type { TeamsMessage } from './literal-text-card.ts';
import { toMessageActivity } from './message-activity.ts';
import type { TeamsLogger } from './sdk-logger.ts';

export interface TeamsNotifierOptions {
  /** The SDK HTTP client's options: the bot token callback, logger, timeout (and the proxy's interceptor). */
  http: ClientOptions;
  /** Bot Connector base for conversations we know nothing about. */
  defaultServiceUrl: string;
  /** The service URL Teams gave for a conversation, when recorded. */
  serviceUrlOf: (conversationId: string) => Promise<string | null>;
  /** The card of an outbox message, carrying its key. */
  render: (message: OutgoingMessage) => TeamsMessage;
  findDelivered: Notifier['findDelivered'];
  logger: TeamsLogger;
  random?: () => number;
}

/** A Notifier posting through the Bot Connector. */
export function createTeamsNotifier(options: TeamsNotifierOptions): Notifier {
  const clients = new Map<string, ApiClient>();
  const clientFor = (serviceUrl: string): ApiClient => {
    let client = clients.get(serviceUrl);
    if (!client) {
      client = new ApiClient(serviceUrl, options.http);
      clients.set(serviceUrl, client);
    }
    return client;
  };
  // Consecutive 429s per conversation, for the jittered backoff when Teams gives no Retry-After.
  const throttled = new Map<string, number>();

  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const serviceUrl = (await options.serviceUrlOf(message.channel)) ?? options.defaultServiceUrl;
        const activity = toMessageActivity(options.render(message));
        const sent = await clientFor(serviceUrl.replace(/\/+$/, '')).conversations.activities(message.channel).create(activity);
        throttled.delete(message.channel);
        if (typeof sent?.id !== 'string' || sent.id === '') return logFailure(options.logger, message, { ok: false, kind: 'transient', error: 'no_id_in_response' });
        options.logger.debug({ channel: message.channel, key: message.key, id: sent.id }, 'teams message posted');
        return { ok: true, ts: sent.id };
      } catch (error) {
        const consecutive429 = throttled.get(message.channel) ?? 0;
        const failure = classifyTeamsError(error, { consecutive429, ...(options.random ? { random: options.random } : {}) });
        if (failure.kind === 'rate_limited') throttled.set(message.channel, consecutive429 + 1);
        return logFailure(options.logger, message, failure);
      }
    },
    findDelivered: (channel, key, since) => options.findDelivered(channel, key, since),
  };
}

function logFailure(logger: TeamsLogger, message: OutgoingMessage, failure: SendFailure): SendFailure {
  const fields = { channel: message.channel, key: message.key, kind: failure.kind, error: failure.error };
  if (failure.kind === 'permanent' && !(TEAMS_PERMANENT_CODES as readonly string[]).includes(failure.error)) logger.error(fields, 'teams refused the message with an unfamiliar status; treated as permanent');
  else logger.warn(fields, 'teams message not posted');
  return failure;
}
