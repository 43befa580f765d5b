/**
 * Looks a division up by the name a user typed. Names are compared after
 * NFKC with spaces removed (`総務部 人事課` is 総務部人事課); an unknown name
 * comes back with the closest known ones.
 */
import { compactText } from '../../domain/compact-text.ts';
import type { Directory } from '../../domain/directory.ts';
import { listDivisions, type Plan } from '../../domain/plan.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { closestMatches } from '../../domain/similarity.ts';
import type { CommandProblem } from './reply.ts';

/** Every division the bot knows: the plan's owners, then the directory's own entries and the coordinator. */
export function knownDivisions(plan: Plan, directory: Directory): string[] {
  const names = new Set(listDivisions(plan));
  for (const division of directory.divisions.keys()) names.add(division);
  if (directory.coordinator) names.add(directory.coordinator.division);
  return [...names];
}

/** The known division `name` stands for, spelled as the plan spells it, or `unknown_division`. */
export function findDivision(name: string, known: readonly string[]): Result<string, CommandProblem> {
  const wanted = compactText(name);
  const found = known.find((division) => compactText(division) === wanted);
  if (found !== undefined) return ok(found);
  const compacted = known.map(compactText);
  const suggestions = closestMatches(wanted, compacted).map((c) => known[compacted.indexOf(c)] ?? c);
  return fail({ code: 'unknown_division', division: name, suggestions });
}
