/**
 * Looks a milestone up by the id a user typed; an unknown id comes back with
 * the three closest ids, so a typo is one copy away from right.
 */
import type { MilestoneProgress } from '../../domain/progress.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { closestMatches } from '../../domain/similarity.ts';
import { foldId } from './parse-command.ts';
import type { PlanWorld } from './plan-world.ts';
import type { CommandProblem } from './reply.ts';

/** The milestone with id `id` (width and dash variants folded), or `unknown_id` with suggestions. */
export function findMilestone(world: PlanWorld, id: string): Result<MilestoneProgress, CommandProblem> {
  const wanted = foldId(id);
  const found = world.byId.get(wanted);
  if (found) return ok(found);
  return fail({ code: 'unknown_id', id, suggestions: closestMatches(wanted, [...world.byId.keys()]) });
}
