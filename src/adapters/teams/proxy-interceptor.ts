/**
 * The office proxy for the Teams SDK's HTTP client (axios, SPEC §7.3): each
 * request gets the agent for its URL (a CONNECT tunnel, or none under
 * NO_PROXY), with axios's own proxy handling off.
 */
import type { Interceptor } from '@microsoft/teams.common';
import { axiosOptionsFor } from '../net/outbound-agent.ts';

/** An interceptor routing every request of an SDK client through the proxy the environment names. */
export function proxyInterceptor(env: Readonly<Record<string, string | undefined>> = process.env): Interceptor {
  return {
    request: ({ config }) => {
      let target: URL;
      try {
        target = new URL(config.url ?? '', config.baseURL ?? undefined);
      } catch {
        // Not a URL axios could send either: let axios report it.
        return config;
      }
      Object.assign(config, axiosOptionsFor(target, env));
      return config;
    },
  };
}
