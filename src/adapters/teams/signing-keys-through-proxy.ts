/**
 * The keys that verify incoming activities, fetched through the office proxy
 * (SPEC §7.3: every outbound connection honours HTTPS_PROXY).
 *
 * The Teams SDK (2.0.16) fetches them with jwks-rsa, which it builds with
 * the keys URL alone: no agent, so node:https connects directly, and behind
 * a proxy without outside DNS every activity would be refused (401). The SDK
 * exposes no option for it. Its validator looks its key client up in a cache
 * keyed by the keys URL before building one; this puts ours there, after
 * `app.initialize()` built the validator. Our client fetches the same JWKS
 * with the proxy's agent and hands jsonwebtoken the same public keys; the
 * SDK still verifies signature, issuer, audience and serviceurl.
 *
 * This reaches into the SDK's internals, which is why the SDK is pinned
 * exactly; teams-behind-proxy.test.ts fails if a release moves them, and
 * at run time a missing cache is logged, never silently ignored.
 */
import type http from 'node:http';
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { requestJson } from './request-json.ts';
import type { TeamsLogger } from './sdk-logger.ts';

/** jwks-rsa's client, as far as the SDK uses it. */
interface SigningKeyClient {
  getSigningKey(kid: string | undefined, callback: (error: Error | null, key?: { getPublicKey(): string }) => void): void;
}

/** An unknown key id fetches the keys again, at most this often (forged tokens must not make us hammer the endpoint). */
const REFETCH_MS = 60_000;
/** Keys are fetched again after this long even when every id is known (Microsoft rotates them). */
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The keys URL the SDK derives from the OpenID metadata URL (its ServiceTokenValidator). */
export function signingKeysUrlOf(openIdMetadataUrl: string): string {
  return openIdMetadataUrl.replace(/\/openidconfiguration$/u, '/keys');
}

/**
 * Makes the SDK app fetch its signing keys from `keysUrl` through `agent`.
 * Call after `app.initialize()`. Returns false (and logs) when the SDK's
 * validator is not where this release keeps it.
 */
export function fetchSigningKeysThrough(app: unknown, keysUrl: string, agent: http.Agent, logger: TeamsLogger): boolean {
  const cache = (app as { server?: { serviceTokenValidator?: { jwtValidator?: { jwksCache?: unknown } } } }).server?.serviceTokenValidator?.jwtValidator?.jwksCache;
  if (!(cache instanceof Map)) {
    logger.error({ keysUrl }, 'teams: cannot route the SDK’s signing-key fetch through the proxy (SDK internals changed); incoming activities may be refused');
    return false;
  }
  cache.set(keysUrl, signingKeyClient(keysUrl, agent));
  return true;
}

/** A jwks-rsa–compatible client that GETs `keysUrl` through `agent`. */
export function signingKeyClient(keysUrl: string, agent: http.Agent): SigningKeyClient {
  let keys = new Map<string, string>();
  let fetchedAt = -Infinity;
  let loading: Promise<void> | null = null;

  const load = (): Promise<void> =>
    (loading ??= (async () => {
      try {
        const response = await requestJson({ method: 'GET', url: keysUrl, agent });
        if (response.status !== 200) throw new Error(`signing keys: HTTP ${response.status} from ${keysUrl}`);
        keys = publicKeysOf(response.body);
        fetchedAt = Date.now();
      } finally {
        loading = null;
      }
    })());

  return {
    getSigningKey(kid, callback) {
      void (async () => {
        const age = Date.now() - fetchedAt;
        if (age > MAX_AGE_MS || (kid !== undefined && !keys.has(kid) && age > REFETCH_MS)) await load();
        const pem = kid === undefined ? undefined : keys.get(kid);
        if (pem === undefined) throw new Error(`no signing key with kid ${String(kid)}`);
        return { getPublicKey: () => pem };
      })().then(
        (key) => callback(null, key),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  };
}

/** kid → PEM of each RSA signing key in a JWKS document. */
function publicKeysOf(body: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const list = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list)) return out;
  for (const jwk of list as Array<JsonWebKey & { kid?: unknown; use?: unknown }>) {
    if (typeof jwk?.kid !== 'string' || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
    try {
      out.set(jwk.kid, createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString());
    } catch {
      // A key we cannot read verifies nothing; the others still do.
    }
  }
  return out;
}
