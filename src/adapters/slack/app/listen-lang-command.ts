/** `/plan lang [en|ja]`: the language the bot answers this user in, kept in the database. */
import { setLanguage } from '../../../app/commands/set-language.ts';
import { answerCommand, type PlanCommandHandler } from './plan-command.ts';

export const answerLang: PlanCommandHandler = async (args, ctx) => {
  await answerCommand(args, ctx, async (command) => {
    if (command?.kind !== 'lang') throw new Error('lang handler got another command');
    const reply = await setLanguage(ctx.deps, args.command.user_id, command.lang);
    // The confirmation is already in the language just chosen.
    return reply.kind === 'lang' ? { reply, lang: reply.lang } : { reply };
  });
};
