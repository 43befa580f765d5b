/**
 * The Teams SDK's App, every option given explicitly (SPEC §7.2). The SDK
 * falls back to environment variables for options left out (CLIENT_ID,
 * CLIENT_SECRET, TENANT_ID, SERVICE_URL, CLOUD,
 * DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS, MANAGED_IDENTITY_CLIENT_ID,
 * PORT); with all of them passed, none of those variables changes anything.
 * The one place that knows the SDK's option names, which change between releases.
 */
import http from 'node:http';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import type { Interceptor } from '@microsoft/teams.common';
import type { BotTokenSource } from './bot-token-source.ts';
import { toSdkLogger, type TeamsLogger } from './sdk-logger.ts';
import type { TeamsEndpoints } from './teams-endpoints.ts';

export const MESSAGING_ENDPOINT = '/api/messages';

/** Bot Connector calls that take longer fail (the dispatcher retries them). */
const REQUEST_TIMEOUT_MS = 30_000;

export interface SdkAppOptions {
  appId: string;
  tenantId: string;
  endpoints: TeamsEndpoints;
  tokens: BotTokenSource;
  logger: TeamsLogger;
  /** Extra interceptors for the SDK's HTTP client (the proxy's agent). */
  interceptors?: Interceptor[];
}

/** The SDK app and the HTTP server it will serve POST /api/messages on (not listening yet). */
export function createSdkApp(options: SdkAppOptions): { app: App; server: http.Server } {
  const logger = toSdkLogger(options.logger);
  const server = http.createServer();
  const app = new App({
    clientId: options.appId,
    // Empty, not absent: absent would read CLIENT_SECRET and switch the SDK to its own MSAL path.
    clientSecret: '',
    tenantId: options.tenantId,
    // Our client-credentials request (bot-token-source.ts) for both the bot and the Graph scope.
    token: (scope) => options.tokens.token(Array.isArray(scope) ? String(scope[0]) : scope),
    managedIdentityClientId: options.appId,
    cloud: options.endpoints.cloud,
    serviceUrl: options.endpoints.serviceUrl,
    dangerouslyAllowUnauthenticatedRequests: false,
    skipAuth: false,
    messagingEndpoint: MESSAGING_ENDPOINT,
    // Teams' user sign-in is not used: never look up a user token per activity.
    oauth: { fetchUserToken: false },
    logger,
    client: { logger, timeout: REQUEST_TIMEOUT_MS, ...(options.interceptors ? { interceptors: options.interceptors } : {}) },
    httpServerAdapter: new ExpressAdapter(server, { logger }),
  });
  return { app, server };
}
