/**
 * The Teams adapter's parts from the settings, for the composition root:
 * the endpoints, the bot's token source, the notifier for the outbox
 * dispatcher, the pacing of Teams' limits, and a starter for the app.
 */
import type { Kysely } from 'kysely';
import { TEAMS_CONVERSATION_WINDOWS, TEAMS_TENANT_WINDOW, windowPacer, type ChannelPacer } from '../../app/channel-pacer.ts';
import type { CommandDeps } from '../../app/commands/ports.ts';
import type { Notifier } from '../../app/ports.ts';
import type { OutboxAdmin } from '../../app/outbox-port.ts';
import type { TeamsSettings } from '../../config.ts';
import type { Problem, Result } from '../../domain/result.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { Database } from '../db/schema.ts';
import { createTeamsConversationStore, type TeamsConversationStore } from '../db/teams-conversation-store.ts';
import { createBotTokenSource, type BotTokenSource } from './bot-token-source.ts';
import { createGraphLookup } from './find-delivered-in-graph.ts';
import { outboxKeyOfCard, renderOutboxCard } from './outbox-card.ts';
import { outboundAgentFor } from '../net/outbound-agent.ts';
import type { ProxyEnv } from '../net/find-proxy.ts';
import { idleAgentInterceptor } from './idle-agent.ts';
import { proxyInterceptor } from './proxy-interceptor.ts';
import { toSdkLogger, type TeamsLogger } from './sdk-logger.ts';
import { startTeamsApp, type RunningTeamsApp } from './start-teams-app.ts';
import { teamsEndpointsOf, type TeamsEndpoints } from './teams-endpoints.ts';
import { createTeamsNotifier } from './teams-notifier.ts';
import type { DigestChartRenderer } from '../charts/render-png.ts';

export interface TeamsParts {
  endpoints: TeamsEndpoints;
  tokens: BotTokenSource;
  conversations: TeamsConversationStore;
  notifier: Notifier;
  pacer: ChannelPacer;
  start(deps: Omit<CommandDeps, 'members'>, channelLang: Lang, outbox: Pick<OutboxAdmin, 'byKey'>): Promise<Result<RunningTeamsApp, Problem>>;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** A channel's service URL and group, read once a minute rather than once a card. */
const CHANNEL_MEMORY_MS = 60_000;

/** Builds the parts; nothing connects until start() or a send. */
export function composeTeams(settings: TeamsSettings, db: Kysely<Database>, logger: TeamsLogger, proxy: ProxyEnv = process.env, chart?: DigestChartRenderer): TeamsParts {
  const endpoints = teamsEndpointsOf(settings);
  // Every outbound connection (token endpoint, Graph, Bot Connector) honours HTTPS_PROXY / NO_PROXY (SPEC §7.3).
  const agentFor = (url: string) => outboundAgentFor(url, proxy);
  // Idle sockets closed before the server's keep-alive timeout; the proxy's agent wins where there is one.
  const interceptors = [idleAgentInterceptor(), proxyInterceptor(proxy)];
  const tokens = createBotTokenSource({ tokenUrl: endpoints.tokenUrl, clientId: settings.appId, clientSecret: settings.appPassword, agentFor });
  const conversations = createTeamsConversationStore(db, { rememberChannelsMs: CHANNEL_MEMORY_MS });
  const findDelivered = createGraphLookup({
    graphUrl: endpoints.graphUrl,
    graphScope: endpoints.graphScope,
    appId: settings.appId,
    token: (scope) => tokens.token(scope),
    groupOf: async (channel) => (await conversations.channel(channel))?.aadGroupId ?? null,
    keyOfCard: outboxKeyOfCard,
    agentFor,
    logger,
  });
  const notifier = createTeamsNotifier({
    http: { token: () => tokens.token(endpoints.botScope), logger: toSdkLogger(logger, 'teams-notifier'), timeout: REQUEST_TIMEOUT_MS, interceptors },
    defaultServiceUrl: endpoints.serviceUrl,
    serviceUrlOf: async (conversationId) => (await conversations.channel(conversationId))?.serviceUrl || null,
    render: (message) => renderOutboxCard(message, chart),
    findDelivered,
    logger,
  });
  return {
    endpoints,
    tokens,
    conversations,
    notifier,
    // Each conversation's windows, and the app's 50 per second in the tenant over all of them.
    pacer: windowPacer(TEAMS_CONVERSATION_WINDOWS, { allChannels: TEAMS_TENANT_WINDOW }),
    start: (deps, channelLang, outbox) =>
      startTeamsApp({ appId: settings.appId, tenantId: settings.tenantId, endpoints, tokens, port: settings.port, deps, conversations, outbox, channelLang, logger, interceptors, agentFor }),
  };
}
