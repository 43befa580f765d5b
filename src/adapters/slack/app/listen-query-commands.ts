/** `/plan status …`, `/plan mine`, `/plan history …`: the queries anyone may run (SPEC §5). */
import { showHistory } from '../../../app/commands/show-history.ts';
import { showList } from '../../../app/commands/show-list.ts';
import { showMilestone } from '../../../app/commands/show-milestone.ts';
import { showOverview } from '../../../app/commands/show-overview.ts';
import type { Reply } from '../../../app/commands/reply.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerQuery: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(args, ctx, async (command): Promise<{ reply: Reply }> => {
    const user = args.command.user_id;
    switch (command?.kind) {
      case 'milestone':
        return { reply: await showMilestone(ctx.deps, command.id, command.plan) };
      case 'list':
        return { reply: await showList(ctx.deps, user, command.target, command.page, command.plan) };
      case 'history':
        return { reply: await showHistory(ctx.deps, command.id, command.page, command.plan) };
      default:
        return { reply: await showOverview(ctx.deps, command?.kind === 'overview' ? command.plan : undefined) };
    }
  });
};
