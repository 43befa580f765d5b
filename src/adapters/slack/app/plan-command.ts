/**
 * The `/plan` command as Bolt sees it: one slash command whose text names the
 * sub-command. Each command family registers its own `app.command('/plan')`
 * listener behind a filter that lets through only its kinds, so a family's
 * code lives in one file and the families never share a handler.
 */
import type { AllMiddlewareArgs, Middleware, RespondFn, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Command, CommandKind, ParseProblem } from '../../../app/commands/command.ts';
import { parseCommand } from '../../../app/commands/parse-command.ts';
import type { Reply } from '../../../app/commands/reply.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import type { Result } from '../../../domain/result.ts';
import { translator, type Lang } from '../../../i18n/catalog.ts';
import type { SlackMessage } from '../render-reminder.ts';
import { renderReply, type RenderOptions } from '../render-reply.ts';
import type { ListenerContext } from './listener-context.ts';

export const PLAN_COMMAND = '/plan';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

// Every family's filter reads the same text; parse it once per request.
const parsed = new WeakMap<object, Result<Command, ParseProblem>>();

/** The parsed command of a request (memoised per request body). */
export function planCommandOf(body: { text: string }): Result<Command, ParseProblem> {
  let result = parsed.get(body);
  if (result === undefined) {
    result = parseCommand(body.text ?? '');
    parsed.set(body, result);
  }
  return result;
}

/** A listener filter that passes `/plan` requests whose command is one of `kinds` (`problem`: text that did not parse). */
export function planCommandKinds(...kinds: (CommandKind | 'problem')[]): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, next }) => {
    const result = planCommandOf(command);
    if (kinds.includes(result.ok ? result.value.kind : 'problem')) await next();
  };
}

/**
 * Acknowledges at once, then does `work` and answers through `respond`,
 * ephemerally, in the user's language (SPEC §5: "every reply is acknowledged
 * well within Slack's 3-second limit; slow work continues after ack()").
 * A failure answers a short apology and is logged; it never goes unanswered.
 */
export async function answerCommand(
  args: CommandArgs,
  ctx: ListenerContext,
  work: (command: Command | null) => Promise<{ reply: Reply; lang?: Lang }>,
  options: RenderOptions = {},
): Promise<void> {
  await args.ack();
  const userId = args.command.user_id;
  let lang: Lang = ctx.deps.defaultLang;
  try {
    lang = await languageOf(ctx.deps, userId);
    const result = planCommandOf(args.command);
    const { reply, lang: replyLang } = await work(result.ok ? result.value : null);
    await sendEphemeral(args.respond, renderReply(reply, replyLang ?? lang, options));
  } catch (error) {
    ctx.logger.error({ err: error instanceof Error ? error.message : String(error), user: userId, text: args.command.text }, '/plan failed');
    const t = translator(lang);
    await sendEphemeral(args.respond, { text: t('plan.problem.internal'), blocks: [] }).catch(() => undefined);
  }
}

async function sendEphemeral(respond: RespondFn, message: SlackMessage): Promise<void> {
  await respond({ response_type: 'ephemeral', text: message.text, ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}) });
}
