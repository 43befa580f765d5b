/** `/plan owner DIVISION …`: coordinators change the directory; anyone may look an entry up. */
import { changeOwner } from '../../../app/commands/change-owner.ts';
import { answerCommand, planCommandOf, type PlanCommandHandler } from './plan-command.ts';

export const answerOwner: PlanCommandHandler = async (args, ctx) => {
  const parsed = planCommandOf(args.command);
  const changing = parsed.ok && parsed.value.kind === 'owner' && (parsed.value.channel !== null || parsed.value.users !== null || parsed.value.channelMembers !== null);
  await answerCommand(
    args,
    ctx,
    async (command) => {
      if (command?.kind !== 'owner') throw new Error('owner handler got another command');
      return { reply: await changeOwner(ctx.deps, args.command.user_id, command) };
    },
    { change: changing },
  );
};
