/**
 * undici side of the proxy, for the Slack SDK: its WebClient calls `fetch`
 * and its Socket Mode WebSocket is undici's, so both take an undici
 * dispatcher rather than a node:http Agent. ProxyAgent tunnels with CONNECT
 * (proxyTunnel is on by default, http targets included), so the proxy
 * resolves names, as with outbound-agent.ts.
 *
 * undici is the peer dependency @slack/socket-mode requires; using the same
 * copy keeps fetch, WebSocket and dispatcher from two different versions apart.
 */
import { Agent, type Dispatcher, fetch as undiciFetch, ProxyAgent } from 'undici';
import { findProxy, type ProxyEnv } from './find-proxy.ts';

const proxyAgents = new Map<string, ProxyAgent>();
let directAgent: Agent | undefined;

/** The undici dispatcher for connections to `target`: through the proxy, or direct. */
export function outboundDispatcherFor(target: string | URL, env: ProxyEnv = process.env): Dispatcher {
  const proxy = findProxy(target, env);
  if (proxy === null) return (directAgent ??= new Agent());
  let agent = proxyAgents.get(proxy);
  if (agent === undefined) {
    agent = new ProxyAgent(proxy);
    proxyAgents.set(proxy, agent);
  }
  return agent;
}

/**
 * A dispatcher that picks the route per request origin, for a client that
 * takes one dispatcher for several hosts (Socket Mode: the Web API, then the
 * wss:// URL Slack hands out). Only `dispatch` is used by undici's fetch and
 * WebSocket, and it is all @slack/socket-mode asks for.
 */
export function createOutboundDispatcher(env: ProxyEnv = process.env): { dispatch: Dispatcher['dispatch'] } {
  return {
    dispatch: (options, handler) => outboundDispatcherFor(String(options.origin), env).dispatch(options, handler),
  };
}

export type OutboundFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/** A fetch (WebClientOptions.fetch) whose every request follows the proxy settings in `env`. */
export function createOutboundFetch(env: ProxyEnv = process.env): OutboundFetch {
  return async (url, init) => {
    const body = await portableBody(init);
    // undici's own Request/Response types differ from the DOM ones in name only.
    const response = await undiciFetch(url, { ...(init as Parameters<typeof undiciFetch>[1]), ...body, dispatcher: outboundDispatcherFor(url, env) });
    return response as unknown as Response;
  };
}

/**
 * Node's own FormData (the Slack SDK builds one for a file upload) is not
 * the FormData class of the undici package this fetch comes from, which
 * would send it as the text "[object FormData]". Such a body is encoded
 * here with Node's own Response, boundary and content type included.
 */
async function portableBody(init: RequestInit | undefined): Promise<{ body?: Uint8Array; headers?: Record<string, string> }> {
  if (!init || !(init.body instanceof globalThis.FormData)) return {};
  const encoded = new Response(init.body);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  headers['content-type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
  return { body: new Uint8Array(await encoded.arrayBuffer()), headers };
}
