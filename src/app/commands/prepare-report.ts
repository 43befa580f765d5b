/**
 * Before the comment modal opens: the milestone (and checkpoint) it reports
 * on, its current status, whether the user may report on it at all, and
 * whether they may also move its due date. Refusing here means nobody
 * types a comment that could never be recorded.
 */
import { isCoordinator } from '../../domain/directory.ts';
import type { YearMonth } from '../../domain/plan.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { StatusCode } from '../../domain/status.ts';
import { compareLocalDates } from '../../domain/local-date.ts';
import { planPeriodOf } from '../../domain/plan-period.ts';
import { planByKey } from './choose-plan.ts';
import { findMilestone } from './find-milestone.ts';
import { mayReportOn } from './permissions.ts';
import { loadPlanWorld, summaryOf } from './plan-world.ts';
import type { CommandDeps } from './ports.ts';
import type { CommandProblem, MilestoneSummary } from './reply.ts';

export interface ReportForm {
  milestone: MilestoneSummary;
  checkpoint: YearMonth | null;
  /** The status of that checkpoint (or the whole milestone) now: the form's initial choice. */
  status: StatusCode;
  /** The user is a coordinator and the milestone has a due date to move. */
  canReviseDue: boolean;
}

/**
 * What the status form for `userId` on `milestoneId` / `checkpoint` of the
 * plan `plan` (its key; null for the default plan) shows, or why it must not open.
 */
export async function prepareReport(commandDeps: CommandDeps, userId: string, milestoneId: string, checkpoint: YearMonth | null, plan: string | null = null): Promise<Result<ReportForm, CommandProblem>> {
  const on = await planByKey(commandDeps, plan);
  if (!on.ok) return on;
  const deps = on.value;
  const world = await loadPlanWorld(deps);
  if (!world.ok) return world;
  // Nothing can be recorded on a plan whose period is over: say so before anyone types a comment.
  const end = planPeriodOf(world.value.plan.fiscalYear).end;
  if (compareLocalDates(world.value.today, end) > 0) return fail({ code: 'plan_read_only', title: world.value.plan.title, fiscalYear: world.value.plan.fiscalYear, end });
  const found = findMilestone(world.value, milestoneId);
  if (!found.ok) return found;
  const { owners } = found.value.placed;
  const directory = deps.directory.current();
  if (!(await mayReportOn(directory, deps.members, userId, owners))) return fail({ code: 'not_allowed', action: 'update', owners });
  const progress = found.value;
  const hasDue = progress.checkpoints.length > 0 && (checkpoint !== null || progress.checkpoints.every((cp) => cp.key === null));
  return ok({
    milestone: summaryOf(progress),
    checkpoint,
    status: world.value.state(progress.placed.milestone.id, checkpoint)?.status ?? 'not_started',
    canReviseDue: hasDue && isCoordinator(directory, userId),
  });
}
