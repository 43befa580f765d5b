/**
 * The plan as the commands read it: the stored plan, its status history
 * folded into states, and every milestone's progress on today's date.
 * Read for every command, so a plan re-imported from the CLI shows at once;
 * built again only when the plan, the statuses or the date changed.
 */
import type { BusinessCalendar } from '../../domain/calendar.ts';
import type { LocalDate, Plan } from '../../domain/plan.ts';
import { stateLookupOf } from '../../domain/milestone-state.ts';
import { checkpointAskedAbout, planProgress, type MilestoneProgress } from '../../domain/progress.ts';
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

/**
 * The last world built per plan object. A stored plan stays the same object
 * until it is replaced (PlanStore.load), and the status revision changes with
 * every append, here or in another process: while both and the date hold,
 * the world is the same, and a command on a 10,000-milestone plan answers
 * without reading 12,000 status rows and working out 10,000 progresses again.
 */
const worlds = new WeakMap<Plan, { revision: number; today: LocalDate; calendar: BusinessCalendar; timeZone: string; world: PlanWorld }>();

/** Loads the plan and its statuses; `no_plan` before the first import. */
export async function loadPlanWorld(deps: Pick<CommandDeps, 'plans' | 'statuses' | 'calendar' | 'clock' | 'timeZone'>): Promise<Result<PlanWorld, CommandProblem>> {
  // The revision is read before the statuses: a world is never filed under a newer revision than its data.
  const [plan, revision] = await Promise.all([deps.plans.load(), deps.statuses.revision()]);
  if (!plan) return fail({ code: 'no_plan' });
  const today = wallClock(deps.clock.now(), deps.timeZone).date;
  const cached = worlds.get(plan);
  const fits = cached && cached.revision === revision && cached.today === today && cached.calendar === deps.calendar && cached.timeZone === deps.timeZone;
  if (cached && fits) return ok(cached.world);
  const state = stateLookupOf(await deps.statuses.latest(), deps.timeZone);
  const progress = planProgress(plan, state, deps.calendar, today);
  const world: PlanWorld = Object.freeze({ plan, today, state, progress, byId: new Map(progress.map((p) => [p.placed.milestone.id, p])) });
  worlds.set(plan, { revision, today, calendar: deps.calendar, timeZone: deps.timeZone, world });
  return ok(world);
}

/** A milestone's line in a list. */
export function summaryOf(progress: MilestoneProgress): MilestoneSummary {
  const { milestone, owners } = progress.placed;
  return {
    id: milestone.id,
    title: milestone.title,
    owners,
    status: progress.status,
    checkpoint: checkpointAskedAbout(progress)?.key ?? null,
    nextDue: progress.due,
    daysOverdue: progress.daysOverdue,
    open: progress.open,
  };
}

/**
 * A stored update as a history line, its time on the plan's wall clock. On a
 * milestone due in several months (`progress`), an update without a month
 * speaks for every month (milestone-state.ts), and the line says so.
 */
export function historyEntryOf(update: StatusUpdate, timeZone: string, progress: MilestoneProgress): HistoryEntry {
  return {
    status: update.status,
    checkpoint: update.checkpoint ?? null,
    allCheckpoints: update.checkpoint === undefined && progress.checkpoints.some((cp) => cp.key !== null),
    comment: update.comment ?? null,
    revisedDue: update.revisedDue ?? null,
    actor: update.actor,
    via: update.via,
    at: wallClock(new Date(update.createdAt), timeZone),
  };
}
