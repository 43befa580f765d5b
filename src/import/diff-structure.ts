// What a re-import changes above the milestones: pillar, initiative and item
// titles and item owners. The milestone diff alone missed these (a renamed
// pillar imported without a line in the report).
import type { Item, Plan } from '../domain/plan.ts';
import { matchKey } from './pdf-text/text.ts';

export type StructureChange =
  | { level: 'pillar' | 'initiative' | 'item'; id: string; before: string; after: string }
  | { level: 'owners'; id: string; title: string; before: string[]; after: string[] }
  | { level: 'itemAdded' | 'itemRemoved'; id: string; title: string };

/** Pairs the items of one initiative: same title first, then same position (id). */
function pairItems(before: Item[], after: Item[]): [Item | undefined, Item | undefined][] {
  const pairs = new Map<Item, Item>();
  const taken = new Set<Item>();
  for (const next of after) {
    const old = before.find((o) => !taken.has(o) && matchKey(o.title) === matchKey(next.title));
    if (old) {
      pairs.set(next, old);
      taken.add(old);
    }
  }
  for (const next of after) {
    if (pairs.has(next)) continue;
    const old = before.find((o) => !taken.has(o) && o.id === next.id);
    if (old) {
      pairs.set(next, old);
      taken.add(old);
    }
  }
  return [
    ...after.map((next): [Item | undefined, Item | undefined] => [pairs.get(next), next]),
    ...before.filter((old) => !taken.has(old)).map((old): [Item | undefined, Item | undefined] => [old, undefined]),
  ];
}

/**
 * Lists the changed titles of pillars and initiatives (paired by id), and of
 * items, with their changed owners, added and removed items (paired by title,
 * else by id within the same initiative).
 */
export function diffStructure(previous: Plan, next: Plan): StructureChange[] {
  const changes: StructureChange[] = [];
  const oldPillars = new Map(previous.pillars.map((p) => [p.id, p]));
  for (const pillar of next.pillars) {
    const old = oldPillars.get(pillar.id);
    if (old && old.title !== pillar.title) changes.push({ level: 'pillar', id: pillar.id, before: old.title, after: pillar.title });
  }
  const oldInitiatives = new Map(previous.pillars.flatMap((p) => p.initiatives).map((i) => [i.id, i]));
  const newInitiatives = next.pillars.flatMap((p) => p.initiatives);
  const seen = new Set(newInitiatives.map((i) => i.id));
  for (const initiative of newInitiatives) {
    const old = oldInitiatives.get(initiative.id);
    if (old && old.title !== initiative.title) {
      changes.push({ level: 'initiative', id: initiative.id, before: old.title, after: initiative.title });
    }
    for (const [before, after] of pairItems(old?.items ?? [], initiative.items)) {
      if (!before && after) changes.push({ level: 'itemAdded', id: after.id, title: after.title });
      else if (before && !after) changes.push({ level: 'itemRemoved', id: before.id, title: before.title });
      else if (before && after) {
        if (before.title !== after.title) changes.push({ level: 'item', id: after.id, before: before.title, after: after.title });
        if (before.owners.join('\n') !== after.owners.join('\n')) {
          changes.push({ level: 'owners', id: after.id, title: after.title, before: before.owners, after: after.owners });
        }
      }
    }
  }
  for (const [id, old] of oldInitiatives) {
    if (seen.has(id)) continue;
    for (const item of old.items) changes.push({ level: 'itemRemoved', id: item.id, title: item.title });
  }
  return changes;
}
