/**
 * The Bot Framework channel's token issuer: what signs the bearer token on
 * every activity Teams POSTs to a bot. It publishes OpenID metadata and a
 * JWKS (with `endorsements`, as login.botframework.com does); a second,
 * unpublished key signs forgeries.
 */
import { publicJwk, signJwt, signingKeyFor, type SigningKey } from './jwt.ts';

/** The issuer claim of Bot Framework tokens on the public cloud (the SDK's `PUBLIC.tokenIssuer`). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface ActivityTokenOptions {
  /** The `aud` claim: the bot's app id for a genuine token. */
  audience: string;
  /** The `serviceurl` claim; the SDK requires it to equal the activity's `serviceUrl`. */
  serviceUrl: string;
  /** Default BOT_FRAMEWORK_ISSUER. */
  issuer?: string;
  /** Seconds from now until `exp`; negative makes an expired token. Default 3600. */
  expiresInSeconds?: number;
  /** `nbf` as epoch seconds; default 5 minutes ago, as Microsoft issues them. */
  notBefore?: number;
  /** 'trusted' (published in the JWKS, default) or 'foreign' (same kid, unpublished key: a forgery). */
  key?: 'trusted' | 'foreign';
  /** Extra claims, e.g. to leave one out set it to undefined. */
  claims?: Record<string, unknown>;
}

export class TokenIssuer {
  readonly #trusted: SigningKey = signingKeyFor('bot-framework');
  readonly #foreign: SigningKey = signingKeyFor('foreign');
  readonly #nowMs: () => number;

  constructor(nowMs: () => number = Date.now) {
    this.#nowMs = nowMs;
  }

  /** The document at `/v1/.well-known/openidconfiguration`. */
  openIdConfiguration(base: string): Record<string, unknown> {
    return {
      issuer: BOT_FRAMEWORK_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${base}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    };
  }

  /** The document at `/v1/.well-known/keys`. */
  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [{ ...publicJwk(this.#trusted), endorsements: ['msteams', 'skype', 'webchat', 'emulator'] }] };
  }

  signActivityToken(options: ActivityTokenOptions): string {
    const now = Math.floor(this.#nowMs() / 1000);
    const payload: Record<string, unknown> = {
      serviceurl: options.serviceUrl,
      nbf: options.notBefore ?? now - 300,
      exp: now + (options.expiresInSeconds ?? 3600),
      iss: options.issuer ?? BOT_FRAMEWORK_ISSUER,
      aud: options.audience,
      ...options.claims,
    };
    for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
    const key = options.key === 'foreign' ? this.#foreign : this.#trusted;
    // A forgery claims the trusted key's id, so only the signature gives it away.
    return signJwt(payload, key, this.#trusted.kid);
  }
}
