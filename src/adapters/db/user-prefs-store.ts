/**
 * Per-user settings (the `user_pref` table) behind the UserPrefs port. One
 * upsert per change, which SQLite and PostgreSQL both spell `ON CONFLICT … DO UPDATE`.
 */
import type { Kysely } from 'kysely';
import type { UserPrefs } from '../../app/commands/ports.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { Database } from './schema.ts';

/** A UserPrefs over an open database. */
export function createUserPrefsStore(db: Kysely<Database>): UserPrefs {
  return {
    async lang(userId) {
      const row = await db.selectFrom('user_pref').select('lang').where('user_id', '=', userId).executeTakeFirst();
      return isLang(row?.lang) ? row.lang : null;
    },

    async setLang(userId, lang, at) {
      await db
        .insertInto('user_pref')
        .values({ user_id: userId, lang, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ lang, updated_at: at }))
        .execute();
    },
  };
}

// A value written by a later version (another language) reads as "not chosen" rather than failing.
function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}
