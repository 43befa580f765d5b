/**
 * Before the answer form opens (Slack modal, Teams dialog, the shell's
 * prompt): the open round, whether the user may answer for the item, and
 * the form's initial values. An item answered in this round shows its
 * answer; otherwise the form is prefilled from what the bot already holds:
 * 取組実績 from the latest comment of each of its milestones, 進捗評価 as
 * their statuses suggest (suggestEvaluation: all done → best grade, any
 * delayed → worst, any at risk → the one above, else the second best).
 */
import { REPORT_FIELD_MAX_CHARS, suggestEvaluation, type ReportFields } from '../../domain/report-round.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { mayReportOn } from '../commands/permissions.ts';
import type { CommandDeps } from '../commands/ports.ts';
import type { CommandProblem } from '../commands/reply.ts';
import { latestAnswerOf, roundSummaryOf, type AnswerForm } from './report-reply.ts';
import { findItem, loadReportScope, reportProblem, type ReportScope, type RoundItem } from './report-scope.ts';

/** The form for `userId` on `itemId` in the open round, or why it must not open. */
export async function prepareAnswerForm(deps: CommandDeps, userId: string, itemId: string): Promise<Result<AnswerForm, CommandProblem>> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return scope;
  return answerFormIn(deps, scope.value, userId, itemId);
}

/** prepareAnswerForm on a scope already loaded. */
export async function answerFormIn(deps: CommandDeps, scope: ReportScope, userId: string, itemId: string): Promise<Result<AnswerForm, CommandProblem>> {
  const { reports, planKey, items, directory } = scope;
  const found = findItem(items, itemId);
  if (!found.ok) return found;
  const item = found.value;
  const round = await reports.rounds.current(planKey);
  if (!round) return fail(reportProblem({ code: 'no_open_round' }));
  if (!(await mayAnswer(deps, directory, userId, item))) return fail(reportProblem({ code: 'not_allowed', action: 'answer', owners: item.owners }));
  const history = await reports.entries.historyOf(round.id, item.id);
  const previous = latestAnswerOf(history);
  const latest = history[history.length - 1];
  const suggested = suggestEvaluation(item.milestones.map((m) => m.status), round.scale);
  const values: ReportFields = previous
    ? { achievement: previous.achievement, evaluation: previous.evaluation, issues: previous.issues, nextSteps: previous.nextSteps }
    : { achievement: await latestComments(deps, item), evaluation: suggested ?? '', issues: '', nextSteps: '' };
  return ok({
    round: roundSummaryOf(round),
    item: { id: item.id, title: item.title, owners: item.owners },
    values,
    fromAnswer: previous !== null,
    suggested,
    returnComment: latest?.kind === 'returned' ? latest.comment : null,
  });
}

/** Owners, deputies (and channel members where the directory says so) of one of the item's divisions, or a coordinator. */
export function mayAnswer(deps: Pick<CommandDeps, 'members'>, directory: ReportScope['directory'], userId: string, item: RoundItem): Promise<boolean> {
  return mayReportOn(directory, deps.members, userId, item.owners);
}

/** The latest comment of each of the item's milestones, one per line (・ when several), cut to a field's length. */
async function latestComments(deps: CommandDeps, item: RoundItem): Promise<string> {
  const comments: string[] = [];
  for (const progress of item.milestones) {
    const history = await deps.statuses.history(progress.placed.milestone.id);
    const latest = [...history].reverse().find((u) => u.comment !== undefined && u.comment.trim() !== '');
    if (latest?.comment) comments.push(latest.comment.trim());
  }
  const text = comments.length <= 1 ? (comments[0] ?? '') : comments.map((c) => `・${c}`).join('\n');
  const chars = Array.from(text);
  return chars.length <= REPORT_FIELD_MAX_CHARS ? text : `${chars.slice(0, REPORT_FIELD_MAX_CHARS - 1).join('')}…`;
}
