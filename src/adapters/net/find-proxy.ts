/**
 * Which proxy, if any, an outbound connection to a URL goes through, from the
 * standard variables: HTTPS_PROXY for https and wss targets, HTTP_PROXY for
 * http and ws, ALL_PROXY as a fallback, NO_PROXY for exceptions (upper or
 * lower case; proxy-from-env's rules, the ones curl and most tools follow).
 */
import { getProxyForUrl } from 'proxy-from-env';

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/**
 * The proxy URL for `target`, or null for a direct connection.
 *
 * WebSocket URLs are asked as their HTTP counterparts: the Socket Mode URL is
 * wss://, and nobody sets WSS_PROXY.
 */
export function findProxy(target: string | URL, env: ProxyEnv = process.env): string | null {
  const url = new URL(target);
  if (url.protocol === 'wss:') url.protocol = 'https:';
  else if (url.protocol === 'ws:') url.protocol = 'http:';
  const proxy = readingEnv(env, () => getProxyForUrl(url));
  return proxy === '' ? null : proxy;
}

/**
 * proxy-from-env reads process.env only; settings come in as a parameter here
 * (tests, doctor with another .env). The swap is synchronous, so nothing else
 * runs while process.env is replaced.
 */
function readingEnv<T>(env: ProxyEnv, read: () => T): T {
  if (env === process.env) return read();
  const saved = process.env;
  process.env = { ...env };
  try {
    return read();
  } finally {
    process.env = saved;
  }
}
