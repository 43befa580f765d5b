/** Publishes a user's App Home tab (views.publish), optionally with a notice on top. */
import type { webApi } from '@slack/bolt';
import { buildHome } from '../../../app/build-home.ts';
import { languageOf } from '../../../app/commands/set-language.ts';
import { renderHome } from '../render-home.ts';
import type { ListenerContext } from './listener-context.ts';

export async function publishHome(client: webApi.WebClient, ctx: ListenerContext, userId: string, notice: string[] = []): Promise<void> {
  const [model, lang] = await Promise.all([buildHome(ctx.deps, userId), languageOf(ctx.deps, userId)]);
  await client.views.publish({ user_id: userId, view: renderHome(model, lang, notice) });
}
