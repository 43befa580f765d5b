/**
 * The bot's own access tokens (SPEC §7.2): a client-credentials POST to
 * `{TEAMS_LOGIN_URL}/{tenant}/oauth2/v2.0/token`, one per scope, cached
 * until shortly before it expires. Fed to the SDK through its `token`
 * callback, whose MSAL path would refuse a local authority and look up
 * instance metadata on the internet first.
 */
import type http from 'node:http';
import { requestJson } from './request-json.ts';

export interface BotTokenSourceOptions {
  tokenUrl: string;
  clientId: string;
  /** Never logged, never part of an error. */
  clientSecret: string;
  /** The agent for the token URL (proxy), if any. */
  agentFor?: (url: string) => http.Agent | undefined;
  now?: () => number;
}

/** Why a token could not be had: the endpoint's own code (e.g. AADSTS7000215) when it gave one. */
export class TokenRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail: string,
  ) {
    super(`token request failed (HTTP ${status}, ${code}): ${detail}`);
    this.name = 'TokenRequestError';
  }
}

export interface BotTokenSource {
  /** A valid access token for `scope`; cached ones while they have more than the margin left. */
  token(scope: string): Promise<string>;
}

/** Tokens are renewed this long before they expire, so a request never leaves with one about to lapse. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

/** A token source; concurrent requests for one scope share one POST. */
export function createBotTokenSource(options: BotTokenSourceOptions): BotTokenSource {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { token: string; renewAt: number }>();
  const pending = new Map<string, Promise<string>>();

  async function fetchToken(scope: string): Promise<string> {
    const started = now();
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret, scope }).toString();
    let response;
    try {
      response = await requestJson({
        method: 'POST',
        url: options.tokenUrl,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        ...agentOf(options, options.tokenUrl),
      });
    } catch (error) {
      throw new TokenRequestError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    const answer = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as Record<string, unknown>;
    if (response.status !== 200 || typeof answer.access_token !== 'string') {
      const code = typeof answer.error === 'string' ? answer.error : 'unexpected_response';
      const description = typeof answer.error_description === 'string' ? answer.error_description.split('\n')[0] ?? '' : '';
      throw new TokenRequestError(response.status, code, description.slice(0, 300));
    }
    const expiresInSec = Number(answer.expires_in);
    const lifetimeMs = Number.isFinite(expiresInSec) && expiresInSec > 0 ? expiresInSec * 1000 : 0;
    cache.set(scope, { token: answer.access_token, renewAt: started + Math.max(0, lifetimeMs - RENEW_BEFORE_MS) });
    return answer.access_token;
  }

  return {
    async token(scope: string): Promise<string> {
      const cached = cache.get(scope);
      if (cached && now() < cached.renewAt) return cached.token;
      let inFlight = pending.get(scope);
      if (!inFlight) {
        inFlight = fetchToken(scope).finally(() => pending.delete(scope));
        pending.set(scope, inFlight);
      }
      return inFlight;
    },
  };
}

function agentOf(options: BotTokenSourceOptions, url: string): { agent?: http.Agent } {
  const agent = options.agentFor?.(url);
  return agent ? { agent } : {};
}
