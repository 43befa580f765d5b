/**
 * Connections to Microsoft kept alive between requests, but never idle as
 * long as a server keeps them: Node's default agent drops an idle socket
 * after 5 s, the same as Node's (and many) servers' keep-alive timeout, so
 * a request could go out on a socket the server was closing at that moment
 * ("socket hang up", ECONNRESET). Ours closes idle sockets after 4 s,
 * before a 5 s server does. Proxied requests keep the proxy's agent.
 *
 * Nor does the SDK's client follow redirects: the Bot Connector answers its
 * calls directly, a redirect would carry the bot's token to another address,
 * and the redirect wrapper (follow-redirects) cost a few percent of the Teams
 * fan-out's time (scripts/bench/teams-fan-out.ts). A 3xx is an unfamiliar
 * answer like any other (classify-teams-error.ts).
 */
import http from 'node:http';
import https from 'node:https';
import type { Interceptor } from '@microsoft/teams.common';

/** Shorter than the common 5 s server keep-alive timeout. */
export const IDLE_SOCKET_MS = 4_000;

/**
 * axios sets each request's socket to probe a silent peer after 60 s; an
 * agent at its default (1 s) set it back on release, two system calls per
 * request that the Teams fan-out's profile showed as the bot's costliest
 * line (scripts/bench/teams-fan-out.ts). Agreeing on 60 s makes both no-ops.
 */
const AXIOS_KEEP_ALIVE_PROBE_MS = 60_000;

const httpAgent = new http.Agent({ keepAlive: true, keepAliveMsecs: AXIOS_KEEP_ALIVE_PROBE_MS, timeout: IDLE_SOCKET_MS });
const httpsAgent = new https.Agent({ keepAlive: true, keepAliveMsecs: AXIOS_KEEP_ALIVE_PROBE_MS, timeout: IDLE_SOCKET_MS });

/** An interceptor giving each request of an SDK client the idle-limited agents, unless another (the proxy's) is set, and no redirects. */
export function idleAgentInterceptor(): Interceptor {
  return {
    request: ({ config }) => {
      config.httpAgent ??= httpAgent;
      config.httpsAgent ??= httpsAgent;
      config.maxRedirects = 0;
      return config;
    },
  };
}
