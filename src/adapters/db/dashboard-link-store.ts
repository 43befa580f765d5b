/**
 * The read-only dashboard links a coordinator gave out (the `dashboard_link`
 * table), behind the DashboardLinkStore port: created, looked up when a
 * link is opened, revoked.
 */
import type { Kysely } from 'kysely';
import type { DashboardLinkStore, StoredDashboardLink } from '../../app/dashboard-link-port.ts';
import type { Database, DashboardLinkTable } from './schema.ts';

const toLink = (row: DashboardLinkTable): StoredDashboardLink => ({
  id: row.id,
  name: row.name,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  revokedBy: row.revoked_by,
});

/** A DashboardLinkStore over an open database. */
export function createDashboardLinkStore(db: Kysely<Database>): DashboardLinkStore {
  return {
    async create(link) {
      await db
        .insertInto('dashboard_link')
        .values({ id: link.id, name: link.name, created_by: link.createdBy, created_at: link.createdAt, expires_at: link.expiresAt, revoked_at: null, revoked_by: null })
        .execute();
      return { ...link, revokedAt: null, revokedBy: null };
    },

    async get(id) {
      const row = await db.selectFrom('dashboard_link').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toLink(row) : null;
    },

    async revoke(id, by, at) {
      // Only a link not yet revoked: the first revocation's who and when stay.
      const result = await db.updateTable('dashboard_link').set({ revoked_at: at, revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
