/** The App Home tab (issue 5, item 6): published whenever a user opens it, so it always shows the current state. */
import type { App } from '@slack/bolt';
import type { ListenerContext } from './listener-context.ts';
import { publishHome } from './publish-home.ts';

export function listenAppHome(app: App, ctx: ListenerContext): void {
  app.event('app_home_opened', async ({ event, client }) => {
    // The Messages tab opens this event too; only the Home tab has a view to publish.
    if (event.tab !== 'home') return;
    await publishHome(client, ctx, event.user);
  });
}
