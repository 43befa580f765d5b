/** `/plan due ID [CHECKPOINT] MONTH [REASON]`: coordinators move a due month. */
import type { App } from '@slack/bolt';
import { reviseDue } from '../../../app/commands/revise-due.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, PLAN_COMMAND, planCommandKinds } from './plan-command.ts';

export function listenDueCommand(app: App, ctx: ListenerContext): void {
  app.command(PLAN_COMMAND, planCommandKinds('due'), async (args) => {
    await answerCommand(
      args,
      ctx,
      async (command) => {
        if (command?.kind !== 'due') throw new Error('due listener got another command');
        return { reply: await reviseDue(ctx.deps, args.command.user_id, command, 'slash') };
      },
      { change: true },
    );
  });
}
