/**
 * `/plan report`: where the open round stands. Everyone sees the count per
 * division (answered / sent back / not answered); an owner also sees each of
 * their own items, with its grade, whether it came late, and a send-back's comment.
 */
import { divisionsOfUser, isCoordinator } from '../../domain/directory.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { lookUpMembership } from '../commands/permissions.ts';
import type { CommandDeps } from '../commands/ports.ts';
import { problemReply, type Reply } from '../commands/reply.ts';
import { roundSummaryOf } from './report-reply.ts';
import { loadReportScope, reportProblem } from './report-scope.ts';
import { divisionProgressOf, itemLineOf } from './round-progress.ts';

/** The open round's status for `userId`. */
export async function showRound(deps: CommandDeps, userId: string): Promise<Reply> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return problemReply(scope.error);
  const { reports, planKey, items, directory } = scope.value;
  const round = await reports.rounds.current(planKey);
  if (!round) return problemReply(reportProblem({ code: 'no_open_round' }));
  const [latest, answers] = await Promise.all([reports.entries.latestByItem(round.id), reports.entries.latestAnswerByItem(round.id)]);
  const membership = await lookUpMembership(directory, deps.members);
  const own = new Set(divisionsOfUser(directory, userId, membership));
  const mine = own.size === 0 ? null : items.filter((item) => item.owners.some((o) => own.has(o))).map((item) => itemLineOf(item, round, latest.get(item.id), answers.get(item.id), deps.timeZone));
  return {
    kind: 'report',
    report: {
      op: 'status',
      round: roundSummaryOf(round),
      today: wallClock(deps.clock.now(), deps.timeZone).date,
      divisions: divisionProgressOf(items, latest),
      mine,
      coordinator: isCoordinator(directory, userId),
    },
  };
}
