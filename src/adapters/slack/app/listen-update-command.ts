/** `/plan update ID [MONTH] STATUS [COMMENT]` (and `/plan 完了 ID …`): owners, deputies and coordinators record a status. */
import type { App } from '@slack/bolt';
import { updateStatus } from '../../../app/commands/update-status.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, PLAN_COMMAND, planCommandKinds } from './plan-command.ts';

export function listenUpdateCommand(app: App, ctx: ListenerContext): void {
  app.command(PLAN_COMMAND, planCommandKinds('update'), async (args) => {
    await answerCommand(
      args,
      ctx,
      async (command) => {
        if (command?.kind !== 'update') throw new Error('update listener got another command');
        return { reply: await updateStatus(ctx.deps, args.command.user_id, command, 'slash') };
      },
      { change: true },
    );
  });
}
