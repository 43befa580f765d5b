/** `/plan help`, an empty `/plan`, and every text that is not a command: usage, or what was wrong with the text. */
import { problemReply } from '../../../app/commands/reply.ts';
import { showHelp } from '../../../app/commands/show-help.ts';
import { answerCommand, planCommandOf, type PlanCommandHandler } from './plan-command.ts';

export const answerHelp: PlanCommandHandler = async (args, ctx) => {
  const parsed = planCommandOf(args.command);
  await answerCommand(args, ctx, async () => ({
    reply: parsed.ok ? showHelp(ctx.deps, args.command.user_id) : problemReply(parsed.error),
  }));
};
