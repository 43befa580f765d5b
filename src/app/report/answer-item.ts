/**
 * `/plan report answer 1-1 評価=○ 実績=…`, the Slack modal, the Teams dialog,
 * the CLI: one item's answer in the open round. Every check comes before the
 * one append (the item, the round, who may answer, each field against the
 * round's own scale), so a refusal records nothing; a form shows every
 * field's problem at once. Fields left out keep this round's earlier answer.
 */
import { canSpeakFor, isCoordinator } from '../../domain/directory.ts';
import { checkReportFields, type ReportAnswerVia, type ReportFields } from '../../domain/report-round.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { wallClock } from '../../domain/zoned-time.ts';
import { lookUpMembership } from '../commands/permissions.ts';
import type { CommandDeps } from '../commands/ports.ts';
import { problemReply, type CommandProblem, type Reply } from '../commands/reply.ts';
import type { NewReportEntry } from '../report-ports.ts';
import { answerFormIn, mayAnswer } from './answer-form.ts';
import { latestAnswerOf, roundSummaryOf } from './report-reply.ts';
import { findItem, loadReportScope, reportProblem } from './report-scope.ts';
import { isLate } from './round-progress.ts';

export interface CheckedAnswer {
  entry: Extract<NewReportEntry, { kind: 'answer' }>;
  reply: Reply;
}

/** Answers for `userId`: the form when `fields` is null, else records the answer. */
export async function answerItem(deps: CommandDeps, userId: string, itemId: string, fields: Partial<ReportFields> | null, via: ReportAnswerVia): Promise<Reply> {
  if (fields === null) {
    const scope = await loadReportScope(deps);
    if (!scope.ok) return problemReply(scope.error);
    const form = await answerFormIn(deps, scope.value, userId, itemId);
    return form.ok ? { kind: 'report', report: { op: 'form', form: form.value } } : problemReply(form.error);
  }
  const checked = await checkAnswer(deps, userId, itemId, fields, via);
  if (!checked.ok) return problemReply(checked.error);
  await recordAnswer(deps, checked.value);
  return checked.value.reply;
}

/** Appends a checked answer (the forms check before they close, and record after). */
export async function recordAnswer(deps: CommandDeps, checked: CheckedAnswer): Promise<void> {
  await deps.reportRounds!.entries.append(checked.entry);
}

/** Every check of answerItem, without the write. */
export async function checkAnswer(deps: CommandDeps, userId: string, itemId: string, fields: Partial<ReportFields>, via: ReportAnswerVia): Promise<Result<CheckedAnswer, CommandProblem>> {
  const scope = await loadReportScope(deps);
  if (!scope.ok) return scope;
  const { reports, planKey, items, directory } = scope.value;
  const found = findItem(items, itemId);
  if (!found.ok) return found;
  const item = found.value;
  const round = await reports.rounds.current(planKey);
  if (!round) return fail(reportProblem({ code: 'no_open_round' }));
  if (!(await mayAnswer(deps, directory, userId, item))) return fail(reportProblem({ code: 'not_allowed', action: 'answer', owners: item.owners }));

  const previous = latestAnswerOf(await reports.entries.historyOf(round.id, item.id));
  const base: ReportFields = previous ?? { achievement: '', evaluation: '', issues: '', nextSteps: '' };
  const merged: ReportFields = {
    achievement: fields.achievement ?? base.achievement,
    evaluation: fields.evaluation ?? base.evaluation,
    issues: fields.issues ?? base.issues,
    nextSteps: fields.nextSteps ?? base.nextSteps,
  };
  const valid = checkReportFields(merged, round.scale);
  if (!valid.ok) return fail(reportProblem({ code: 'invalid_answer', itemId: item.id, problems: valid.error }));

  const now = deps.clock.now();
  const division = await answeringDivision(deps, directory, userId, item.owners);
  const entry = { kind: 'answer' as const, roundId: round.id, itemId: item.id, division, actor: userId, via, createdAt: now.toISOString(), ...valid.value };
  const reply: Reply = {
    kind: 'report',
    report: {
      op: 'answered',
      round: roundSummaryOf(round),
      item: { id: item.id, title: item.title },
      fields: valid.value,
      late: isLate(entry.createdAt, round, deps.timeZone),
      actor: userId,
      via,
      at: wallClock(now, deps.timeZone),
    },
  };
  return ok({ entry, reply });
}

/**
 * The division an answer is recorded for: the first of the item's owners
 * the user speaks for; a coordinator answering for a division is recorded
 * for the item's first owner (or the coordinator's own division for an item
 * without owners).
 */
async function answeringDivision(deps: CommandDeps, directory: Parameters<typeof isCoordinator>[0], userId: string, owners: readonly string[]): Promise<string> {
  const direct = owners.find((owner) => !isCoordinator(directory, userId) && canSpeakFor(directory, userId, owner));
  if (direct !== undefined) return direct;
  const membership = await lookUpMembership(directory, deps.members, owners);
  const member = owners.find((owner) => !isCoordinator(directory, userId) && canSpeakFor(directory, userId, owner, membership));
  return member ?? owners[0] ?? directory.coordinator?.division ?? '';
}
