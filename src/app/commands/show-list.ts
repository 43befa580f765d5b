/**
 * The list queries of SPEC §5: `/plan status overdue`, `upcoming`, `done`
 * (what the digest's completed list points to), a division's milestones,
 * and `/plan mine`. Soonest due first, one page at a time.
 */
import { divisionsOfUser } from '../../domain/directory.ts';
import { addDays } from '../../domain/local-date.ts';
import { bySoonestDue, checkpointComingDue, progressAt, type MilestoneProgress } from '../../domain/progress.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { ListTarget, PlanSelector } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import { selectorSuffix } from './parse-plan-selector.ts';
import { findDivision, knownDivisions } from './find-division.ts';
import { paginate } from './paginate.ts';
import { lookUpMembership } from './permissions.ts';
import { loadPlanWorld, summaryOf, type PlanWorld } from './plan-world.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type CommandProblem, type ListScope, type Reply } from './reply.ts';

/** "Upcoming" means due within this many days. */
export const UPCOMING_DAYS = 30;

/** Answers a list query for `userId`, of the plan `selector` names or else the default one. */
export async function showList(commandDeps: CommandDeps, userId: string, target: ListTarget, page: number, selector?: PlanSelector): Promise<Reply> {
  const chosen = await choosePlan(commandDeps, selector);
  if (!chosen.ok) return problemReply(chosen.error);
  const { deps, plan } = chosen.value;
  const world = await loadPlanWorld(deps);
  if (!world.ok) return problemReply(world.error);
  const selected = await select(deps, world.value, userId, target);
  if (!selected.ok) return problemReply(selected.error);
  const { scope, items, command } = selected.value;
  const sorted = scope.kind === 'overdue' ? items : [...items].sort(bySoonestDue);
  const paged = paginate(sorted, page, (next) => `${command} ${next}${selectorSuffix(plan?.key ?? null)}`);
  if (!paged.ok) return problemReply(paged.error);
  return { kind: 'list', scope, today: world.value.today, items: paged.value.items.map(summaryOf), paging: paged.value.paging, ...(plan && { plan }) };
}

interface Selection {
  scope: ListScope;
  items: MilestoneProgress[];
  /** The command that lists them, without a page number. */
  command: string;
}

async function select(deps: CommandDeps, world: PlanWorld, userId: string, target: ListTarget): Promise<Result<Selection, CommandProblem>> {
  const all = world.progress;
  if (target === 'overdue') {
    const items = all.filter((p) => p.daysOverdue !== null).sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
    return ok({ scope: { kind: 'overdue' }, items, command: '/plan status overdue' });
  }
  if (target === 'upcoming') {
    const until = addDays(world.today, UPCOMING_DAYS);
    const items = all.flatMap((p) => {
      const coming = checkpointComingDue(p, world.today, until);
      return coming === null ? [] : [progressAt(p, coming)];
    });
    return ok({ scope: { kind: 'upcoming', days: UPCOMING_DAYS }, items, command: '/plan status upcoming' });
  }
  if (target === 'done') {
    const items = all.filter((p) => p.status === 'done');
    return ok({ scope: { kind: 'done' }, items, command: '/plan status done' });
  }
  const directory = deps.directory.current();
  if (target === 'mine') {
    const divisions = divisionsOfUser(directory, userId, await lookUpMembership(directory, deps.members));
    const items = all.filter((p) => p.placed.owners.some((owner) => divisions.includes(owner)));
    return ok({ scope: { kind: 'mine', divisions }, items, command: '/plan mine' });
  }
  const division = findDivision(target.division, knownDivisions(world.plan, directory));
  if (!division.ok) return fail(division.error);
  const items = all.filter((p) => p.placed.owners.includes(division.value));
  return ok({ scope: { kind: 'division', division: division.value }, items, command: `/plan status ${division.value}` });
}
