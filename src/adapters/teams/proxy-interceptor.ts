/**
 * The office proxy for the Teams SDK's HTTP client (axios, SPEC §7.3): each
 * request gets the agent for its URL (a CONNECT tunnel, or none under
 * NO_PROXY), with axios's own proxy handling off.
 */
import type { Interceptor } from '@microsoft/teams.common';
import { axiosOptionsFor, type AxiosTransportOptions } from '../net/outbound-agent.ts';

/**
 * An interceptor routing every request of an SDK client through the proxy the
 * environment names. The environment is read once per origin (scheme, host,
 * port: all NO_PROXY looks at), not once per request: the bot posts to the
 * same few Bot Connector origins all day (scripts/bench/teams-fan-out.ts).
 */
export function proxyInterceptor(env: Readonly<Record<string, string | undefined>> = process.env): Interceptor {
  const byOrigin = new Map<string, AxiosTransportOptions>();
  return {
    request: ({ config }) => {
      let target: URL;
      try {
        target = new URL(config.url ?? '', config.baseURL ?? undefined);
      } catch {
        // Not a URL axios could send either: let axios report it.
        return config;
      }
      let options = byOrigin.get(target.origin);
      if (options === undefined) {
        options = axiosOptionsFor(target, env);
        // An opaque origin ('null': not http(s)) is not a key for anything.
        if (target.origin !== 'null') byOrigin.set(target.origin, options);
      }
      Object.assign(config, options);
      return config;
    },
  };
}
