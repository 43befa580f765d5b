/**
 * Dashboard links as handed out in chat and checked on every request: a
 * personal link is only signed; a shared one is signed and stored, and is
 * refused once revoked.
 */
import { randomBytes } from 'node:crypto';
import type { DashboardLinks, DashboardLinkStore } from '../../app/dashboard-link-port.ts';
import { signLink, verifyLink, type LinkClaims } from './dashboard-token.ts';

/** A personal link lasts a working day and a night: long enough for a meeting, short enough not to linger. */
export const PERSONAL_LINK_HOURS = 24;

const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Eight characters without look-alikes (no l/1, o/0, i): typed back in `/plan dashboard revoke ID`. */
function newLinkId(): string {
  return [...randomBytes(8)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join('');
}

export interface DashboardAccess extends DashboardLinks {
  /** The claims of a link that may open the dashboard at `now`; null otherwise (no such link, forged, expired, revoked). */
  authorize(token: string, now: Date): Promise<LinkClaims | null>;
}

/** Links under `baseUrl` (DASHBOARD_URL), signed with `secret`, shared ones kept in `store`. */
export function createDashboardAccess(options: { baseUrl: string; secret: string; store: DashboardLinkStore }): DashboardAccess {
  const { secret, store } = options;
  const base = options.baseUrl.replace(/\/+$/u, '');
  const urlOf = (claims: LinkClaims) => `${base}/d/${signLink(claims, secret)}/`;
  return {
    personal(userId, now) {
      const expiresAt = new Date(now.getTime() + PERSONAL_LINK_HOURS * 3_600_000);
      return { url: urlOf({ kind: 'personal', user: userId, expiresAt: expiresAt.getTime() }), expiresAt };
    },
    async mint(name, days, by, now) {
      const expiresAt = new Date(now.getTime() + days * 86_400_000);
      const id = newLinkId();
      await store.create({ id, name, createdBy: by, createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
      return { id, url: urlOf({ kind: 'shared', id, expiresAt: expiresAt.getTime() }), expiresAt };
    },
    find: (id) => store.get(id),
    revoke: (id, by, now) => store.revoke(id, by, now.toISOString()),
    async authorize(token, now) {
      const claims = verifyLink(token, secret, now.getTime());
      if (claims === null || claims.kind === 'personal') return claims;
      const stored = await store.get(claims.id);
      return stored !== null && stored.revokedAt === null && Date.parse(stored.expiresAt) > now.getTime() ? claims : null;
    },
  };
}
