/** `/plan history 1-1-2`: every update of a milestone, newest first, with who, when and how. */
import { findMilestone } from './find-milestone.ts';
import { paginate } from './paginate.ts';
import { historyEntryOf, loadPlanWorld } from './plan-world.ts';
import type { PlanSelector } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import { selectorSuffix } from './parse-plan-selector.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';

/** Answers `/plan history ID [PAGE]`, of the plan `selector` names or else the default one. */
export async function showHistory(commandDeps: CommandDeps, id: string, page: number, selector?: PlanSelector): Promise<Reply> {
  const chosen = await choosePlan(commandDeps, selector);
  if (!chosen.ok) return problemReply(chosen.error);
  const { deps, plan } = chosen.value;
  const world = await loadPlanWorld(deps);
  if (!world.ok) return problemReply(world.error);
  const found = findMilestone(world.value, id);
  if (!found.ok) return problemReply(found.error);
  const { milestone } = found.value.placed;
  const updates = (await deps.statuses.history(milestone.id)).reverse();
  const paged = paginate(updates, page, (next) => `/plan history ${milestone.id} ${next}${selectorSuffix(plan?.key ?? null)}`);
  if (!paged.ok) return problemReply(paged.error);
  return {
    kind: 'history',
    ...(plan && { plan }),
    milestone: { id: milestone.id, title: milestone.title },
    entries: paged.value.items.map((u) => historyEntryOf(u, deps.timeZone, found.value)),
    paging: paged.value.paging,
  };
}
