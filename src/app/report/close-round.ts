/**
 * `/plan report close`: the coordinator closes the open round. Answers stay
 * as they are (the workbook reads them); no reminder of the round goes out
 * after, and a new round may be opened.
 */
import { isCoordinator } from '../../domain/directory.ts';
import type { CommandDeps } from '../commands/ports.ts';
import { problemReply, type Reply } from '../commands/reply.ts';
import { roundSummaryOf } from './report-reply.ts';
import { loadReportScope, reportProblem } from './report-scope.ts';
import { divisionProgressOf } from './round-progress.ts';

/** Closes the plan's open round for `userId`, a coordinator; the reply is its final count per division. */
export async function closeRound(deps: CommandDeps, userId: string): Promise<Reply> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return problemReply(scope.error);
  const { reports, planKey, items, directory } = scope.value;
  if (!isCoordinator(directory, userId)) return problemReply(reportProblem({ code: 'not_allowed', action: 'close', owners: [] }));
  const round = await reports.rounds.current(planKey);
  if (!round) return problemReply(reportProblem({ code: 'no_open_round' }));
  const at = deps.clock.now().toISOString();
  // Closed by another coordinator in between: the round is closed either way.
  await reports.rounds.close(round.id, at);
  const divisions = divisionProgressOf(items, await reports.entries.latestByItem(round.id));
  return { kind: 'report', report: { op: 'closed', round: { ...roundSummaryOf(round), open: false }, divisions } };
}
