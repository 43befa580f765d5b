/**
 * The ports of dashboard links (issue 15 §3): where revocable links are
 * kept, and what `/plan dashboard` asks of the dashboard (a link for a
 * person; a read-only link minted or revoked).
 */

/** A read-only link a coordinator gave out. Times are ISO-8601 instants. */
export interface StoredDashboardLink {
  id: string;
  /** Who it was given to, as the coordinator wrote it. */
  name: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface DashboardLinkStore {
  create(link: Omit<StoredDashboardLink, 'revokedAt' | 'revokedBy'>): Promise<StoredDashboardLink>;
  get(id: string): Promise<StoredDashboardLink | null>;
  /** Marks the link revoked; false when it was already (or does not exist). */
  revoke(id: string, by: string, at: string): Promise<boolean>;
}

/** A link ready to hand out. */
export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/** What the `/plan dashboard` use case needs from the running dashboard. */
export interface DashboardLinks {
  /** The asker's own link, bound to their chat user id, valid for a day from `now`. */
  personal(userId: string, now: Date): IssuedLink;
  /** A stored, revocable read-only link for `name`, valid `days` days from `now`. */
  mint(name: string, days: number, by: string, now: Date): Promise<IssuedLink & { id: string }>;
  /** The link, if any; for revoking. */
  find(id: string): Promise<StoredDashboardLink | null>;
  revoke(id: string, by: string, now: Date): Promise<boolean>;
}
