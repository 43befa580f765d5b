/**
 * Who the person at the shell plays (`:as`). The command use cases check
 * permissions against the directory by chat user id, so the shell gives each
 * role a synthetic user id (`shell:総務部人事課`, `shell:coordinator`) and
 * shows the use cases a directory in which that id is one of the division's
 * users, or one of the coordinators. The directory file is never changed by
 * this: only the commands see the overlay; reminders, the digest and
 * `/plan owner` work on the real directory.
 */
import type { DirectoryStore } from '../../app/commands/ports.ts';
import { channelFor, type Directory, type DivisionEntry } from '../../domain/directory.ts';
import type { Translate } from '../../i18n/catalog.ts';

export type ShellIdentity = { kind: 'guest' } | { kind: 'coordinator' } | { kind: 'division'; division: string };

export const GUEST: ShellIdentity = Object.freeze({ kind: 'guest' });

/** Words that ask to play the coordinator (besides the coordinator division's own name). */
export const COORDINATOR_WORDS: ReadonlySet<string> = new Set(['coordinator', '取りまとめ', 'とりまとめ']);
/** Words that ask to play nobody in particular. */
export const GUEST_WORDS: ReadonlySet<string> = new Set(['guest', 'ゲスト', 'nobody']);

const PREFIX = 'shell:';

/** The user id the use cases see, and the status history records as the actor. */
export function shellUserId(identity: ShellIdentity): string {
  return identity.kind === 'division' ? `${PREFIX}${identity.division}` : `${PREFIX}${identity.kind}`;
}

/** How an actor of the history reads in the shell: a shell role by its name, anyone else by their id. */
export function actorName(actor: string, t: Translate): string {
  if (!actor.startsWith(PREFIX)) return actor;
  const role = actor.slice(PREFIX.length);
  if (role === 'coordinator') return t('shell.actor.coordinator');
  if (role === 'guest') return t('shell.actor.guest');
  return role;
}

/**
 * The directory as the use cases should see it for `identity`: the shell user
 * added to the division's users (an entry reaching the same channel as before
 * is made when the division has none), or to the coordinators (a coordinator
 * entry is made when there is no directory file, named after the plan's
 * coordinator division).
 */
export function directoryAs(directory: Directory, identity: ShellIdentity, planCoordinator: string | undefined): Directory {
  const userId = shellUserId(identity);
  if (identity.kind === 'guest') return directory;
  if (identity.kind === 'coordinator') {
    const coordinator = directory.coordinator ?? { division: planCoordinator ?? '', channel: '', users: [] };
    return { ...directory, coordinator: { ...coordinator, users: [...coordinator.users, userId] } };
  }
  const { division } = identity;
  const existing = directory.divisions.get(division);
  const entry: DivisionEntry = existing
    ? { ...existing, users: [...existing.users, userId] }
    : { channel: channelFor(directory, division).channel, users: [userId], deputies: [] };
  const divisions = new Map(directory.divisions);
  divisions.set(division, entry);
  return { ...directory, divisions };
}

/** The DirectoryStore the shell's commands use: reads through the overlay, changes go to the real file. */
export function shellDirectoryStore(store: DirectoryStore, identity: () => ShellIdentity, planCoordinator: () => string | undefined): DirectoryStore {
  return {
    current: () => directoryAs(store.current(), identity(), planCoordinator()),
    change: (change) => store.change(change),
  };
}
