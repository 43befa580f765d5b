/** `/plan status 1-1-2`: one milestone with its schedule, due dates, owners, status and latest history. */
import { findMilestone } from './find-milestone.ts';
import { historyEntryOf, loadPlanWorld, summaryOf } from './plan-world.ts';
import type { PlanSelector } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';

/** How many history lines the milestone view shows; `/plan history` shows them all. */
export const DETAIL_HISTORY = 5;

/** Answers `/plan status ID`, of the plan `selector` names or else the default one. */
export async function showMilestone(commandDeps: CommandDeps, id: string, selector?: PlanSelector): Promise<Reply> {
  const chosen = await choosePlan(commandDeps, selector);
  if (!chosen.ok) return problemReply(chosen.error);
  const { deps, plan } = chosen.value;
  const world = await loadPlanWorld(deps);
  if (!world.ok) return problemReply(world.error);
  const found = findMilestone(world.value, id);
  if (!found.ok) return problemReply(found.error);
  const progress = found.value;
  const { milestone, pillar, initiative, item } = progress.placed;
  const history = await deps.statuses.history(milestone.id);
  return {
    kind: 'milestone',
    ...(plan && { plan }),
    detail: {
      summary: summaryOf(progress),
      scheduleText: milestone.scheduleText ?? null,
      group: milestone.group ?? null,
      pillar: { id: pillar.id, title: pillar.title },
      initiative: { id: initiative.id, title: initiative.title },
      item: { id: item.id, title: item.title },
      checkpoints: progress.checkpoints,
      history: history.slice(-DETAIL_HISTORY).reverse().map((u) => historyEntryOf(u, deps.timeZone, found.value)),
      historyTotal: history.length,
    },
  };
}
