/**
 * A report command's refusal in words (problem-lines.ts hands these over):
 * what is wrong and what to type instead. A refused answer names each field
 * that is wrong, so a form can show each line under its field.
 */
import type { ReportProblem } from '../app/report/report-reply.ts';
import type { ReportFieldProblem } from '../domain/report-round.ts';
import type { MessageKey, Translate } from './catalog.ts';

/** The problem as lines of plain text. */
export function reportProblemLines(problem: ReportProblem, t: Translate): string[] {
  switch (problem.code) {
    case 'unavailable':
    case 'no_open_round':
    case 'comment_required':
      return [t(`reports.problem.${problem.code}`)];
    case 'round_open':
    case 'as_of_after_deadline':
      return [t(`reports.problem.${problem.code}`, { asOf: problem.asOf, deadline: problem.deadline })];
    case 'bad_date':
    case 'bad_field':
      return [t(`reports.problem.${problem.code}`, { word: problem.word }), t('plan.problem.usage', { usage: t('plan.usage.report') })];
    case 'deadline_past':
      return [t('reports.problem.deadline_past', { deadline: problem.deadline, today: problem.today })];
    case 'not_allowed':
      return [t(`reports.problem.not_allowed.${problem.action}`, { owners: problem.owners.join('、') })];
    case 'unknown_item':
      return [t('reports.problem.unknown_item', { id: problem.id }), ...(problem.suggestions.length > 0 ? [t('plan.problem.suggest', { list: problem.suggestions.join('、') })] : [])];
    case 'invalid_answer':
      return [t('reports.problem.invalid_answer', { id: problem.itemId }), ...problem.problems.map((p) => fieldProblemText(p, t))];
    case 'comment_too_long':
      return [t('reports.problem.comment_too_long', { length: problem.length, max: problem.max })];
    case 'nothing_to_return':
      return [t('reports.problem.nothing_to_return', { id: problem.itemId, state: t(`reports.state.${problem.state}`) })];
  }
}

/** One field's problem, as a form shows it under the field. */
export function fieldProblemText(problem: ReportFieldProblem, t: Translate): string {
  const label = t(`reports.field.${problem.field}` as MessageKey);
  switch (problem.code) {
    case 'unknown_grade':
      return problem.word === '' ? t('reports.problem.evaluation_empty', { valid: problem.valid.join(' ') }) : t('reports.problem.unknown_grade', { word: problem.word, valid: problem.valid.join(' ') });
    case 'achievement_required':
      return t('reports.problem.achievement_required', { grade: problem.grade });
    case 'too_long':
      return t('reports.problem.too_long', { label, length: problem.length, max: problem.max });
    case 'control_characters':
      return t('reports.problem.control_characters', { label });
  }
}
