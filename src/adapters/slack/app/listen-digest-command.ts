/** `/plan digest` (a preview for anyone) and `/plan digest post [replace]` (coordinators: post now). */
import { digestCommand } from '../../../app/commands/digest-command.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerDigest: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(args, ctx, async (command) => {
    if (command?.kind !== 'digest') throw new Error('digest handler got another command');
    const user = args.command.user_id;
    return { reply: await digestCommand(ctx.deps, user, command, await languageOf(ctx.deps, user)) };
  });
};
