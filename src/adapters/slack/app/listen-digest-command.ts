/** `/plan digest` (a preview for anyone) and `/plan digest post [replace]` (coordinators: post now). */
import type { App } from '@slack/bolt';
import { digestCommand } from '../../../app/commands/digest-command.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, PLAN_COMMAND, planCommandKinds } from './plan-command.ts';

export function listenDigestCommand(app: App, ctx: ListenerContext): void {
  app.command(PLAN_COMMAND, planCommandKinds('digest'), async (args) => {
    await answerCommand(args, ctx, async (command) => {
      if (command?.kind !== 'digest') throw new Error('digest listener got another command');
      const user = args.command.user_id;
      return { reply: await digestCommand(ctx.deps, user, command, await languageOf(ctx.deps, user)) };
    });
  });
}
