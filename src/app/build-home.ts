/**
 * The App Home tab (issue 5, item 6): the viewer's divisions' open
 * milestones, soonest due first, and for coordinators the plan summary.
 * A model, like every reply; the Slack adapter renders and publishes it.
 */
import { divisionsOfUser, isCoordinator } from '../domain/directory.ts';
import { bySoonestDue } from '../domain/progress.ts';
import { openDefaultPlan } from './commands/choose-plan.ts';
import { lookUpMembership } from './commands/permissions.ts';
import { loadPlanWorld, summaryOf } from './commands/plan-world.ts';
import type { CommandDeps } from './commands/ports.ts';
import type { CommandProblem, MilestoneSummary, PlanOverview } from './commands/reply.ts';
import { buildOverview } from './commands/show-overview.ts';

/** Milestones the Home tab lists (two blocks each, inside the 100 blocks of a Home view). */
export const HOME_ITEMS = 25;

export interface HomeModel {
  divisions: string[];
  coordinator: boolean;
  /** Open milestones of the viewer's divisions, soonest due first, at most HOME_ITEMS. */
  items: MilestoneSummary[];
  /** Open milestones beyond those shown (`/plan mine` lists them). */
  remaining: number;
  overview: PlanOverview | null;
  /** Set when there is nothing to show and why (no plan yet). */
  problem: CommandProblem | null;
  /** The key of the plan shown, which its buttons record on (null: the default plan, unkeyed). */
  planKey: string | null;
}

/** The Home tab of `userId`. */
export async function buildHome(commandDeps: CommandDeps, userId: string): Promise<HomeModel> {
  // The default plan by its key: a button on the Home records on the plan it was shown with.
  const { deps, key: planKey } = await openDefaultPlan(commandDeps);
  const directory = deps.directory.current();
  const coordinator = isCoordinator(directory, userId);
  const world = await loadPlanWorld(deps);
  if (!world.ok) return { divisions: [], coordinator, items: [], remaining: 0, overview: null, problem: world.error, planKey };
  const divisions = divisionsOfUser(directory, userId, await lookUpMembership(directory, deps.members));
  const open = world.value.progress.filter((p) => p.open && p.placed.owners.some((owner) => divisions.includes(owner))).sort(bySoonestDue);
  return {
    divisions,
    coordinator,
    items: open.slice(0, HOME_ITEMS).map(summaryOf),
    remaining: Math.max(0, open.length - HOME_ITEMS),
    overview: coordinator ? buildOverview(world.value) : null,
    problem: null,
    planKey,
  };
}
