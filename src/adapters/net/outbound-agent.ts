/**
 * Node http.Agent side of the proxy (for clients built on node:http, such as
 * axios in the Teams SDK): an https-proxy-agent tunnel for every proxied
 * target, https and http alike. A CONNECT tunnel leaves name resolution to the
 * proxy, which an office network without outside DNS needs.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { findProxy, type ProxyEnv } from './find-proxy.ts';

/** One agent per proxy URL, so connections to the proxy are reused. */
const agents = new Map<string, HttpsProxyAgent<string>>();

/** The agent for connections to `target`, or undefined to connect directly. */
export function outboundAgentFor(target: string | URL, env: ProxyEnv = process.env): Agent | undefined {
  const proxy = findProxy(target, env);
  if (proxy === null) return undefined;
  let agent = agents.get(proxy);
  if (agent === undefined) {
    agent = new HttpsProxyAgent(proxy, { keepAlive: true });
    agents.set(proxy, agent);
  }
  return agent;
}

export interface AxiosTransportOptions {
  /** axios's own proxy support sends plain requests to the proxy (no CONNECT): always off. */
  proxy: false;
  httpAgent?: Agent;
  httpsAgent?: Agent;
}

/**
 * The options an axios client needs so that its requests to `target` (a base
 * URL such as https://smba.trafficmanager.net/ or https://graph.microsoft.com/)
 * go through the proxy. Spread them into `axios.create({...})`.
 */
export function axiosOptionsFor(target: string | URL, env: ProxyEnv = process.env): AxiosTransportOptions {
  const agent = outboundAgentFor(target, env);
  return agent === undefined ? { proxy: false } : { proxy: false, httpAgent: agent, httpsAgent: agent };
}
