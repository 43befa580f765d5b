/**
 * Where Teams messages can go (issue 14): the channels of the teams the app
 * was added to, and the personal chats users opened, each with its tenant
 * and the Bot Connector service URL Teams gave for it. Recorded from
 * installation and conversation-update activities. Portable like the earlier
 * migrations: text columns, booleans as 0/1 integers.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

/** Creates teams_conversation. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('teams_conversation')
    // `19:…@thread.tacv2` for a channel (the team's own id is its General channel's), `a:…` for a personal chat.
    .addColumn('conversation_id', 'text', (col) => col.primaryKey())
    // `channel` | `personal`.
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('team_id', 'text')
    // The team's Microsoft 365 group id: Graph's name for the team.
    .addColumn('aad_group_id', 'text')
    .addColumn('name', 'text')
    // For a personal chat: the user's Entra object id.
    .addColumn('user_id', 'text')
    .addColumn('tenant_id', 'text')
    .addColumn('service_url', 'text', (col) => col.notNull())
    // 0 once the app was removed from the team.
    .addColumn('installed', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('teams_conversation_team').on('teams_conversation').column('team_id').execute();
  await db.schema.createIndex('teams_conversation_user').on('teams_conversation').column('user_id').execute();
}

/** Drops teams_conversation. */
export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('teams_conversation').execute();
}
