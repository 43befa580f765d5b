/** `/plan update ID [MONTH] STATUS [COMMENT]` (and `/plan 完了 ID …`): owners, deputies and coordinators record a status. */
import { updateStatus } from '../../../app/commands/update-status.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerUpdate: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(
    args,
    ctx,
    async (command) => {
      if (command?.kind !== 'update') throw new Error('update handler got another command');
      return { reply: await updateStatus(ctx.deps, args.command.user_id, command, 'slash') };
    },
    { change: true },
  );
};
