/** `/plan lang [en|ja]`: the language the bot answers this user in, kept in the database. */
import type { App } from '@slack/bolt';
import { setLanguage } from '../../../app/commands/set-language.ts';
import type { ListenerContext } from './listener-context.ts';
import { answerCommand, PLAN_COMMAND, planCommandKinds } from './plan-command.ts';

export function listenLangCommand(app: App, ctx: ListenerContext): void {
  app.command(PLAN_COMMAND, planCommandKinds('lang'), async (args) => {
    await answerCommand(args, ctx, async (command) => {
      if (command?.kind !== 'lang') throw new Error('lang listener got another command');
      const reply = await setLanguage(ctx.deps, args.command.user_id, command.lang);
      // The confirmation is already in the language just chosen.
      return reply.kind === 'lang' ? { reply, lang: reply.lang } : { reply };
    });
  });
}
