/**
 * A refusal in words: what is wrong, what was meant (the closest ids,
 * divisions or sub-commands), and the usage line to follow. Plain text,
 * shared by every platform: Slack escapes it (and its comment form shows it
 * as a field error as it is), the shell prints it.
 */
import type { CommandProblem } from '../app/commands/reply.ts';
import { STATUS_CODES, statusLabel } from '../domain/status.ts';
import type { Lang, MessageKey, Translate } from './catalog.ts';
import { formatMonth } from './format-date.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';
import { reportProblemLines } from './report-problem-lines.ts';

/** The problem as lines of plain text. */
export function problemLines(problem: CommandProblem, lang: Lang, t: Translate): string[] {
  const months = (list: readonly string[]) => list.map((m) => formatMonth(m, lang)).join('、');
  const usage = (key: string) => t('plan.problem.usage', { usage: t(`plan.usage.${key}` as MessageKey) });
  const suggest = (list: readonly string[]) => (list.length > 0 ? [t('plan.problem.suggest', { list: list.join('、') })] : []);
  switch (problem.code) {
    case 'unknown_command':
      return [t('plan.problem.unknown_command', { word: quotePrefix(problem.word) }), ...suggest(problem.suggestions)];
    case 'missing_argument':
      return [t('plan.problem.missing_argument'), usage(problem.usage)];
    case 'unexpected_argument':
      return [t('plan.problem.unexpected_argument', { word: quotePrefix(problem.word) }), usage(problem.usage)];
    case 'unknown_status':
      return [t('plan.problem.unknown_status', { word: quotePrefix(problem.word), valid: STATUS_CODES.map((code) => `${statusLabel(code, lang)} (${code})`).join('、') })];
    case 'bad_month':
      return [t('plan.problem.bad_month', { word: quotePrefix(problem.word) }), usage(problem.usage)];
    case 'bad_page':
      return [t('plan.problem.bad_page', { word: quotePrefix(problem.word) })];
    case 'unknown_language':
      return [t('plan.problem.unknown_language', { word: quotePrefix(problem.word) })];
    case 'comment_too_long':
      return [t('plan.problem.comment_too_long', { length: problem.length, max: problem.max })];
    case 'comment_control_characters':
      return [t('plan.problem.comment_control_characters')];
    case 'no_plan':
      return [t('plan.problem.no_plan')];
    case 'unknown_id':
      return [t('plan.problem.unknown_id', { id: problem.id }), ...suggest(problem.suggestions)];
    case 'unknown_division':
      return [t('plan.problem.unknown_division', { division: problem.division }), ...suggest(problem.suggestions)];
    case 'not_allowed':
      return [t(`plan.problem.not_allowed.${problem.action}`, { owners: problem.owners.join('、') })];
    case 'not_a_checkpoint':
      return [t('plan.problem.not_a_checkpoint', { id: problem.id, month: formatMonth(problem.month, lang), checkpoints: months(problem.checkpoints) })];
    case 'no_checkpoints':
      return [t('plan.problem.no_checkpoints', { id: problem.id })];
    case 'checkpoint_required':
      return [t('plan.problem.checkpoint_required', { id: problem.id, checkpoints: months(problem.checkpoints) }), usage('due')];
    case 'no_due_date':
      return [t('plan.problem.no_due_date', { id: problem.id })];
    case 'due_out_of_range':
      return [
        t('updates.problem.dueOutOfRange', { id: problem.id, month: formatMonth(problem.month, lang), from: formatMonth(problem.from, lang), to: formatMonth(problem.to, lang) }),
        usage('due'),
      ];
    case 'channel_required':
      return [t('plan.problem.channel_required', { division: problem.division })];
    case 'directory_not_saved':
      return [t('plan.problem.directory_not_saved', { reason: problem.reason })];
    case 'directory_missing':
      return [t('plan.problem.directory_missing')];
    case 'page_out_of_range':
      return [t('plan.problem.page_out_of_range', { page: problem.page, pages: problem.pageCount })];
    case 'digest_unavailable':
      return [t('plan.problem.digest_unavailable')];
    case 'export_unavailable':
      return [t('plan.problem.export_unavailable')];
    case 'report':
      return reportProblemLines(problem.problem, t);
    case 'bad_plan':
      return [t('plans.chat.badPlan', { word: quotePrefix(problem.word) })];
    case 'unknown_plan': {
      const asked = [problem.key === null ? null : t('plans.chat.askedKey', { key: quotePrefix(problem.key) }), problem.year === null ? null : t('plans.chat.askedYear', { year: problem.year })];
      const stored = problem.plans.map((p) => t('plans.chat.storedPlan', { key: p.key, year: p.fiscalYear, title: p.title }));
      return [
        t('plans.chat.unknownPlan', { asked: asked.filter((a) => a !== null).join(lang === 'ja' ? '・' : ', ') }),
        stored.length === 0 ? t('plans.chat.noStoredPlans') : t('plans.chat.storedPlans', { list: stored.join(lang === 'ja' ? '、' : ', ') }),
        t('plans.chat.choose'),
      ];
    }
    case 'plan_read_only':
      return [t('plans.chat.readOnly', { year: problem.fiscalYear, title: problem.title, end: problem.end })];
  }
}

