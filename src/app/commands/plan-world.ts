/**
 * The plan as the commands read it: the stored plan, its status history
 * folded into states, and every milestone's progress on today's date.
 * Loaded once per command, so a plan re-imported from the CLI shows at once.
 */
import type { LocalDate, Plan } from '../../domain/plan.ts';
import { buildStateLookup } from '../../domain/milestone-state.ts';
import { planProgress, type MilestoneProgress } from '../../domain/progress.ts';
import type { StateLookup } from '../../domain/reminder-policy.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { StatusUpdate } from '../../domain/status-update.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { CommandDeps } from './ports.ts';
import type { CommandProblem, HistoryEntry, MilestoneSummary } from './reply.ts';

export interface PlanWorld {
  plan: Plan;
  today: LocalDate;
  state: StateLookup;
  /** Every milestone in plan order. */
  progress: MilestoneProgress[];
  byId: ReadonlyMap<string, MilestoneProgress>;
}

/** Loads the plan and its statuses; `no_plan` before the first import. */
export async function loadPlanWorld(deps: Pick<CommandDeps, 'plans' | 'statuses' | 'calendar' | 'clock' | 'timeZone'>): Promise<Result<PlanWorld, CommandProblem>> {
  const [plan, updates] = await Promise.all([deps.plans.load(), deps.statuses.all()]);
  if (!plan) return fail({ code: 'no_plan' });
  const today = wallClock(deps.clock.now(), deps.timeZone).date;
  const state = buildStateLookup(updates, deps.timeZone);
  const progress = planProgress(plan, state, deps.calendar, today);
  return ok({ plan, today, state, progress, byId: new Map(progress.map((p) => [p.placed.milestone.id, p])) });
}

/** A milestone's line in a list. */
export function summaryOf(progress: MilestoneProgress): MilestoneSummary {
  const { milestone, owners } = progress.placed;
  return {
    id: milestone.id,
    title: milestone.title,
    owners,
    status: progress.status,
    checkpoint: progress.current?.key ?? null,
    nextDue: progress.nextDue,
    daysOverdue: progress.daysOverdue,
    open: progress.open,
  };
}

/** A stored update as a history line, its time on the plan's wall clock. */
export function historyEntryOf(update: StatusUpdate, timeZone: string): HistoryEntry {
  return {
    status: update.status,
    checkpoint: update.checkpoint ?? null,
    comment: update.comment ?? null,
    revisedDue: update.revisedDue ?? null,
    actor: update.actor,
    via: update.via,
    at: wallClock(new Date(update.createdAt), timeZone),
  };
}
