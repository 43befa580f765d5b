/**
 * Per-user settings chosen from chat: for now the language of replies
 * (`/plan lang en`). Portable like the earlier migrations: text columns only.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates user_pref. */
export async function up(db: AnyDb): Promise<void> {
  // Keyed by the chat user id; a row exists once a user chose something.
  // lang is null when unset, so a later setting can join the row without a default.
  await db.schema
    .createTable('user_pref')
    .addColumn('user_id', 'text', (col) => col.primaryKey())
    .addColumn('lang', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
}

/** Drops user_pref. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('user_pref').execute();
}
