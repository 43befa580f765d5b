/**
 * RS256 JSON Web Tokens with node:crypto only: signing, verifying, and the
 * JWK form of a public key as Microsoft publishes it.
 */
import { createHash, createSign, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const keys = new Map<string, SigningKey>();

/**
 * The process's 2048-bit RSA key pair for a role, made on first use: a key
 * pair takes up to a second to make on a busy machine, and every test
 * starts a fake. The kid is derived from the public key, like an x5t thumbprint.
 */
export function signingKeyFor(role: 'bot-framework' | 'foreign' | 'entra'): SigningKey {
  const existing = keys.get(role);
  if (existing) return existing;
  const made = generateSigningKey();
  keys.set(role, made);
  return made;
}

function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha1').update(der).digest('base64url');
  return { kid, privateKey, publicKey };
}

export function signJwt(payload: Record<string, unknown>, key: SigningKey, kid: string = key.kid): string {
  const header = { alg: 'RS256', typ: 'JWT', kid, x5t: kid };
  const head = `${encode(header)}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(head).sign(key.privateKey).toString('base64url');
  return `${head}.${signature}`;
}

/** The payload when the signature is the key's and the token is RS256; null otherwise. */
export function verifyJwt(token: string, publicKey: KeyObject): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, signature] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    if (header.alg !== 'RS256') return null;
    const ok = createVerify('RSA-SHA256').update(`${head}.${body}`).verify(publicKey, Buffer.from(signature, 'base64url'));
    if (!ok) return null;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    return typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The public key as a JWK entry of a JWKS document. */
export function publicJwk(key: SigningKey): Record<string, unknown> {
  const jwk = key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kty: 'RSA', use: 'sig', kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e };
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}
