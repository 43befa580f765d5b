/**
 * Exactly once on Teams (issue 14 §8): after a crash between "Teams accepted
 * the card" and "we recorded it", the dispatcher asks whether the message is
 * already in the channel. Teams has no metadata search; Microsoft Graph lists
 * the channel's messages (`GET /v1.0/teams/{group}/channels/{channel}/messages`,
 * newest first) when the team owner granted the resource-specific permission
 * ChannelMessage.Read.Group at install, and the card carries the outbox key.
 *
 * Without that permission (403), or for a channel whose team is not recorded,
 * nothing can be looked up: the answer is "not found", so the message is sent
 * again. Delivery is then at least once: nothing is lost, and a crash in that
 * instant can post one card twice (README, doctor).
 */
import type http from 'node:http';
import { classifyTeamsError, type SendFailure } from './classify-teams-error.ts';
import { requestJson } from './request-json.ts';
import type { TeamsLogger } from './sdk-logger.ts';

export interface GraphLookupOptions {
  graphUrl: string;
  graphScope: string;
  appId: string;
  token: (scope: string) => Promise<string>;
  /** The team's group id for a channel, null when the team is not recorded. */
  groupOf: (channel: string) => Promise<string | null>;
  /** The outbox key a card carries (Graph returns the attachment content as a JSON string). */
  keyOfCard: (content: string) => string | null;
  agentFor?: (url: string) => http.Agent | undefined;
  logger: TeamsLogger;
}

/** Thrown when Graph could not be asked (rate limit, 5xx, network): never read as "not delivered". */
export class GraphCheckError extends Error {
  override readonly name = 'GraphCheckError';
  constructor(
    channel: string,
    readonly failure: SendFailure,
  ) {
    super(`graph channel messages of ${channel}: ${failure.error}`);
  }
}

/** Messages older than `since` less this are not looked at: our clock and Microsoft's may differ. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
const PAGE_SIZE = 50;
/** A channel busier than this many pages since the message was queued is not searched further. */
const MAX_PAGES = 20;

/** findDelivered for the Teams notifier. */
export function createGraphLookup(options: GraphLookupOptions): (channel: string, key: string, since: Date) => Promise<string | null> {
  return async (channel, key, since) => {
    const group = await options.groupOf(channel);
    if (group === null) {
      options.logger.warn({ channel, key }, 'teams delivery check impossible: the channel’s team is not recorded (was the app added to the team?); sending again');
      return null;
    }
    const oldest = since.getTime() - CLOCK_SKEW_MS;
    let url: string | null = `${options.graphUrl}/v1.0/teams/${encodeURIComponent(group)}/channels/${encodeURIComponent(channel)}/messages?$top=${PAGE_SIZE}`;
    for (let page = 0; url !== null && page < MAX_PAGES; page++) {
      const body = await getPage(options, channel, url);
      if (body === 'forbidden') {
        options.logger.warn({ channel, key }, 'teams delivery check impossible: Graph refused (ChannelMessage.Read.Group not granted); sending again');
        return null;
      }
      for (const message of body.value) {
        if (message.from?.application?.id !== options.appId) continue;
        for (const attachment of message.attachments ?? []) {
          if (typeof attachment.content === 'string' && options.keyOfCard(attachment.content) === key) return message.id;
        }
      }
      const older = body.value.some((message) => Date.parse(message.createdDateTime ?? '') < oldest);
      url = older ? null : body.nextLink;
    }
    return null;
  };
}

interface GraphMessage {
  id: string;
  createdDateTime?: string;
  from?: { application?: { id?: string } | null } | null;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
}

async function getPage(options: GraphLookupOptions, channel: string, url: string): Promise<{ value: GraphMessage[]; nextLink: string | null } | 'forbidden'> {
  let response;
  try {
    const token = await options.token(options.graphScope);
    const agent = options.agentFor?.(url);
    response = await requestJson({ method: 'GET', url, headers: { authorization: `Bearer ${token}` }, ...(agent ? { agent } : {}) });
  } catch (error) {
    throw new GraphCheckError(channel, classifyTeamsError(error));
  }
  if (response.status === 403) return 'forbidden';
  if (response.status !== 200) throw new GraphCheckError(channel, classifyTeamsError({ status: response.status, headers: response.headers }));
  const body = (response.body ?? {}) as { value?: unknown; '@odata.nextLink'?: unknown };
  const value = Array.isArray(body.value) ? (body.value as GraphMessage[]).filter((m) => typeof m?.id === 'string') : [];
  const next = body['@odata.nextLink'];
  // Our token goes only to the Graph origin we were configured with.
  return { value, nextLink: typeof next === 'string' && next.startsWith(`${options.graphUrl}/`) ? next : null };
}
