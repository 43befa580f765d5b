/** `/plan status`: the plan summary (SPEC §5): counts by status, per pillar, the ten most overdue. */
import type { MilestoneProgress } from '../../domain/progress.ts';
import { STATUS_CODES, type StatusCode } from '../../domain/status.ts';
import { loadPlanWorld, summaryOf, type PlanWorld } from './plan-world.ts';
import type { PlanSelector } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import type { CommandDeps } from './ports.ts';
import { problemReply, type PlanOverview, type Reply } from './reply.ts';

/** How many overdue milestones the summary names. */
export const OVERVIEW_OVERDUE = 10;

/** Answers `/plan status`, of the plan `selector` names (`--year 2020`) or else the default one. */
export async function showOverview(deps: CommandDeps, selector?: PlanSelector): Promise<Reply> {
  const chosen = await choosePlan(deps, selector);
  if (!chosen.ok) return problemReply(chosen.error);
  const { plan } = chosen.value;
  const world = await loadPlanWorld(chosen.value.deps);
  return world.ok ? { kind: 'overview', overview: buildOverview(world.value), ...(plan && { plan }) } : problemReply(world.error);
}

// A world never changes (plan-world.ts): its summary is worked out once.
const overviews = new WeakMap<PlanWorld, PlanOverview>();

/** The plan summary of a loaded plan; the App Home shows it to coordinators too. */
export function buildOverview(world: PlanWorld): PlanOverview {
  const known = overviews.get(world);
  if (known) return known;
  const overdue = world.progress.filter((p) => p.daysOverdue !== null).sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  // One pass over the milestones, grouped by pillar (a large plan has 10,000 of them).
  const byPillar = new Map<string, MilestoneProgress[]>();
  for (const p of world.progress) {
    const mine = byPillar.get(p.placed.pillar.id);
    if (mine) mine.push(p);
    else byPillar.set(p.placed.pillar.id, [p]);
  }
  const overview: PlanOverview = {
    title: world.plan.title,
    fiscalYear: world.plan.fiscalYear,
    today: world.today,
    total: world.progress.length,
    byStatus: countByStatus(world.progress),
    overdueTotal: overdue.length,
    overdueDueDates: overdue.reduce((sum, p) => sum + p.checkpoints.filter((cp) => cp.daysOverdue !== null).length, 0),
    pillars: world.plan.pillars.map((pillar) => {
      const mine = byPillar.get(pillar.id) ?? [];
      return { id: pillar.id, title: pillar.title, total: mine.length, byStatus: countByStatus(mine), overdue: mine.filter((p) => p.daysOverdue !== null).length };
    }),
    overdue: overdue.slice(0, OVERVIEW_OVERDUE).map(summaryOf),
  };
  overviews.set(world, overview);
  return overview;
}

function countByStatus(progress: readonly MilestoneProgress[]): Record<StatusCode, number> {
  const counts = Object.fromEntries(STATUS_CODES.map((code) => [code, 0])) as Record<StatusCode, number>;
  for (const p of progress) counts[p.status]++;
  return counts;
}
