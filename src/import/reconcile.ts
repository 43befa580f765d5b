// Re-importing a revised plan: keeps the identity (id, and so the status
// history) of every milestone whose title is unchanged or lightly edited, and
// says what was added, changed and removed before anything is written.
import { listMilestones, type Item, type Milestone, type Plan } from '../domain/plan.ts';
import { similarity } from '../domain/similarity.ts';
import { matchKey } from './pdf-text/text.ts';
import { diffStructure, type StructureChange } from './diff-structure.ts';

export interface MilestoneRef {
  id: string;
  title: string;
}

export interface MilestoneChange extends MilestoneRef {
  /** Which fields differ: title, schedule, group, owners. */
  fields: string[];
  previousTitle: string;
}

export interface PlanDiff {
  added: MilestoneRef[];
  changed: MilestoneChange[];
  removed: MilestoneRef[];
  unchanged: number;
  /** Changed pillar, initiative and item titles and item owners. */
  structure: StructureChange[];
}

/** A title this similar to the old one is the same milestone, lightly edited. */
const LIGHT_EDIT_SAME_ITEM = 0.6;
const LIGHT_EDIT_ANYWHERE = 0.8;

interface Entry {
  milestone: Milestone;
  item: Item;
  owners: string[];
  key: string;
}

const entries = (plan: Plan): Entry[] =>
  listMilestones(plan).map((p) => ({ milestone: p.milestone, item: p.item, owners: p.owners, key: matchKey(p.milestone.title) }));

/** Pairs each new milestone with the old one it continues, if any. */
function pairMilestones(before: Entry[], after: Entry[]): Map<Entry, Entry> {
  const pairs = new Map<Entry, Entry>();
  const taken = new Set<Entry>();
  const claim = (next: Entry, old: Entry) => {
    pairs.set(next, old);
    taken.add(old);
  };
  // Exact titles first (same item preferred), so a light edit elsewhere can
  // never steal a milestone that kept its title.
  for (const sameItem of [true, false]) {
    for (const next of after) {
      if (pairs.has(next)) continue;
      const old = before.find((o) => !taken.has(o) && o.key === next.key && (!sameItem || o.item.title === next.item.title));
      if (old) claim(next, old);
    }
  }
  for (const next of after) {
    if (pairs.has(next)) continue;
    let best: Entry | undefined;
    let bestScore = 0;
    for (const old of before) {
      if (taken.has(old)) continue;
      const score = similarity(old.key, next.key);
      const threshold = matchKey(old.item.title) === matchKey(next.item.title) ? LIGHT_EDIT_SAME_ITEM : LIGHT_EDIT_ANYWHERE;
      if (score >= threshold && score > bestScore) {
        best = old;
        bestScore = score;
      }
    }
    if (best) claim(next, best);
  }
  return pairs;
}

function changedFields(old: Entry, next: Entry): string[] {
  const fields: string[] = [];
  if (old.milestone.title !== next.milestone.title) fields.push('title');
  if (JSON.stringify(old.milestone.schedule) !== JSON.stringify(next.milestone.schedule)) fields.push('schedule');
  if ((old.milestone.group ?? '') !== (next.milestone.group ?? '')) fields.push('group');
  if (old.owners.join('\n') !== next.owners.join('\n')) fields.push('owners');
  return fields;
}

/**
 * Gives `next` the ids of the milestones it continues from `previous`, and
 * fresh ids to new milestones that never collide with an id used before
 * (`usedIds`: also removed milestones, whose history stays in the database).
 */
export function reconcilePlan(previous: Plan, next: Plan, usedIds: Iterable<string> = []): { plan: Plan; diff: PlanDiff } {
  const before = entries(previous);
  const plan: Plan = structuredClone(next);
  const after = entries(plan);
  const pairs = pairMilestones(before, after);

  const used = new Set<string>([...usedIds, ...before.map((e) => e.milestone.id)]);
  const diff: PlanDiff = { added: [], changed: [], removed: [], unchanged: 0, structure: diffStructure(previous, next) };
  const freshId = (itemId: string) => {
    let n = 1;
    while (used.has(`${itemId}-${n}`)) n++;
    return `${itemId}-${n}`;
  };

  // Kept ids first, so that a new milestone cannot take one of them.
  for (const entry of after) {
    const old = pairs.get(entry);
    if (!old) continue;
    entry.milestone.id = old.milestone.id;
    const fields = changedFields(old, entry);
    if (fields.length === 0) diff.unchanged++;
    else diff.changed.push({ id: entry.milestone.id, title: entry.milestone.title, previousTitle: old.milestone.title, fields });
  }
  for (const entry of after) {
    if (pairs.has(entry)) continue;
    if (used.has(entry.milestone.id)) entry.milestone.id = freshId(entry.item.id);
    used.add(entry.milestone.id);
    diff.added.push({ id: entry.milestone.id, title: entry.milestone.title });
  }
  const kept = new Set([...pairs.values()]);
  for (const old of before) {
    if (!kept.has(old)) diff.removed.push({ id: old.milestone.id, title: old.milestone.title });
  }
  return { plan, diff };
}

/** True when re-importing would change nothing. */
export const isEmptyDiff = (diff: PlanDiff) =>
  diff.added.length + diff.changed.length + diff.removed.length + diff.structure.length === 0;
