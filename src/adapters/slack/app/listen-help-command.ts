/** `/plan help`, an empty `/plan`, and every text that is not a command: usage, or what was wrong with the text. */
import type { App } from '@slack/bolt';
import { problemReply } from '../../../app/commands/reply.ts';
import { showHelp } from '../../../app/commands/show-help.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, PLAN_COMMAND, planCommandKinds, planCommandOf } from './plan-command.ts';

export function listenHelpCommand(app: App, ctx: ListenerContext): void {
  app.command(PLAN_COMMAND, planCommandKinds('help', 'problem'), async (args) => {
    const parsed = planCommandOf(args.command);
    await answerCommand(args, ctx, async () => ({
      reply: parsed.ok ? showHelp(ctx.deps, args.command.user_id) : problemReply(parsed.error),
    }));
  });
}
