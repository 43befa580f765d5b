/** `/plan due ID [CHECKPOINT] MONTH [REASON]`: coordinators move a due month. */
import { reviseDue } from '../../../app/commands/revise-due.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerDue: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(
    args,
    ctx,
    async (command) => {
      if (command?.kind !== 'due') throw new Error('due handler got another command');
      return { reply: await reviseDue(ctx.deps, args.command.user_id, command, 'slash') };
    },
    { change: true },
  );
};
