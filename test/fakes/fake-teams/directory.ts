/**
 * The connector's read-only answers about who and where: a conversation's
 * members (whole or paged), a team's channels and a team's details.
 */
import { connectorError } from './http.ts';
import type { FakeMember, FakeTeam, TeamsWorld } from './world.ts';

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A member as the connector sends it (`TeamsChannelAccount`). */
export function channelAccount(member: FakeMember, tenantId: string): Record<string, unknown> {
  const [givenName = member.name, ...rest] = member.name.split(' ');
  const email = member.email ?? `${member.aadObjectId.slice(0, 8)}@fake-tenant.example`;
  return { id: member.id, name: member.name, aadObjectId: member.aadObjectId, objectId: member.aadObjectId, givenName, surname: rest.join(' ') || null, email, userPrincipalName: email, tenantId, userRole: 'user' };
}

function membersOf(world: TeamsWorld, conversationId: string): FakeMember[] | undefined {
  const resolved = world.resolve(conversationId);
  if (!resolved) return undefined;
  return resolved.kind === 'channel' ? resolved.team.members : [resolved.chat.member];
}

export function answerMembers(world: TeamsWorld, tenantId: string, conversationId: string, memberId: string | undefined): Answer {
  const members = membersOf(world, conversationId);
  if (!members) return { status: 404, body: connectorError('ConversationNotFound', 'Conversation not found.') };
  if (memberId === undefined) return { status: 200, body: members.map((m) => channelAccount(m, tenantId)) };
  const member = members.find((m) => m.id === memberId || m.aadObjectId === memberId);
  if (!member) return { status: 404, body: connectorError('MemberNotFoundInConversation', 'The member is not part of the conversation.') };
  return { status: 200, body: channelAccount(member, tenantId) };
}

/** `pagedmembers`: pageSize (default 200, Teams' bounds 50–500) and an opaque continuationToken. */
export function answerPagedMembers(world: TeamsWorld, tenantId: string, conversationId: string, query: URLSearchParams): Answer {
  const members = membersOf(world, conversationId);
  if (!members) return { status: 404, body: connectorError('ConversationNotFound', 'Conversation not found.') };
  const pageSize = Math.min(500, Math.max(1, Number(query.get('pageSize') ?? 200) || 200));
  const token = query.get('continuationToken');
  const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) || 0 : 0;
  const page = members.slice(start, start + pageSize).map((m) => channelAccount(m, tenantId));
  const next = start + pageSize < members.length ? Buffer.from(String(start + pageSize), 'utf8').toString('base64url') : undefined;
  return { status: 200, body: next === undefined ? { members: page } : { members: page, continuationToken: next } };
}

function installedTeam(world: TeamsWorld, teamId: string): FakeTeam | Answer {
  const team = world.teams.get(teamId);
  if (!team) return { status: 404, body: connectorError('NotFound', 'Team not found.') };
  if (!team.installed) return { status: 403, body: connectorError('BotNotInConversationRoster', 'The bot is not part of the conversation roster.') };
  return team;
}

/** `GET /v3/teams/{id}/conversations`: `{ conversations: [{ id, name }] }`, General without a name. */
export function answerTeamChannels(world: TeamsWorld, teamId: string): Answer {
  const team = installedTeam(world, teamId);
  if ('status' in team) return team;
  return { status: 200, body: { conversations: team.channels.map((c) => (c.name === undefined ? { id: c.id } : { id: c.id, name: c.name })) } };
}

/** `GET /v3/teams/{id}`: `TeamDetails`. */
export function answerTeamDetails(world: TeamsWorld, teamId: string): Answer {
  const team = installedTeam(world, teamId);
  if ('status' in team) return team;
  return { status: 200, body: { id: team.id, name: team.name, aadGroupId: team.aadGroupId, type: 'standard', channelCount: team.channels.length, memberCount: team.members.length } };
}
