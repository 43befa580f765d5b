/**
 * Who may do what (issue 5, item 4): owners, deputies and coordinators may
 * update a milestone; only coordinators revise due dates, post the digest
 * and change the directory; anyone may ask.
 */
import { canSpeakFor, memberChannels, type ChannelMembership, type Directory } from '../../domain/directory.ts';
import type { ChannelMembers } from './ports.ts';

/**
 * The channel membership the directory's `channelMembers` entries need,
 * looked up for those entries only (all of them, or those of `divisions`).
 */
export async function lookUpMembership(directory: Directory, members: ChannelMembers, divisions?: readonly string[]): Promise<ChannelMembership> {
  const channels = memberChannels(directory, divisions);
  if (channels.length === 0) return () => false;
  const sets = new Map(await Promise.all(channels.map(async (channel) => [channel, await members.membersOf(channel)] as const)));
  return (channel, userId) => sets.get(channel)?.has(userId) ?? false;
}

/** True when `userId` may report on a milestone owned by `owners`: for any one of them, or as a coordinator. */
export async function mayReportOn(directory: Directory, members: ChannelMembers, userId: string, owners: readonly string[]): Promise<boolean> {
  if (owners.some((owner) => canSpeakFor(directory, userId, owner))) return true;
  const membership = await lookUpMembership(directory, members, owners);
  return owners.some((owner) => canSpeakFor(directory, userId, owner, membership));
}
