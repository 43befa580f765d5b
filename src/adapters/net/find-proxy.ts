/**
 * Which proxy, if any, an outbound connection to a URL goes through, from the
 * standard variables: HTTPS_PROXY for https and wss targets, HTTP_PROXY for
 * http and ws, ALL_PROXY as a fallback, NO_PROXY for exceptions (upper or
 * lower case; proxy-from-env's rules, the ones curl and most tools follow).
 */
import { getProxyForUrl } from 'proxy-from-env';

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

const PROXY_VARIABLE = /^(https?|all|no)_proxy$/i;

/** The proxy variables of an environment (either case), and nothing else: what Config keeps. */
export function pickProxyEnv(env: ProxyEnv): ProxyEnv {
  return Object.freeze(Object.fromEntries(Object.entries(env).filter(([name, value]) => PROXY_VARIABLE.test(name) && value !== undefined && value.trim() !== '')));
}

/**
 * The proxy variables whose value is no proxy URL (`http://proxy.example.lg.jp:8080`;
 * a value without a scheme is taken as http://, as curl does). NO_PROXY is a list, not a URL.
 */
export function badProxyVariables(env: ProxyEnv): string[] {
  return Object.entries(pickProxyEnv(env))
    .filter(([name]) => !/^no_proxy$/i.test(name))
    .filter(([, value]) => !isProxyUrl(value ?? ''))
    .map(([name]) => name);
}

function isProxyUrl(value: string): boolean {
  try {
    const url = new URL(value.includes('://') ? value : `http://${value}`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

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
 * (Config, tests). The swap is synchronous, so nothing else runs while
 * process.env is replaced. A proxy without a scheme is http:// (curl's rule):
 * proxy-from-env would take the target's, and speak TLS to a plain proxy.
 */
function readingEnv<T>(env: ProxyEnv, read: () => T): T {
  const proxies = Object.fromEntries(
    Object.entries(pickProxyEnv(env)).map(([name, value = '']) => [name, /^no_proxy$/i.test(name) || value.includes('://') ? value : `http://${value}`]),
  );
  const saved = process.env;
  process.env = proxies;
  try {
    return read();
  } finally {
    process.env = saved;
  }
}
