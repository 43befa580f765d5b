/**
 * The Bot Connector REST API (v3), the part the Teams SDK uses: create a
 * conversation, send, reply, update, members, a team's channels and details.
 * Every call needs a bot-scoped bearer token from the fake token endpoint.
 * Sends are held to Teams' per-conversation limits (and an optional tenant
 * limit): over a limit → 429 with `Retry-After`, counted as a violation.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActivityStore, StoredActivity } from './activity-store.ts';
import { answerMembers, answerPagedMembers, answerTeamChannels, answerTeamDetails, type Answer } from './directory.ts';
import { defaultFaultBody, type ConnectorFault, type FaultQueue } from './faults.ts';
import { asRecord, asString, bearerToken, connectorError, parseJsonObject, readBody, sendJson } from './http.ts';
import type { SlidingWindowLimiter } from './rate-limits.ts';
import type { TokenEndpoint } from './token-endpoint.ts';
import type { ResolvedConversation, TeamsWorld } from './world.ts';

/** One request to the connector, in arrival order. */
export interface ConnectorCall {
  method: string;
  /** The decoded path, e.g. `/v3/conversations/19:a@thread.tacv2;messageid=1/activities`. */
  path: string;
  /** The conversation named in the path (as sent, with `;messageid=` if any); null for other routes. */
  conversationId: string | null;
  body: Record<string, unknown> | null;
  /** HTTP status answered; 0 when the connection was dropped. */
  status: number;
  /** Epoch ms (the fake's clock). */
  at: number;
}

/** A send refused for going over a limit. A bot that paces itself has none. */
export interface RateLimitViolation {
  conversationId: string;
  limit: 'conversation' | 'tenant';
  retryAfterSeconds: number;
  at: number;
}

export interface ConnectorDeps {
  world: TeamsWorld;
  store: ActivityStore;
  tokens: TokenEndpoint;
  faults: FaultQueue;
  conversationLimiter: SlidingWindowLimiter;
  tenantLimiter: () => SlidingWindowLimiter | null;
  /** Audiences a bot token may carry (the bot scope's resource). */
  botAudiences: readonly string[];
  tenantId: string;
  maxMessageBytes: () => number;
  /** Whether updates count toward the send limits. */
  limitUpdates: boolean;
  nowMs: () => number;
}

type Handled = Answer | { drop: true };

export class BotConnector {
  readonly calls: ConnectorCall[] = [];
  readonly violations: RateLimitViolation[] = [];
  readonly #deps: ConnectorDeps;

  constructor(deps: ConnectorDeps) {
    this.#deps = deps;
  }

  reset(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.#deps.conversationLimiter.clear();
  }

  /** Answers one request; `pathname` is relative to the service URL (`/v3/…`). */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
    const raw = await readBody(req);
    const segments = pathname.split('/').slice(1).map(decodeSegment);
    const conversationId = segments[1] === 'conversations' && segments[2] !== undefined ? segments[2] : null;
    const body = raw.length > 0 ? parseJsonObject(raw) : null;
    const call: ConnectorCall = { method: req.method ?? 'GET', path: `/${segments.join('/')}`, conversationId, body, status: 0, at: this.#deps.nowMs() };
    this.calls.push(call);
    const auth = this.#deps.tokens.check(bearerToken(req), this.#deps.botAudiences);
    const handled: Handled = auth.ok ? this.#route(call.method, segments, query, raw, body) : { status: 401, body: { message: 'Authorization has been denied for this request.' } };
    if ('drop' in handled) {
      res.socket?.destroy();
      return;
    }
    call.status = handled.status;
    sendJson(res, handled.status, handled.body, handled.headers);
  }

  #route(method: string, s: string[], query: URLSearchParams, raw: string, body: Record<string, unknown> | null): Handled {
    const notFound: Answer = { status: 404, body: connectorError('NotFound', `No such route: ${method} /${s.join('/')}`) };
    if (s[0] !== 'v3') return notFound;
    if (s[1] === 'teams' && s[2] !== undefined && method === 'GET') {
      if (s.length === 3) return answerTeamDetails(this.#deps.world, s[2]);
      if (s[3] === 'conversations' && s.length === 4) return answerTeamChannels(this.#deps.world, s[2]);
    }
    if (s[1] !== 'conversations') return notFound;
    if (s.length === 2 && method === 'POST') return this.#createConversation(raw, body);
    const conversationId = s[2];
    if (conversationId === undefined) return notFound;
    const sub = s[3]?.toLowerCase();
    if (sub === 'members' && method === 'GET' && s.length <= 5) return answerMembers(this.#deps.world, this.#deps.tenantId, conversationId, s[4]);
    if (sub === 'pagedmembers' && method === 'GET' && s.length === 4) return answerPagedMembers(this.#deps.world, this.#deps.tenantId, conversationId, query);
    if (sub !== 'activities' || s.length > 5) return notFound;
    const activityId = s[4];
    if (method === 'POST') return this.#send(conversationId, activityId ?? null, raw, body);
    if (method === 'PUT' && activityId !== undefined) return this.#update(conversationId, activityId, raw, body);
    return notFound;
  }

  /** `POST /v3/conversations/{id}/activities[/{replyToId}]`. */
  #send(conversationId: string, replyTo: string | null, raw: string, body: Record<string, unknown> | null): Handled {
    const target = this.#target(conversationId);
    if ('status' in target) return target;
    const fault = this.#deps.faults.take(baseId(conversationId));
    if (fault && !(fault.kind === 'drop' && fault.after)) return faultAnswer(fault);
    const invalid = this.#checkActivity(raw, body);
    if (invalid) return invalid;
    const limited = this.#takeRate(baseId(conversationId));
    if (limited) return limited;
    const replyToId = target.kind === 'channel' ? (target.rootId ?? replyTo ?? asString(body?.replyToId) ?? null) : null;
    const stored = this.#deps.store.add(baseId(conversationId), replyToId, asRecord(body), this.#deps.nowMs());
    if (fault) return { drop: true };
    return { status: 201, body: { id: stored.id } };
  }

  /** `PUT /v3/conversations/{id}/activities/{activityId}`. */
  #update(conversationId: string, activityId: string, raw: string, body: Record<string, unknown> | null): Handled {
    const target = this.#target(conversationId);
    if ('status' in target) return target;
    const fault = this.#deps.faults.take(baseId(conversationId));
    if (fault && !(fault.kind === 'drop' && fault.after)) return faultAnswer(fault);
    const stored: StoredActivity | undefined = this.#deps.store.find(baseId(conversationId), activityId);
    if (!stored) return { status: 404, body: connectorError('ActivityNotFoundInConversation', 'The activity was not found in the conversation.') };
    const invalid = this.#checkActivity(raw, body);
    if (invalid) return invalid;
    const limited = this.#deps.limitUpdates ? this.#takeRate(baseId(conversationId)) : null;
    if (limited) return limited;
    this.#deps.store.update(stored, asRecord(body), this.#deps.nowMs());
    if (fault) return { drop: true };
    return { status: 200, body: { id: stored.id } };
  }

  /** `POST /v3/conversations`: a 1:1 chat with a member, or a new thread in a channel. */
  #createConversation(raw: string, body: Record<string, unknown> | null): Handled {
    if (!body) return { status: 400, body: connectorError('BadArgument', 'The request body must be a JSON ConversationParameters object.') };
    const channelId = asString(asRecord(asRecord(body.channelData).channel).id);
    if (channelId !== undefined) {
      const activity = asRecord(body.activity);
      if (asString(activity.type) === undefined) return { status: 400, body: connectorError('BadArgument', 'Creating a channel thread needs an activity.') };
      const sent = this.#send(channelId, null, JSON.stringify(activity), activity);
      if ('drop' in sent || sent.status !== 201) return sent;
      const id = asString(asRecord(sent.body).id) ?? '';
      return { status: 201, body: { id: `${channelId};messageid=${id}`, activityId: id } };
    }
    const memberId = asString(asRecord(Array.isArray(body.members) ? body.members[0] : undefined).id);
    if (memberId === undefined) return { status: 400, body: connectorError('BadArgument', 'Members or channelData.channel is required.') };
    const member = this.#deps.world.member(memberId);
    if (!member) return { status: 403, body: connectorError('Forbidden', 'The bot is not installed for this user.') };
    const chat = this.#deps.world.personalChat(member);
    const fault = this.#deps.faults.take(chat.id);
    if (fault && fault.kind === 'status') return faultAnswer(fault);
    if (body.activity === undefined) return fault ? { drop: true } : { status: 201, body: { id: chat.id } };
    const sent = this.#send(chat.id, null, JSON.stringify(body.activity), asRecord(body.activity));
    if ('drop' in sent || sent.status !== 201) return sent;
    return { status: 201, body: { id: chat.id, activityId: asString(asRecord(sent.body).id) } };
  }

  /** The conversation, or the error Teams answers when it cannot take messages. */
  #target(conversationId: string): ResolvedConversation | Answer {
    const resolved = this.#deps.world.resolve(conversationId);
    if (!resolved) return { status: 404, body: connectorError('ConversationNotFound', 'Conversation not found.') };
    if (resolved.kind === 'channel' && !resolved.team.installed) return { status: 403, body: connectorError('BotNotInConversationRoster', 'The bot is not part of the conversation roster.') };
    if (resolved.kind === 'personal' && resolved.chat.blocked) return { status: 403, body: connectorError('ConversationBlockedByUser', 'User blocked the conversation with the bot.') };
    return resolved;
  }

  #checkActivity(raw: string, body: Record<string, unknown> | null): Answer | null {
    if (!body || asString(body.type) === undefined) return { status: 400, body: connectorError('BadArgument', 'The body must be a JSON activity with a type.') };
    const size = Buffer.byteLength(raw, 'utf8');
    const max = this.#deps.maxMessageBytes();
    if (size > max) return { status: 413, body: connectorError('MessageSizeTooBig', `The activity is ${size} bytes; the limit is ${max} bytes.`) };
    return null;
  }

  /** Counts the send, or answers 429 (and records the violation) when a window is full. */
  #takeRate(conversationId: string): Answer | null {
    const now = this.#deps.nowMs();
    const tenant = this.#deps.tenantLimiter();
    const perConversation = this.#deps.conversationLimiter.check(conversationId, now);
    const perTenant = perConversation === null && tenant ? tenant.check(this.#deps.tenantId, now) : null;
    const retryAfterSeconds = perConversation ?? perTenant;
    if (retryAfterSeconds !== null) {
      this.violations.push({ conversationId, limit: perConversation !== null ? 'conversation' : 'tenant', retryAfterSeconds, at: now });
      return { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) }, body: defaultFaultBody(429) };
    }
    this.#deps.conversationLimiter.record(conversationId, now);
    tenant?.record(this.#deps.tenantId, now);
    return null;
  }
}

function faultAnswer(fault: ConnectorFault): Handled {
  if (fault.kind === 'drop') return { drop: true };
  const headers = fault.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) };
  return { status: fault.status, body: fault.body ?? defaultFaultBody(fault.status), ...(headers ? { headers } : {}) };
}

/** The conversation id without `;messageid=…`: rate limits and storage are per channel or chat. */
export function baseId(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
