/**
 * Who is in a channel (`conversations.members`), for divisions whose channel
 * members are their owners. Cached for a few minutes: permission checks run
 * on every button click, and a person who just joined a channel can wait
 * that long. Concurrent lookups of one channel share one request.
 */
import type { webApi } from '@slack/bolt';
import type { ChannelMembers } from '../../../app/commands/ports.ts';
import type { AdapterLogger } from '../web-api-logger.ts';

export const DEFAULT_MEMBERS_TTL_MS = 5 * 60 * 1000;
const PAGE_SIZE = 1000;

interface Entry {
  at: number;
  members: Promise<ReadonlySet<string>>;
}

export interface ChannelMembersOptions {
  ttlMs?: number;
  now?: () => number;
  logger: AdapterLogger;
}

/** A ChannelMembers over the Web API client of the Slack app. */
export function createChannelMembers(client: Pick<webApi.WebClient, 'conversations'>, options: ChannelMembersOptions): ChannelMembers {
  const ttl = options.ttlMs ?? DEFAULT_MEMBERS_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();

  const fetchMembers = async (channel: string): Promise<ReadonlySet<string>> => {
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await client.conversations.members({ channel, limit: PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) });
      for (const member of page.members ?? []) members.add(member);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor !== undefined);
    return members;
  };

  return {
    membersOf(channel) {
      const cached = cache.get(channel);
      if (cached && now() - cached.at < ttl) return cached.members;
      const members = fetchMembers(channel).catch((error: unknown) => {
        // Not knowing the members grants nothing; the next lookup tries again.
        cache.delete(channel);
        options.logger.warn({ channel, err: error instanceof Error ? error.message : String(error) }, 'conversations.members failed; channel members count as owners of nothing until it works');
        return new Set<string>();
      });
      cache.set(channel, { at: now(), members });
      return members;
    },
  };
}
