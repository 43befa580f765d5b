/**
 * The Teams app (issue 14): the SDK's App serving POST /api/messages on
 * PORT, every request's bearer token verified by the SDK (signature against
 * TEAMS_OPENID_METADATA_URL's keys, issuer, audience = TEAMS_APP_ID,
 * `serviceurl` claim), with the command listener and the rest.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@microsoft/teams.apps';
import type { Interceptor } from '@microsoft/teams.common';
import type { CommandDeps } from '../../app/commands/ports.ts';
import { fail, ok, type Problem, type Result } from '../../domain/result.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import type { TeamsConversationStore } from '../db/teams-conversation-store.ts';
import type { BotTokenSource } from './bot-token-source.ts';
import { createTeamsChannelMembers } from './channel-members.ts';
import { createSdkApp } from './create-sdk-app.ts';
import type { OutboxAdmin } from '../../app/outbox-port.ts';
import { listenCardActions } from './listen-card-actions.ts';
import { listenDialogs } from './listen-dialogs.ts';
import { listenInstalls } from './listen-installs.ts';
import { sendHome } from './send-home.ts';
import { fetchSigningKeysThrough, signingKeysUrlOf } from './signing-keys-through-proxy.ts';
import { createUserNames } from './user-names.ts';
import { listenMessages } from './listen-messages.ts';
import type { TeamsLogger } from './sdk-logger.ts';
import type { TeamsContext } from './teams-context.ts';
import type { TeamsEndpoints } from './teams-endpoints.ts';

export interface TeamsAppOptions {
  appId: string;
  tenantId: string;
  endpoints: TeamsEndpoints;
  tokens: BotTokenSource;
  port: number;
  /** The use cases' dependencies; channel membership comes from the connector. */
  deps: Omit<CommandDeps, 'members'>;
  conversations: TeamsConversationStore;
  /** Where a clicked card's message is found again, to stamp it in place. */
  outbox: Pick<OutboxAdmin, 'byKey'>;
  channelLang: Lang;
  logger: TeamsLogger;
  interceptors?: Interceptor[];
  /** The proxy's agent for a URL (undefined: direct), for the SDK's own signing-key fetch. */
  agentFor?: (url: string) => http.Agent | undefined;
}

export interface RunningTeamsApp {
  /** The port listened on (the real one when PORT was 0). */
  port: number;
  /** The SDK app, for the notifier's proactive sends. */
  app: App;
  stop(): Promise<void>;
}

/**
 * Builds and starts the app. A secret the token endpoint refuses, or a port
 * in use, is a Problem that says what to fix, not a crash.
 */
export async function startTeamsApp(options: TeamsAppOptions): Promise<Result<RunningTeamsApp, Problem>> {
  const t = translator(options.channelLang);
  try {
    // The bot's own token first: a wrong secret or tenant fails here, at start, rather than on the first answer.
    await options.tokens.token(options.endpoints.botScope);
  } catch (error) {
    return fail({ code: 'teams_auth', message: t('teams.start.tokenRefused', { reason: error instanceof Error ? error.message : String(error) }) });
  }
  const { app, server } = createSdkApp({
    appId: options.appId,
    tenantId: options.tenantId,
    endpoints: options.endpoints,
    tokens: options.tokens,
    logger: options.logger,
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
  });
  const names = createUserNames();
  const ctx: TeamsContext = {
    deps: { ...options.deps, members: createTeamsChannelMembers((id) => app.api.conversations.members(id).get(), { logger: options.logger }) },
    channelLang: options.channelLang,
    logger: options.logger,
    names,
  };
  const shelf = options.deps.shelf;
  const refresh = { outbox: options.outbox, statuses: options.deps.statuses, ...(shelf && { statusesOf: (key: string) => shelf.open(key).statuses }), timeZone: options.deps.timeZone };
  const clicks = { ...ctx, names, refresh };
  listenMessages(app, ctx);
  listenCardActions(app, clicks);
  listenDialogs(app, clicks);
  listenInstalls(app, {
    conversations: options.conversations,
    logger: options.logger,
    now: () => options.deps.clock.now(),
    // The personal chat is the home: shown when a user adds the app.
    onPersonalInstall: (conversationId, userId) => sendHome(app.api, conversationId, userId, ctx),
  });
  app.event('error', ({ error }) => options.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'teams app error'));
  await app.initialize();
  // The SDK fetches the keys that verify activities on its own, without an agent: behind a proxy, give it ours.
  const keysUrl = signingKeysUrlOf(options.endpoints.cloud.openIdMetadataUrl);
  const keysAgent = options.agentFor?.(keysUrl);
  if (keysAgent) fetchSigningKeysThrough(app, keysUrl, keysAgent, options.logger);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    return fail({ code: 'teams_port', message: t('teams.start.portInUse', { port: options.port, reason: error instanceof Error ? error.message : String(error) }) });
  }
  const port = (server.address() as AddressInfo).port;
  options.logger.info({ port }, 'teams app listening on /api/messages');
  return ok({
    port,
    app,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
