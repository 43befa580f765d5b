/**
 * `/plan report open 2020-09-30 締切 2020-10-09`: the coordinator opens a
 * report round. The as-of date may not be after the deadline, the deadline
 * not before today, and a plan has one open round at a time (the store's
 * unique index decides a race). The scale is the one given (CLI `--scale`),
 * else the one the directory names for the plan (`coordinator.scales`), else
 * the plan's previous round's, else the deployment's default: a plan that
 * changed its scale once keeps it for the rounds after.
 */
import { isCoordinator } from '../../domain/directory.ts';
import type { LocalDate } from '../../domain/plan.ts';
import { DEFAULT_EVALUATION_SCALE, parseEvaluationScale, type EvaluationScale } from '../../domain/report-round.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import type { CommandDeps } from '../commands/ports.ts';
import { problemReply, type Reply } from '../commands/reply.ts';
import { roundSummaryOf } from './report-reply.ts';
import { loadReportScope, reportProblem } from './report-scope.ts';

/** Opens a round for `userId`; the reply says how many divisions and items it asks. */
export async function openRound(deps: CommandDeps, userId: string, dates: { asOf: LocalDate; deadline: LocalDate }, scale?: EvaluationScale): Promise<Reply> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return problemReply(scope.error);
  const { reports, planKey, items, directory } = scope.value;
  if (!isCoordinator(directory, userId)) return problemReply(reportProblem({ code: 'not_allowed', action: 'open', owners: [] }));
  if (dates.asOf > dates.deadline) return problemReply(reportProblem({ code: 'as_of_after_deadline', ...dates }));
  const now = deps.clock.now();
  const today = wallClock(now, deps.timeZone).date;
  if (dates.deadline < today) return problemReply(reportProblem({ code: 'deadline_past', deadline: dates.deadline, today }));

  const previous = (await reports.rounds.list(planKey))[0];
  const configured = directory.coordinator?.scales?.[planKey];
  const opened = await reports.rounds.open({
    planId: planKey,
    asOf: dates.asOf,
    deadline: dates.deadline,
    scale: scale ?? (configured === undefined ? null : parseEvaluationScale(configured)) ?? previous?.scale ?? reports.defaultScale ?? DEFAULT_EVALUATION_SCALE,
    openedBy: userId,
    openedAt: now.toISOString(),
  });
  if (!opened.ok) return problemReply(reportProblem({ code: 'round_open', asOf: opened.open.asOf, deadline: opened.open.deadline }));
  await reports.onOpened?.(planKey, now);
  const divisions = new Set(items.flatMap((item) => item.owners));
  return { kind: 'report', report: { op: 'opened', round: roundSummaryOf(opened.round), divisions: divisions.size, items: items.length } };
}
