/**
 * Connections to Microsoft kept alive between requests, but never idle as
 * long as a server keeps them: Node's default agent drops an idle socket
 * after 5 s, the same as Node's (and many) servers' keep-alive timeout, so
 * a request could go out on a socket the server was closing at that moment
 * ("socket hang up", ECONNRESET). Ours closes idle sockets after 4 s,
 * before a 5 s server does. Proxied requests keep the proxy's agent.
 */
import http from 'node:http';
import https from 'node:https';
import type { Interceptor } from '@microsoft/teams.common';

/** Shorter than the common 5 s server keep-alive timeout. */
export const IDLE_SOCKET_MS = 4_000;

const httpAgent = new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
const httpsAgent = new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });

/** An interceptor giving each request of an SDK client the idle-limited agents, unless another (the proxy's) is set. */
export function idleAgentInterceptor(): Interceptor {
  return {
    request: ({ config }) => {
      config.httpAgent ??= httpAgent;
      config.httpsAgent ??= httpsAgent;
      return config;
    },
  };
}
