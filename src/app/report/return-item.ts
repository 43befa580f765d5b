/**
 * `/plan report return 1-1 数字を添えてください`: the coordinator sends an
 * item's answer back with a comment (required: the division must know what
 * to change). Only an answered item can be sent back; it counts as not
 * answered again until the division answers anew.
 */
import { checkComment } from '../../domain/comment.ts';
import { isCoordinator } from '../../domain/directory.ts';
import type { ReportAnswerVia } from '../../domain/report-round.ts';
import type { CommandDeps } from '../commands/ports.ts';
import { problemReply, type Reply } from '../commands/reply.ts';
import { roundSummaryOf } from './report-reply.ts';
import { findItem, loadReportScope, reportProblem } from './report-scope.ts';
import { itemStateOf } from '../../domain/report-round.ts';

/** Sends `itemId`'s answer back for `userId`, a coordinator. */
export async function returnItem(deps: CommandDeps, userId: string, itemId: string, comment: string | undefined, via: ReportAnswerVia): Promise<Reply> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return problemReply(scope.error);
  const { reports, planKey, items, directory } = scope.value;
  const found = findItem(items, itemId);
  if (!found.ok) return problemReply(found.error);
  const item = found.value;
  if (!isCoordinator(directory, userId)) return problemReply(reportProblem({ code: 'not_allowed', action: 'return', owners: [] }));
  const round = await reports.rounds.current(planKey);
  if (!round) return problemReply(reportProblem({ code: 'no_open_round' }));
  const checked = checkComment(comment);
  if (!checked.ok) return problemReply(checked.error.code === 'comment_too_long' ? reportProblem({ code: 'comment_too_long', length: checked.error.length, max: checked.error.max }) : checked.error);
  if (checked.value === undefined) return problemReply(reportProblem({ code: 'comment_required' }));
  const history = await reports.entries.historyOf(round.id, item.id);
  const latest = history[history.length - 1];
  if (latest?.kind !== 'answer') return problemReply(reportProblem({ code: 'nothing_to_return', itemId: item.id, state: itemStateOf(latest) }));
  await reports.entries.append({ kind: 'returned', roundId: round.id, itemId: item.id, division: latest.division, actor: userId, via, createdAt: deps.clock.now().toISOString(), comment: checked.value });
  return { kind: 'report', report: { op: 'returned', round: roundSummaryOf(round), item: { id: item.id, title: item.title }, division: latest.division, comment: checked.value } };
}
