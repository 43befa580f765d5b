/** Searching what the bot sent (activities, cards) as plain JSON. */

export type Json = Record<string, unknown>;

/** Every object in `node`, depth first, that `where` accepts. */
export function findAll(node: unknown, where: (o: Json) => boolean): Json[] {
  const found: Json[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      if (where(n as Json)) found.push(n as Json);
      Object.values(n).forEach(walk);
    }
  };
  walk(node);
  return found;
}
