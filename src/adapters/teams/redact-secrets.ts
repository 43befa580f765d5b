/**
 * Removes bearer tokens (JWTs) from text bound for a log: the SDK logs
 * request and error details as free text, and a leaked token gives anyone
 * the bot's voice until it expires.
 */
import { redactTokens } from '../log/redact-tokens.ts';

const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/gu;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/giu;

/** `text` with every JWT and bearer credential replaced. */
export function redactSecrets(text: string): string {
  return redactTokens(text).replace(JWT, '[REDACTED JWT]').replace(BEARER, '$1 [REDACTED]');
}
