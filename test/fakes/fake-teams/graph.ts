/**
 * Microsoft Graph, the one call the bot makes: list a channel's messages
 * (`GET /v1.0/teams/{group-id}/channels/{channel-id}/messages`, newest
 * first, `$top` up to 50, `@odata.nextLink` paging), built from what the
 * fake connector stored in that channel. The team is named by its
 * Microsoft 365 group id, as in Graph. Needs a Graph-scoped token; answers
 * 403 when the team did not grant ChannelMessage.Read.Group.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityStore, StoredActivity } from './activity-store.ts';
import { asRecord, asString, bearerToken, graphError, sendJson } from './http.ts';
import type { TokenEndpoint } from './token-endpoint.ts';
import type { TeamsWorld } from './world.ts';

export interface GraphDeps {
  world: TeamsWorld;
  store: ActivityStore;
  tokens: TokenEndpoint;
  appId: string;
  botName: string;
  /** Audiences a Graph token may carry. */
  graphAudiences: () => readonly string[];
  origin: () => string;
}

export interface GraphCall {
  path: string;
  status: number;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

export class FakeGraph {
  readonly calls: GraphCall[] = [];
  readonly #deps: GraphDeps;

  constructor(deps: GraphDeps) {
    this.#deps = deps;
  }

  handle(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const answer = this.#answer(req, url);
    this.calls.push({ path: url.pathname, status: answer.status });
    sendJson(res, answer.status, answer.body);
  }

  #answer(req: IncomingMessage, url: URL): { status: number; body: unknown } {
    const auth = this.#deps.tokens.check(bearerToken(req), this.#deps.graphAudiences());
    if (!auth.ok) return { status: 401, body: graphError('InvalidAuthenticationToken', `Access token validation failure: ${auth.reason}.`) };
    const match = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/u.exec(url.pathname);
    if (req.method !== 'GET' || !match) return { status: 400, body: graphError('BadRequest', `Unsupported request: ${req.method ?? ''} ${url.pathname}`) };
    const groupId = decodeURIComponent(match[1] ?? '');
    const channelId = decodeURIComponent(match[2] ?? '');
    const team = this.#deps.world.teamByGroupId(groupId);
    if (!team || !team.channels.some((c) => c.id === channelId)) return { status: 404, body: graphError('NotFound', 'Resource not found.') };
    if (!team.channelMessageReadGranted) {
      return { status: 403, body: graphError('Forbidden', "Missing role permissions on the request. API requires one of 'ChannelMessage.Read.All, ChannelMessage.Read.Group'. Roles on the request ''. Resource specific consent grants on the request ''.") };
    }
    const top = Math.min(50, Math.max(1, Number(url.searchParams.get('$top') ?? 20) || 20));
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0) || 0;
    const roots = this.#deps.store
      .list(channelId)
      .filter((a) => a.replyToId === null)
      .reverse();
    const page = roots.slice(skip, skip + top).map((a) => this.#chatMessage(a, team.aadGroupId, channelId));
    const body: Record<string, unknown> = { '@odata.context': `${this.#deps.origin()}/v1.0/$metadata#teams('${groupId}')/channels('${channelId}')/messages`, '@odata.count': page.length, value: page };
    if (skip + top < roots.length) {
      body['@odata.nextLink'] = `${this.#deps.origin()}/v1.0/teams/${encodeURIComponent(groupId)}/channels/${encodeURIComponent(channelId)}/messages?$top=${top}&$skiptoken=${skip + top}`;
    }
    return { status: 200, body };
  }

  /** A stored activity as Graph's chatMessage. */
  #chatMessage(stored: StoredActivity, teamId: string, channelId: string): Record<string, unknown> {
    const activity = stored.activity;
    const cards = (Array.isArray(activity.attachments) ? activity.attachments : []).map(asRecord).filter((a) => a.contentType === CARD);
    const attachments = cards.map((card, i) => ({ id: `${stored.id}-${i}`, contentType: CARD, contentUrl: null, content: JSON.stringify(card.content ?? null), name: null, thumbnailUrl: null, teamsAppId: null }));
    const text = escapeHtml(asString(activity.text) ?? '');
    const content = `${text}${attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('')}`;
    const created = new Date(stored.createdAt).toISOString();
    const modified = new Date(stored.updatedAt ?? stored.createdAt).toISOString();
    return {
      id: stored.id,
      replyToId: null,
      etag: String(stored.history.length),
      messageType: 'message',
      createdDateTime: created,
      lastModifiedDateTime: modified,
      lastEditedDateTime: stored.updatedAt === null ? null : modified,
      deletedDateTime: null,
      subject: null,
      summary: null,
      chatId: null,
      importance: 'normal',
      locale: 'en-us',
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${stored.id}`,
      policyViolation: null,
      eventDetail: null,
      from: { application: { '@odata.type': '#microsoft.graph.teamworkApplicationIdentity', id: this.#deps.appId, displayName: this.#deps.botName, applicationIdentityType: 'bot' }, device: null, user: null },
      body: { contentType: 'html', content },
      channelIdentity: { teamId, channelId },
      attachments,
      mentions: [],
      reactions: [],
    };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
}
