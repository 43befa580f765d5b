/**
 * `/plan owner DIVISION [#channel] [@user…] [members [on|off]]`: coordinators
 * map a division to its channel and people (SPEC §3). Without anything to
 * change it shows the division's entry, which anyone may ask for.
 */
import { isCoordinator } from '../../domain/directory.ts';
import type { Command } from './command.ts';
import { findDivision, knownDivisions } from './find-division.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';

/** Shows or changes one division's directory entry. */
export async function changeOwner(deps: CommandDeps, userId: string, command: Extract<Command, { kind: 'owner' }>): Promise<Reply> {
  const plan = await deps.plans.load();
  if (!plan) return problemReply({ code: 'no_plan' });
  const directory = deps.directory.current();
  const division = findDivision(command.division, knownDivisions(plan, directory));
  if (!division.ok) return problemReply(division.error);
  const name = division.value;
  const asking = command.channel === null && command.users === null && command.channelMembers === null;
  if (asking) return { kind: 'owner', division: name, entry: directory.divisions.get(name) ?? null, changed: false };

  if (!isCoordinator(directory, userId)) return problemReply({ code: 'not_allowed', action: 'owner', owners: [] });
  if (command.channel === null && !directory.divisions.has(name)) return problemReply({ code: 'channel_required', division: name });
  const changed = await deps.directory.change({ division: name, channel: command.channel, users: command.users, channelMembers: command.channelMembers });
  if (!changed.ok && changed.error.code === 'directory_missing') return problemReply({ code: 'directory_missing' });
  if (!changed.ok) return problemReply({ code: 'directory_not_saved', reason: changed.error.message });
  return { kind: 'owner', division: name, entry: changed.value.divisions.get(name) ?? null, changed: true };
}
