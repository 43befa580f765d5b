/**
 * What every report command starts from: the report stores, the plan the
 * commands speak for (its key and its world: milestones with their
 * statuses), the plan's items with their owners, and the directory.
 */
import type { Directory } from '../../domain/directory.ts';
import type { Plan } from '../../domain/plan.ts';
import type { MilestoneProgress } from '../../domain/progress.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { closestMatches } from '../../domain/similarity.ts';
import { loadPlanWorld, type PlanWorld } from '../commands/plan-world.ts';
import type { CommandDeps } from '../commands/ports.ts';
import type { CommandProblem } from '../commands/reply.ts';
import type { ReportDeps } from './report-deps.ts';
import type { ReportProblem } from './report-reply.ts';

/** One item of the plan as a round asks for it. */
export interface RoundItem {
  id: string;
  title: string;
  /** The divisions asked to answer for it; empty when the plan names none (only a coordinator may answer it then). */
  owners: string[];
  milestones: MilestoneProgress[];
}

export interface ReportScope {
  reports: ReportDeps;
  planKey: string;
  world: PlanWorld;
  /** Every item of the plan, in plan order. */
  items: RoundItem[];
  directory: Directory;
}

/** A report refusal as a command problem. */
export function reportProblem(problem: ReportProblem): CommandProblem {
  return { code: 'report', problem };
}

/** Loads the scope; `unavailable` where report rounds are not wired, `no_plan` before the first import. */
export async function loadReportScope(deps: CommandDeps): Promise<Result<ReportScope, CommandProblem>> {
  const reports = deps.reportRounds;
  if (!reports) return fail(reportProblem({ code: 'unavailable' }));
  const world = await loadPlanWorld(deps);
  if (!world.ok) return world;
  const planKey = await reports.planKey();
  if (planKey === null) return fail({ code: 'no_plan' });
  return ok({ reports, planKey, world: world.value, items: roundItemsOf(world.value.plan, world.value.byId), directory: deps.directory.current() });
}

/** The plan's items in plan order, each with its milestones' progress (as far as `byId` has it). */
export function roundItemsOf(plan: Plan, byId: ReadonlyMap<string, MilestoneProgress>): RoundItem[] {
  const items: RoundItem[] = [];
  for (const pillar of plan.pillars) {
    for (const initiative of pillar.initiatives) {
      for (const item of initiative.items) {
        const milestones = item.milestones.map((m) => byId.get(m.id)).filter((p): p is MilestoneProgress => p !== undefined);
        items.push({ id: item.id, title: item.title, owners: [...item.owners], milestones });
      }
    }
  }
  return items;
}

/** The item `id` (width and dash variants folded), or `unknown_item` with the closest ids. */
export function findItem(items: readonly RoundItem[], id: string): Result<RoundItem, CommandProblem> {
  const wanted = id.normalize('NFKC').trim().replace(/[‐‑–—−ー－]/gu, '-');
  const found = items.find((item) => item.id === wanted);
  if (found) return ok(found);
  return fail(reportProblem({ code: 'unknown_item', id, suggestions: closestMatches(wanted, items.map((item) => item.id)) }));
}
