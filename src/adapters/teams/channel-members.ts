/**
 * Who is in a Teams channel (the connector's member list), by Entra object
 * id, for divisions whose channel members are their owners. Cached for a few
 * minutes like Slack's: permission checks run on every click. A failed
 * lookup grants nothing and is tried again next time.
 */
import type { ChannelMembers } from '../../app/commands/ports.ts';
import type { TeamsLogger } from './sdk-logger.ts';

export const DEFAULT_MEMBERS_TTL_MS = 5 * 60 * 1000;

/** The connector call this needs: a conversation's members (`GET /v3/conversations/{id}/members`). */
export type FetchMembers = (conversationId: string) => Promise<ReadonlyArray<{ id: string; aadObjectId?: string }>>;

export function createTeamsChannelMembers(fetchMembers: FetchMembers, options: { logger: TeamsLogger; ttlMs?: number; now?: () => number }): ChannelMembers {
  const ttl = options.ttlMs ?? DEFAULT_MEMBERS_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; members: Promise<ReadonlySet<string>> }>();
  return {
    membersOf(channel) {
      const cached = cache.get(channel);
      if (cached && now() - cached.at < ttl) return cached.members;
      const members = fetchMembers(channel).then(
        (list) => new Set(list.map((member) => member.aadObjectId).filter((id): id is string => typeof id === 'string' && id !== '')) as ReadonlySet<string>,
        (error: unknown) => {
          cache.delete(channel);
          options.logger.warn({ channel, err: error instanceof Error ? error.message : String(error) }, 'teams channel members lookup failed; its members count as owners of nothing until it works');
          return new Set<string>() as ReadonlySet<string>;
        },
      );
      cache.set(channel, { at: now(), members });
      return members;
    },
  };
}
