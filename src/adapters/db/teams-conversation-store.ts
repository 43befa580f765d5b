/**
 * Where Teams messages can go (the `teams_conversation` table): the channels
 * of the teams the app is in, and users' personal chats, each with the
 * service URL Teams gave for it. One upsert per conversation, which SQLite
 * and PostgreSQL both spell `ON CONFLICT … DO UPDATE`.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface TeamsChannelRecord {
  conversationId: string;
  teamId: string;
  aadGroupId: string | null;
  name: string | null;
  tenantId: string | null;
  serviceUrl: string;
  installed: boolean;
}

export interface TeamsPersonalChatRecord {
  conversationId: string;
  userId: string;
  tenantId: string | null;
  serviceUrl: string;
}

export interface TeamsConversationStore {
  /** Records a team's channels (the team's id is its General channel's); channels no longer listed stay as they were. */
  recordTeam(team: { teamId: string; aadGroupId: string | null; tenantId: string | null; serviceUrl: string; channels: ReadonlyArray<{ id: string; name: string | null }> }, at: string): Promise<void>;
  /** The app was removed from the team: its channels no longer receive messages. */
  markTeamRemoved(teamId: string, at: string): Promise<void>;
  recordPersonalChat(chat: TeamsPersonalChatRecord, at: string): Promise<void>;
  channel(conversationId: string): Promise<TeamsChannelRecord | null>;
  channels(): Promise<TeamsChannelRecord[]>;
  personalChatOf(userId: string): Promise<TeamsPersonalChatRecord | null>;
}

export interface TeamsConversationStoreOptions {
  /**
   * How long channel() may answer from memory. The notifier asks for every
   * card (its service URL, its team's group for the Graph lookup): a query
   * per card was a fifth of the database work of a fan-out. This store's own
   * writes take effect at once; another instance's (several bots on one
   * PostgreSQL) within this time. Default 0: always read.
   */
  rememberChannelsMs?: number;
  now?: () => number;
}

/** A TeamsConversationStore over an open database. */
export function createTeamsConversationStore(db: Kysely<Database>, options: TeamsConversationStoreOptions = {}): TeamsConversationStore {
  const rememberMs = options.rememberChannelsMs ?? 0;
  const now = options.now ?? Date.now;
  const remembered = new Map<string, { record: TeamsChannelRecord | null; until: number }>();
  return {
    async recordTeam(team, at) {
      for (const channel of team.channels) {
        const values = { kind: 'channel', team_id: team.teamId, tenant_id: team.tenantId, service_url: team.serviceUrl, installed: 1, updated_at: at };
        // What Teams did not send this time (the General channel has no name; a conversation update has no group id) keeps what was recorded before.
        const update = { ...values, ...(channel.name === null ? {} : { name: channel.name }), ...(team.aadGroupId === null ? {} : { aad_group_id: team.aadGroupId }) };
        await db
          .insertInto('teams_conversation')
          .values({ conversation_id: channel.id, user_id: null, name: channel.name, aad_group_id: team.aadGroupId, ...values })
          .onConflict((oc) => oc.column('conversation_id').doUpdateSet(update))
          .execute();
      }
      // After the writes: a read in between must not leave the old record remembered.
      remembered.clear();
    },

    async markTeamRemoved(teamId, at) {
      await db.updateTable('teams_conversation').set({ installed: 0, updated_at: at }).where('team_id', '=', teamId).execute();
      remembered.clear();
    },

    async recordPersonalChat(chat, at) {
      const values = { kind: 'personal', user_id: chat.userId, tenant_id: chat.tenantId, service_url: chat.serviceUrl, installed: 1, updated_at: at };
      await db
        .insertInto('teams_conversation')
        .values({ conversation_id: chat.conversationId, team_id: null, aad_group_id: null, name: null, ...values })
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet(values))
        .execute();
    },

    async channel(conversationId) {
      const kept = remembered.get(conversationId);
      if (kept && kept.until > now()) return kept.record;
      const row = await db.selectFrom('teams_conversation').selectAll().where('conversation_id', '=', conversationId).where('kind', '=', 'channel').executeTakeFirst();
      const record = row ? channelOf(row) : null;
      if (rememberMs > 0) remembered.set(conversationId, { record, until: now() + rememberMs });
      return record;
    },

    async channels() {
      const rows = await db.selectFrom('teams_conversation').selectAll().where('kind', '=', 'channel').orderBy('conversation_id').execute();
      return rows.map(channelOf);
    },

    async personalChatOf(userId) {
      const row = await db.selectFrom('teams_conversation').selectAll().where('user_id', '=', userId).where('kind', '=', 'personal').orderBy('updated_at', 'desc').executeTakeFirst();
      return row ? { conversationId: row.conversation_id, userId, tenantId: row.tenant_id, serviceUrl: row.service_url } : null;
    },
  };
}

function channelOf(row: Database['teams_conversation']): TeamsChannelRecord {
  return {
    conversationId: row.conversation_id,
    teamId: row.team_id ?? row.conversation_id,
    aadGroupId: row.aad_group_id,
    name: row.name,
    tenantId: row.tenant_id,
    serviceUrl: row.service_url,
    installed: row.installed === 1,
  };
}
