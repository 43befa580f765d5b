/**
 * コメント (issue 14 §4): the button opens a dialog (`task/fetch`) with the
 * status, a comment of up to 1,000 characters and, for coordinators, a
 * revised due month; its submission (`task/submit`) is checked by the same
 * use case as Slack's modal. A problem shows in the dialog, under its field,
 * with what was typed kept; a recorded report closes it and stamps the card
 * in place for everyone.
 */
import type { App } from '@microsoft/teams.apps';
import { prepareReport } from '../../app/commands/prepare-report.ts';
import { checkReport } from '../../app/commands/record-status.ts';
import type { CommandProblem } from '../../app/commands/reply.ts';
import { languageOf } from '../../app/commands/set-language.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import { renderReplyText } from '../shell/render-reply-text.ts';
import { parseCardAction, type CardTarget, type DialogField } from './cards/card-action.ts';
import { dialogClosedResponse, dialogResponse } from './cards/invoke-responses.ts';
import { renderCommentDialog, type DialogValues } from './cards/render-comment-dialog.ts';
import { channelOf, type CardActionDeps } from './listen-card-actions.ts';
import { stampedReminderCard, updateInPlace } from './refresh-posted-card.ts';
import { userIdOf } from './user-id.ts';
import { REPORT_DIALOG_VERBS } from './cards/render-report-dialog.ts';
import { openReportDialog, submitReportDialog } from './listen-report-dialogs.ts';
import { teamsTranslator } from './cards/teams-command.ts';

type DialogErrors = Partial<Record<DialogField | 'form', string>>;

/** Registers the dialog listeners on `app`. */
export function listenDialogs(app: App, ctx: CardActionDeps): void {
  app.on('dialog.open', async (context) => {
    const { activity } = context;
    ctx.names.remember(activity.from);
    const userId = userIdOf(activity.from);
    const lang = await languageOf(ctx.deps, userId);
    const data = (activity.value as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    if (data.dialog_id === REPORT_DIALOG_VERBS.open) return openReportDialog(ctx, userId, data, lang);
    const parsed = parseCardAction(typeof data.dialog_id === 'string' ? data.dialog_id : undefined, data, lang);
    if (!parsed.ok || parsed.value.kind !== 'comment_open') return closeWith(parsed.ok ? teamsTranslator(lang)('plan.problem.internal') : parsed.error.message);
    const opened = await dialogFor(ctx, userId, parsed.value, lang);
    return opened ?? closeWith(teamsTranslator(lang)('plan.problem.internal'));
  });

  app.on('dialog.submit', async (context) => {
    const { activity } = context;
    ctx.names.remember(activity.from);
    const userId = userIdOf(activity.from);
    const lang = await languageOf(ctx.deps, userId);
    const t = teamsTranslator(lang);
    const data = (activity.value as { data?: Record<string, unknown> } | undefined)?.data ?? {};
    if (data.action === REPORT_DIALOG_VERBS.submit) return submitReportDialog(ctx, userId, data, lang);
    const values = typedValues(data);
    const parsed = parseCardAction(typeof data.action === 'string' ? data.action : undefined, data, lang);
    if (!parsed.ok) {
      const target = targetOf(data);
      if (target === null) return closeWith(parsed.error.message);
      return (await dialogFor(ctx, userId, target, lang, { [parsed.error.field ?? 'form']: parsed.error.message }, values)) ?? closeWith(parsed.error.message);
    }
    if (parsed.value.kind !== 'comment_submit') return closeWith(t('plan.problem.internal'));
    const submit = parsed.value;
    const checked = await checkReport(ctx.deps, { userId, via: 'modal', milestoneId: submit.milestoneId, checkpoint: submit.checkpoint, status: submit.status, comment: submit.comment, revisedDue: submit.revisedDue, plan: submit.plan });
    if (!checked.ok) {
      const message = problemLines(checked.error, lang, t).join(' ');
      return (await dialogFor(ctx, userId, submit, lang, { [fieldOf(checked.error)]: message }, values)) ?? closeWith(message);
    }
    await checked.value.statuses.append(checked.value.update);
    if (submit.outboxKey !== null) {
      const card = await stampedReminderCard({ ...ctx.refresh, nameOf: ctx.names.nameOf, logger: ctx.logger }, submit.outboxKey);
      const cardActivity = activity.replyToId ?? messageIdOf(activity.conversation.id);
      if (card !== null && cardActivity !== null) await updateInPlace(context.api, channelOf(activity.conversation.id), cardActivity, card, ctx.logger);
    }
    return closeWith(renderReplyText(checked.value.reply, lang));
  });
}

/** The dialog for `target`, or a closing message saying why it cannot open; null only when something unexpected happened. */
async function dialogFor(ctx: CardActionDeps, userId: string, target: CardTarget, lang: Lang, errors: DialogErrors = {}, values: DialogValues = {}) {
  const form = await prepareReport(ctx.deps, userId, target.milestoneId, target.checkpoint, target.plan);
  if (!form.ok) return closeWith(problemLines(form.error, lang, teamsTranslator(lang)).join(' '));
  return dialogResponse(renderCommentDialog(form.value, target, lang, errors, values));
}

/** Closes the dialog with a short message to the user. */
function closeWith(text: string) {
  return dialogClosedResponse(text);
}

function typedValues(data: Record<string, unknown>): DialogValues {
  const pick = (key: string) => (typeof data[key] === 'string' ? { [key]: data[key] as string } : {});
  return { ...pick('status'), ...pick('comment'), ...pick('due') };
}

function targetOf(data: Record<string, unknown>): CardTarget | null {
  const parsed = parseCardAction('comment', data);
  return parsed.ok ? parsed.value : null;
}

/** The root post of a thread from a conversation id `19:…;messageid=…`. */
function messageIdOf(conversationId: string): string | null {
  const match = /;messageid=(\d+)/u.exec(conversationId);
  return match?.[1] ?? null;
}

/** The dialog field a problem belongs under, as for Slack's modal. */
function fieldOf(problem: CommandProblem): DialogField | 'form' {
  switch (problem.code) {
    case 'comment_too_long':
    case 'comment_control_characters':
      return 'comment';
    case 'no_due_date':
    case 'checkpoint_required':
      return 'due';
    case 'not_allowed':
      return problem.action === 'due' ? 'due' : 'form';
    default:
      return 'form';
  }
}
