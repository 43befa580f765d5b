/** `/plan owner DIVISION …`: coordinators change the directory; anyone may look an entry up. */
import type { App } from '@slack/bolt';
import { changeOwner } from '../../../app/commands/change-owner.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, PLAN_COMMAND, planCommandKinds, planCommandOf } from './plan-command.ts';

export function listenOwnerCommand(app: App, ctx: ListenerContext): void {
  app.command(PLAN_COMMAND, planCommandKinds('owner'), async (args) => {
    const parsed = planCommandOf(args.command);
    const changing = parsed.ok && parsed.value.kind === 'owner' && (parsed.value.channel !== null || parsed.value.users !== null || parsed.value.channelMembers !== null);
    await answerCommand(
      args,
      ctx,
      async (command) => {
        if (command?.kind !== 'owner') throw new Error('owner listener got another command');
        return { reply: await changeOwner(ctx.deps, args.command.user_id, command) };
      },
      { change: changing },
    );
  });
}
