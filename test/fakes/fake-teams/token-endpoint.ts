/**
 * Microsoft Entra ID's token endpoint for the client-credentials grant:
 * `POST /{tenantId}/oauth2/v2.0/token`, form-encoded. Access tokens are
 * RS256 JWTs signed by the fake's own key, so the connector and Graph can
 * check them as Microsoft's services would (audience, app id, expiry).
 */
import { randomUUID } from 'node:crypto';
import { signJwt, signingKeyFor, verifyJwt, type SigningKey } from './jwt.ts';

/** One token request, in arrival order. */
export interface TokenRequest {
  tenantId: string;
  clientId: string | null;
  scope: string | null;
  grantType: string | null;
  /** HTTP status answered. */
  status: number;
  /** Epoch ms (real time). */
  at: number;
}

export interface TokenEndpointConfig {
  appId: string;
  appPassword: string;
  tenantId: string;
  /** Token lifetime in seconds; Entra's is about an hour. */
  lifetimeSeconds: number;
  nowMs: () => number;
}

export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

export class TokenEndpoint {
  readonly requests: TokenRequest[] = [];
  readonly #key: SigningKey = signingKeyFor('entra');
  readonly #config: TokenEndpointConfig;

  constructor(config: TokenEndpointConfig) {
    this.#config = config;
  }

  /** Answers one POST to `/{tenantId}/oauth2/v2.0/token`. */
  answer(tenantId: string, form: URLSearchParams): TokenAnswer {
    const { appId, appPassword, lifetimeSeconds, nowMs } = this.#config;
    const clientId = form.get('client_id');
    const scope = form.get('scope');
    const grantType = form.get('grant_type');
    const request: TokenRequest = { tenantId, clientId, scope, grantType, status: 200, at: nowMs() };
    this.requests.push(request);
    const answer = this.#decide(tenantId, form, clientId, scope, grantType);
    request.status = answer.status;
    if (answer.status !== 200 || scope === null) return answer;
    const now = Math.floor(nowMs() / 1000);
    const audience = scope.replace(/\/\.default$/u, '');
    const token = signJwt(
      {
        aud: audience,
        iss: `https://sts.windows.net/${tenantId}/`,
        iat: now,
        nbf: now,
        exp: now + lifetimeSeconds,
        appid: appId,
        appidacr: '1',
        idp: `https://sts.windows.net/${tenantId}/`,
        tid: tenantId,
        oid: randomUUID(),
        sub: randomUUID(),
        ver: '1.0',
      },
      this.#key,
    );
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetimeSeconds, ext_expires_in: lifetimeSeconds, access_token: token } };
  }

  /**
   * The claims of an access token this endpoint issued, when it is still
   * valid for `audiences`; otherwise why not (for the 401's message).
   */
  check(token: string | null, audiences: readonly string[]): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string } {
    if (token === null) return { ok: false, reason: 'no bearer token' };
    const claims = verifyJwt(token, this.#key.publicKey);
    if (claims === null) return { ok: false, reason: 'bad signature' };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.#config.nowMs()) return { ok: false, reason: 'expired' };
    if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud)) return { ok: false, reason: `wrong audience ${String(claims.aud)}` };
    if (claims.appid !== this.#config.appId) return { ok: false, reason: 'wrong app id' };
    return { ok: true, claims };
  }

  #decide(tenantId: string, form: URLSearchParams, clientId: string | null, scope: string | null, grantType: string | null): TokenAnswer {
    const { appId, appPassword } = this.#config;
    if (tenantId !== this.#config.tenantId) return entraError(400, 'invalid_request', 90002, `Tenant '${tenantId}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    if (grantType !== 'client_credentials') return entraError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (clientId !== appId) return entraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenantId}'.`);
    if (!scope || !scope.endsWith('/.default')) return entraError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope ?? ''} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    if (form.get('client_secret') !== appPassword) return entraError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`);
    return { status: 200, body: {} };
  }
}

/** Entra's error JSON: `error`, `error_description` starting with the AADSTS code, `error_codes`… */
function entraError(status: number, error: string, code: number, text: string): TokenAnswer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/u, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}
