/**
 * The Teams a fake tenant has: teams with their channels and members (the
 * General channel's id is the team's id, as in Teams), whether the app is
 * installed in each, and the bot's personal chats with users.
 */
import { createHash } from 'node:crypto';

export interface FakeMember {
  /** The Teams user id, `29:…`. */
  id: string;
  /** The Microsoft Entra object id (a GUID): stable across chats and channels. */
  aadObjectId: string;
  name: string;
  email?: string;
}

export interface FakeChannel {
  /** `19:…@thread.tacv2`. */
  id: string;
  /** Undefined for General: Teams sends the General channel without a name. */
  name?: string;
}

export interface AddTeamInput {
  /** `19:…@thread.tacv2`; also the General channel's id. */
  id: string;
  /** The Microsoft 365 group id (a GUID): the team's id in Graph. Default: derived from id. */
  aadGroupId?: string;
  name: string;
  /** Channels besides General. */
  channels?: readonly { id: string; name: string }[];
  members?: readonly FakeMember[];
}

export interface FakeTeam {
  id: string;
  aadGroupId: string;
  name: string;
  /** General first. */
  channels: FakeChannel[];
  members: FakeMember[];
  /** Whether the app is installed; sends to its channels answer 403 when not. */
  installed: boolean;
  /** Whether the resource-specific permission ChannelMessage.Read.Group was granted at install. */
  channelMessageReadGranted: boolean;
}

export interface PersonalChat {
  id: string;
  member: FakeMember;
  /** The user blocked the bot: sends answer 403. */
  blocked: boolean;
}

export type ResolvedConversation =
  | { kind: 'channel'; team: FakeTeam; channel: FakeChannel; rootId: string | null }
  | { kind: 'personal'; chat: PersonalChat };

export class TeamsWorld {
  readonly teams = new Map<string, FakeTeam>();
  readonly #chats = new Map<string, PersonalChat>();
  readonly #appId: string;
  #lastMessageId = 0;

  constructor(appId: string) {
    this.#appId = appId;
  }

  addTeam(input: AddTeamInput): FakeTeam {
    const team: FakeTeam = {
      id: input.id,
      aadGroupId: input.aadGroupId ?? guidFrom(`group:${input.id}`),
      name: input.name,
      channels: [{ id: input.id }, ...(input.channels ?? []).filter((c) => c.id !== input.id).map((c) => ({ id: c.id, name: c.name }))],
      members: [...(input.members ?? [])],
      installed: true,
      channelMessageReadGranted: true,
    };
    this.teams.set(team.id, team);
    return team;
  }

  /** A channel created in a team (after addTeam); Teams tells the bot with conversationUpdate channelCreated. */
  addChannel(teamId: string, channel: { id: string; name: string }): FakeChannel {
    const team = this.team(teamId);
    const added = { id: channel.id, name: channel.name };
    team.channels = [...team.channels.filter((c) => c.id !== channel.id), added];
    return added;
  }

  team(teamId: string): FakeTeam {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`FakeTeams: no team ${teamId}; addTeam() first`);
    return team;
  }

  teamByGroupId(aadGroupId: string): FakeTeam | undefined {
    return [...this.teams.values()].find((t) => t.aadGroupId.toLowerCase() === aadGroupId.toLowerCase());
  }

  /** The bot's 1:1 chat with a member: the same id every time, as Teams does. */
  personalChat(member: FakeMember): PersonalChat {
    const id = `a:1${createHash('sha256').update(`${this.#appId}|${member.id}`).digest('base64url').slice(0, 40)}`;
    const existing = this.#chats.get(id);
    if (existing) return existing;
    const chat: PersonalChat = { id, member, blocked: false };
    this.#chats.set(id, chat);
    return chat;
  }

  /** A message id as Teams makes them: epoch ms, unique and increasing across users' and the bot's messages. */
  nextMessageId(nowMs: number): string {
    this.#lastMessageId = Math.max(this.#lastMessageId + 1, Math.floor(nowMs));
    return String(this.#lastMessageId);
  }

  /** A member of any team (or of a personal chat) by Teams id. */
  member(id: string): FakeMember | undefined {
    for (const team of this.teams.values()) {
      const found = team.members.find((m) => m.id === id);
      if (found) return found;
    }
    return [...this.#chats.values()].find((c) => c.member.id === id)?.member;
  }

  /** Which channel (and thread) or personal chat a conversation id names; undefined when none. */
  resolve(conversationId: string): ResolvedConversation | undefined {
    const [base = '', ...rest] = conversationId.split(';');
    const rootId = rest.map((p) => /^messageid=(.+)$/u.exec(p)?.[1]).find((v) => v !== undefined) ?? null;
    for (const team of this.teams.values()) {
      const channel = team.channels.find((c) => c.id === base);
      if (channel) return { kind: 'channel', team, channel, rootId };
    }
    const chat = this.#chats.get(base);
    return chat ? { kind: 'personal', chat } : undefined;
  }
}

/** A stable GUID-shaped id from a seed. */
export function guidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
