/** `/plan dashboard [link NAME [DAYS] | revoke ID]`: answered ephemerally, like every `/plan` answer, since a link is a key. */
import { dashboardCommand } from '../../../app/commands/dashboard-command.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerDashboard: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(args, ctx, async (command) => {
    if (command?.kind !== 'dashboard') throw new Error('dashboard handler got another command');
    return { reply: await dashboardCommand(ctx.deps, args.command.user_id, command.action) };
  });
};
