/**
 * Who is who (SPEC §3): where each division is reached and who may speak for
 * it. Plain data and pure lookups; reading the directory file is an adapter's job.
 */

/** The reform office that coordinates the plan. */
export interface CoordinatorEntry {
  division: string;
  channel: string;
  /** Chat user ids of the coordinators. */
  users: string[];
  /** A coordinator channel of its own for some plans, by plan key; the others use `channel`. */
  plans?: Readonly<Record<string, string>>;
  /**
   * The evaluation scale a plan's report rounds open with, by plan key, as
   * written in the file (`A:達成,B:順調,C:遅れ*`, parseEvaluationScale; the
   * file is refused unless it reads).
   */
  scales?: Readonly<Record<string, string>>;
}

/** One owner division's channel and the people who answer for it. */
export interface DivisionEntry {
  channel: string;
  users: string[];
  /** Stand-ins who may also report for the division. */
  deputies: string[];
  /**
   * True when every member of `channel` may report for the division too, so
   * a division that keeps its staff list in a channel need not copy it here.
   */
  channelMembers?: boolean;
}

/**
 * Whether a user is a member of a channel, as far as the caller knows.
 * Membership comes from the chat platform, so the app layer looks it up and
 * hands the domain this answer; without it, channel membership grants nothing.
 */
export type ChannelMembership = (channel: string, userId: string) => boolean;

const NO_MEMBERSHIP: ChannelMembership = () => false;

export interface Directory {
  /** Absent only when there is no directory file at all. */
  coordinator?: CoordinatorEntry;
  divisions: ReadonlyMap<string, DivisionEntry>;
}

/** Where a division's messages go. */
export interface Recipient {
  /**
   * The division's channel, else the coordinator's. Empty when the directory
   * names neither (no directory file): only a terminal adapter can deliver
   * such a message, and a chat platform reports it as a failed delivery.
   */
  channel: string;
  /** True when the division has no channel of its own and the coordinator channel stands in. */
  unmapped: boolean;
}

/** The directory of a deployment without a directory file: every division is unmapped. */
export const EMPTY_DIRECTORY: Directory = Object.freeze({ divisions: new Map<string, DivisionEntry>() });

/**
 * The channel a division's reminders go to. Unmapped divisions fall back to
 * the coordinator channel (SPEC §3: redirected, never dropped). The
 * coordinator division itself counts as mapped even when it is not listed
 * under `divisions`, since it has its own channel.
 */
export function channelFor(directory: Directory, division: string): Recipient {
  const entry = directory.divisions.get(division);
  if (entry) return { channel: entry.channel, unmapped: false };
  const coordinator = directory.coordinator;
  if (coordinator && coordinator.division === division) return { channel: coordinator.channel, unmapped: false };
  return { channel: coordinator?.channel ?? '', unmapped: true };
}

/** The divisions among `divisions` that have no channel of their own, in the given order. */
export function unmappedDivisions(directory: Directory, divisions: readonly string[]): string[] {
  return divisions.filter((division) => channelFor(directory, division).unmapped);
}

/** True when `userId` is one of the coordinators. */
export function isCoordinator(directory: Directory, userId: string): boolean {
  return directory.coordinator?.users.includes(userId) ?? false;
}

/** True when `userId` is listed for the entry, or is a member of its channel and the entry says members count. */
function belongsTo(entry: DivisionEntry, userId: string, membership: ChannelMembership): boolean {
  return entry.users.includes(userId) || entry.deputies.includes(userId) || (entry.channelMembers === true && membership(entry.channel, userId));
}

/** The divisions `userId` belongs to or deputises for, in directory order. */
export function divisionsOfUser(directory: Directory, userId: string, membership: ChannelMembership = NO_MEMBERSHIP): string[] {
  const found: string[] = [];
  for (const [division, entry] of directory.divisions) {
    if (belongsTo(entry, userId, membership)) found.push(division);
  }
  return found;
}

/** True when `userId` may report for `division`: one of its users or deputies (or channel members, if the entry says so), or a coordinator. */
export function canSpeakFor(directory: Directory, userId: string, division: string, membership: ChannelMembership = NO_MEMBERSHIP): boolean {
  if (isCoordinator(directory, userId)) return true;
  const entry = directory.divisions.get(division);
  return entry !== undefined && belongsTo(entry, userId, membership);
}

/** The channels whose members count as owners: what the app must look up before asking the two functions above. */
export function memberChannels(directory: Directory, divisions?: readonly string[]): string[] {
  const channels = new Set<string>();
  for (const [division, entry] of directory.divisions) {
    if (entry.channelMembers === true && (divisions === undefined || divisions.includes(division))) channels.add(entry.channel);
  }
  return [...channels];
}

/**
 * The directory as one plan sees it: its coordinator channel is the one the
 * directory names for the plan's key, else the coordinator's channel.
 */
export function directoryForPlan(directory: Directory, planKey: string): Directory {
  const channel = directory.coordinator?.plans?.[planKey];
  if (!directory.coordinator || channel === undefined) return directory;
  return { ...directory, coordinator: { ...directory.coordinator, channel } };
}
