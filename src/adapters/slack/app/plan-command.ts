/**
 * The `/plan` command as Bolt sees it: one slash command whose text names the
 * sub-command. One listener routes each request by its parsed kind to the
 * handler of its command family, so a family's code lives in one file and
 * the families never share a handler.
 */
import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
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

export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

// The router and the handlers read the same text; parse it once per request.
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

/** Answers one `/plan` request of the kinds it is routed (see listenPlanCommand). */
export type PlanCommandHandler = (args: CommandArgs, ctx: ListenerContext) => Promise<void>;

/** Which handler answers each command kind; `problem`: text that did not parse. Every kind must have one. */
export type PlanCommandRoutes = Readonly<Record<CommandKind | 'problem', PlanCommandHandler>>;

/**
 * The one `/plan` listener: parses the text once and hands the request to
 * the handler of its kind. One listener rather than one per family behind
 * a filter: Bolt runs every listener's middleware for every request, and
 * seven of them took a third of the bot's time per command.
 */
export function listenPlanCommand(app: App, ctx: ListenerContext, routes: PlanCommandRoutes): void {
  app.command(PLAN_COMMAND, async (args) => {
    const parsed = planCommandOf(args.command);
    await routes[parsed.ok ? parsed.value.kind : 'problem'](args, ctx);
  });
}

/**
 * How long a command may work before its acknowledgement goes out without
 * the answer. Slack waits 3 seconds for the acknowledgement; the rest is for
 * the network between Slack and the bot.
 */
export const ANSWER_IN_ACK_WITHIN_MS = 1500;

/**
 * Does `work` and answers ephemerally in the user's language (SPEC §5:
 * "every reply is acknowledged well within Slack's 3-second limit; slow work
 * continues after ack()"). An answer ready within `ctx.answerInAckWithinMs`
 * goes out in the acknowledgement itself, as Slack allows, sparing the user
 * a second round trip; slower work is acknowledged at that moment and
 * answered through `respond` when done. A failure answers a short apology
 * and is logged; it never goes unanswered.
 */
export async function answerCommand(
  args: CommandArgs,
  ctx: ListenerContext,
  work: (command: Command | null) => Promise<{ reply: Reply; lang?: Lang }>,
  options: RenderOptions = {},
): Promise<void> {
  const answer = answerOf(args, ctx, work, options);
  const early = await within(answer, ctx.answerInAckWithinMs ?? ANSWER_IN_ACK_WITHIN_MS);
  if (early) {
    await args.ack(ephemeral(early));
    return;
  }
  await args.ack();
  await args.respond(ephemeral(await answer)).catch((error: unknown) => {
    ctx.logger.error({ err: error instanceof Error ? error.message : String(error), user: args.command.user_id }, '/plan answer not delivered');
  });
}

/** The rendered answer, or the apology when the work fails; never rejects. */
async function answerOf(
  args: CommandArgs,
  ctx: ListenerContext,
  work: (command: Command | null) => Promise<{ reply: Reply; lang?: Lang }>,
  options: RenderOptions,
): Promise<SlackMessage> {
  const userId = args.command.user_id;
  let lang: Lang = ctx.deps.defaultLang;
  try {
    lang = await languageOf(ctx.deps, userId);
    const result = planCommandOf(args.command);
    const { reply, lang: replyLang } = await work(result.ok ? result.value : null);
    return renderReply(reply, replyLang ?? lang, options);
  } catch (error) {
    ctx.logger.error({ err: error instanceof Error ? error.message : String(error), user: userId, text: args.command.text }, '/plan failed');
    return { text: translator(lang)('plan.problem.internal'), blocks: [] };
  }
}

/** `promise`'s value if it settles within `ms`, else null (it keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function ephemeral(message: SlackMessage) {
  return { response_type: 'ephemeral' as const, text: message.text, ...(message.blocks.length > 0 ? { blocks: message.blocks } : {}) };
}
