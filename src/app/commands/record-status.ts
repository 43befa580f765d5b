/**
 * Records a status report (SPEC §1.4, §5): from `/plan update`, `/plan due`,
 * a status button or the comment modal. Every check comes before the one
 * write, so a refusal changes nothing; every change is appended to the
 * history with who and how.
 */
import { checkComment } from '../../domain/comment.ts';
import { isCoordinator } from '../../domain/directory.ts';
import { compareLocalDates, toYearMonth } from '../../domain/local-date.ts';
import { planPeriodOf } from '../../domain/plan-period.ts';
import type { YearMonth } from '../../domain/plan.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { checkpointAskedAbout, type MilestoneProgress } from '../../domain/progress.ts';
import { dueDateOf, fiscalMonth } from '../../domain/schedule.ts';
import type { StatusCode } from '../../domain/status.ts';
import type { NewStatusUpdate, UpdateVia } from '../../domain/status-update.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { MonthRef } from './command.ts';
import { planByKey } from './choose-plan.ts';
import { findMilestone } from './find-milestone.ts';
import { mayReportOn } from './permissions.ts';
import { loadPlanWorld } from './plan-world.ts';
import type { CommandDeps, StatusHistory } from './ports.ts';
import type { CommandProblem, Reply } from './reply.ts';

export interface StatusReport {
  /** Chat user id of the reporter. */
  userId: string;
  via: UpdateVia;
  milestoneId: string;
  /**
   * The checkpoint reported on: typed (MonthRef), from a button (`YYYY-MM`),
   * `all` for every checkpoint at once, or null when none was named (the one
   * the owner is being asked about, for a milestone due in several months).
   */
  checkpoint: MonthRef | YearMonth | 'all' | null;
  /** The new status, or `keep` for a comment or a due-date revision that leaves it as it is. */
  status: StatusCode | 'keep';
  comment: string | undefined;
  /** A new due month; coordinators only. */
  revisedDue: MonthRef | YearMonth | null;
  /**
   * The key of the plan a button or form was shown for (issue 13): the
   * report is recorded on that plan or refused, never on another one.
   * Absent or null: the default plan (typed commands; buttons posted before
   * buttons carried their plan).
   */
  plan?: string | null;
}

export type Recorded = Extract<Reply, { kind: 'updated' }>;

/** A report that passed every check, ready to be written. */
export interface CheckedReport {
  update: NewStatusUpdate;
  /** The confirmation to answer once it is written. */
  reply: Recorded;
  /** The statuses of the plan reported on, where the update is to be written. */
  statuses: StatusHistory;
}

/** Checks and records one report; the `updated` reply confirms it, a problem says why nothing was written. */
export async function recordStatus(deps: CommandDeps, report: StatusReport): Promise<Result<Recorded, CommandProblem>> {
  const checked = await checkReport(deps, report);
  if (!checked.ok) return checked;
  await checked.value.statuses.append(checked.value.update);
  return ok(checked.value.reply);
}

/**
 * Every check of recordStatus, without the write: the comment modal answers
 * problems inside the modal before it acknowledges, and writes after.
 */
export async function checkReport(commandDeps: CommandDeps, report: StatusReport): Promise<Result<CheckedReport, CommandProblem>> {
  const on = await planByKey(commandDeps, report.plan ?? null);
  if (!on.ok) return on;
  const deps = on.value;
  const world = await loadPlanWorld(deps);
  if (!world.ok) return world;
  // A plan whose period is over keeps its statuses as they were at its end (issue 13): read-only.
  const { plan, today } = world.value;
  const period = planPeriodOf(plan.fiscalYear);
  if (compareLocalDates(today, period.end) > 0) return fail({ code: 'plan_read_only', title: plan.title, fiscalYear: plan.fiscalYear, end: period.end });
  const found = findMilestone(world.value, report.milestoneId);
  if (!found.ok) return found;
  const progress = found.value;
  const { milestone, owners } = progress.placed;
  const fiscalYear = world.value.plan.fiscalYear;
  const directory = deps.directory.current();

  const revising = report.revisedDue !== null;
  if (revising && !isCoordinator(directory, report.userId)) return fail({ code: 'not_allowed', action: 'due', owners });
  if (!revising && !(await mayReportOn(directory, deps.members, report.userId, owners))) return fail({ code: 'not_allowed', action: 'update', owners });

  const keyed = progress.checkpoints.map((cp) => cp.key).filter((key): key is YearMonth => key !== null);
  const every = report.checkpoint === 'all';
  const named = report.checkpoint === null || report.checkpoint === 'all' ? null : resolveMonth(report.checkpoint, fiscalYear);
  if (named !== null && keyed.length === 0) return fail({ code: 'no_checkpoints', id: milestone.id });
  if (named !== null && !keyed.includes(named)) return fail({ code: 'not_a_checkpoint', id: milestone.id, month: named, checkpoints: keyed });
  if (revising && progress.checkpoints.length === 0) return fail({ code: 'no_due_date', id: milestone.id });
  // One due month for every checkpoint of a `months` schedule would merge them; each is revised on its own.
  if (revising && keyed.length > 1 && (named === null || every)) return fail({ code: 'checkpoint_required', id: milestone.id, checkpoints: keyed });
  const checkpoint = named ?? (every ? null : unnamedCheckpoint(progress, revising));
  // Worth saying only when there was a choice: a one-month milestone has one month to report on.
  const picked = named === null && checkpoint !== null && keyed.length > 1;
  const revisedDue = report.revisedDue === null ? null : resolveMonth(report.revisedDue, fiscalYear);
  if (revisedDue !== null && !isPlanMonth(revisedDue, fiscalYear)) {
    return fail({ code: 'due_out_of_range', id: milestone.id, month: revisedDue, ...planMonths(fiscalYear) });
  }

  const comment = checkComment(report.comment);
  if (!comment.ok) return comment;

  const previous = world.value.state(milestone.id, checkpoint)?.status ?? 'not_started';
  const status = report.status === 'keep' ? previous : report.status;
  const now = deps.clock.now();
  const update: NewStatusUpdate = {
    milestoneId: milestone.id,
    ...(checkpoint === null ? {} : { checkpoint }),
    status,
    ...(comment.value === undefined ? {} : { comment: comment.value }),
    ...(revisedDue === null ? {} : { revisedDue }),
    actor: report.userId,
    via: report.via,
    createdAt: now.toISOString(),
  };
  const reported = progress.checkpoints.find((cp) => cp.key === checkpoint) ?? null;
  const reply: Recorded = {
    kind: 'updated',
    milestone: { id: milestone.id, title: milestone.title },
    checkpoint,
    status,
    previous,
    commentOnly: report.status === 'keep' && revisedDue === null,
    picked,
    allCheckpoints: every ? keyed : [],
    comment: comment.value ?? null,
    revisedDue,
    due: revisedDue !== null ? dueDateOf(revisedDue, deps.calendar) : (reported?.due ?? null),
    actor: report.userId,
    via: report.via,
    at: wallClock(now, deps.timeZone),
  };
  return ok({ update, reply, statuses: deps.statuses });
}

/**
 * The checkpoint of a report that names no month: the one the owner is being
 * asked about for a status (issue 12: never every month silently); for a due
 * revision only the single checkpoint of a one-month milestone, since moving
 * one of several needs the coordinator to say which.
 */
function unnamedCheckpoint(progress: MilestoneProgress, revising: boolean): YearMonth | null {
  if (!revising) return checkpointAskedAbout(progress)?.key ?? null;
  const keyed = progress.checkpoints.filter((cp) => cp.key !== null);
  return keyed.length === 1 ? keyed[0]!.key : null;
}

/** The months a due date may move to: the plan's fiscal year and the next one (work carried over, not years away). */
function planMonths(fiscalYear: number): { from: YearMonth; to: YearMonth } {
  return { from: fiscalMonth(4, fiscalYear), to: fiscalMonth(3, fiscalYear + 1) };
}

function isPlanMonth(month: YearMonth, fiscalYear: number): boolean {
  const { from, to } = planMonths(fiscalYear);
  return month >= from && month <= to;
}

/** A typed month placed in the plan's fiscal year when it has no year; a button's `YYYY-MM` as it is. */
export function resolveMonth(month: MonthRef | YearMonth, fiscalYear: number): YearMonth {
  if (typeof month === 'string') return month;
  return month.year === null ? fiscalMonth(month.month, fiscalYear) : toYearMonth(month.year, month.month);
}
