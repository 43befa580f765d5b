/**
 * Dashboard links (issue 15 §3): a signed token in the link's path, so a
 * link opens the dashboard without any account. HMAC-SHA256 over the claims
 * with DASHBOARD_SECRET; compared in constant time. A personal link names
 * the chat user it was given to; a shared (read-only, for an executive)
 * link names its stored id, so that it can be revoked.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkClaims =
  /** `/plan dashboard`: one chat user's own link. */
  | { kind: 'personal'; user: string; expiresAt: number }
  /** `/plan dashboard link NAME DAYS`: a stored, revocable link. */
  | { kind: 'shared'; id: string; expiresAt: number };

const base64url = (bytes: Buffer) => bytes.toString('base64url');

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`shinchoku-dashboard.v1.${payload}`).digest();
}

/** The token for `claims` (expiresAt: milliseconds since the epoch). */
export function signLink(claims: LinkClaims, secret: string): string {
  const compact = claims.kind === 'personal' ? { k: 'p', u: claims.user, e: claims.expiresAt } : { k: 's', i: claims.id, e: claims.expiresAt };
  const payload = base64url(Buffer.from(JSON.stringify(compact), 'utf8'));
  return `${payload}.${base64url(mac(payload, secret))}`;
}

/**
 * The claims of a genuine token that has not expired at `nowMs`; null for
 * anything else (malformed, forged, expired). Revocation is the caller's
 * check (the store), after this one.
 */
export function verifyLink(token: string, secret: string, nowMs: number): LinkClaims | null {
  const match = /^([A-Za-z0-9_-]{1,512})\.([A-Za-z0-9_-]{43})$/u.exec(token);
  if (!match) return null;
  const [, payload, signature] = match as unknown as [string, string, string];
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let compact: unknown;
  try {
    compact = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof compact !== 'object' || compact === null) return null;
  const c = compact as { k?: unknown; u?: unknown; i?: unknown; e?: unknown };
  if (typeof c.e !== 'number' || !Number.isFinite(c.e) || c.e <= nowMs) return null;
  if (c.k === 'p' && typeof c.u === 'string' && c.u !== '') return { kind: 'personal', user: c.u, expiresAt: c.e };
  if (c.k === 's' && typeof c.i === 'string' && c.i !== '') return { kind: 'shared', id: c.i, expiresAt: c.e };
  return null;
}
