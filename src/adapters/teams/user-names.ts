/**
 * Display names of the people the bot has met, by Entra object id: stamps
 * and replies show a name, not a GUID. Filled from every activity's `from`;
 * someone not met since the start shows as their id.
 */
export interface UserNames {
  remember(from: { id: string; aadObjectId?: string; name?: string }): void;
  nameOf(userId: string): string;
}

/** At most this many names are kept; the oldest go first. */
const MAX_NAMES = 10_000;

export function createUserNames(): UserNames {
  const names = new Map<string, string>();
  return {
    remember(from) {
      const id = from.aadObjectId?.trim() || from.id;
      const name = from.name?.trim();
      if (!name) return;
      names.delete(id);
      names.set(id, name);
      if (names.size > MAX_NAMES) names.delete(names.keys().next().value!);
    },
    nameOf: (userId) => names.get(userId) ?? userId,
  };
}
