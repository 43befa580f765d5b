/** `/plan history 1-1-2`: every update of a milestone, newest first, with who, when and how. */
import { findMilestone } from './find-milestone.ts';
import { paginate } from './paginate.ts';
import { historyEntryOf, loadPlanWorld } from './plan-world.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type Reply } from './reply.ts';

/** Answers `/plan history ID [PAGE]`. */
export async function showHistory(deps: CommandDeps, id: string, page: number): Promise<Reply> {
  const world = await loadPlanWorld(deps);
  if (!world.ok) return problemReply(world.error);
  const found = findMilestone(world.value, id);
  if (!found.ok) return problemReply(found.error);
  const { milestone } = found.value.placed;
  const updates = (await deps.statuses.history(milestone.id)).reverse();
  const paged = paginate(updates, page, (next) => `/plan history ${milestone.id} ${next}`);
  if (!paged.ok) return problemReply(paged.error);
  return {
    kind: 'history',
    milestone: { id: milestone.id, title: milestone.title },
    entries: paged.value.items.map((u) => historyEntryOf(u, deps.timeZone, found.value)),
    paging: paged.value.paging,
  };
}
