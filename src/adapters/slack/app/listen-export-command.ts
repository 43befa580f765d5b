/** `/plan export`: the progress report workbook, sent to the asker's DM. */
import { exportReport } from '../../../app/commands/export-report.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerExport: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(args, ctx, async (command) => {
    if (command?.kind !== 'export') throw new Error('export handler got another command');
    const user = args.command.user_id;
    return { reply: await exportReport(ctx.deps, user, await languageOf(ctx.deps, user)) };
  });
};
