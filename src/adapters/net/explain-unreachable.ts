// What to tell a person whose Slack connection failed on the way (see network-failure.ts).
import type { Translate } from '../../i18n/catalog.ts';
import { redactTokens } from '../log/redact-tokens.ts';
import { findProxy, type ProxyEnv } from './find-proxy.ts';
import { type NetworkFailure, showProxy } from './network-failure.ts';

/** WebClient's default base URL, for saying where a connection tried to go. */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

/**
 * Slack could not be asked: one line saying which way the connection went
 * (direct, or which proxy — never its password) and what failed, and the fix
 * for that kind of failure. `doctor` and the bot's start both say it.
 */
export function explainUnreachable(failure: NetworkFailure, slackApiUrl: string, proxyEnv: ProxyEnv, t: Translate): { line: string; fix: string } {
  const apiUrl = new URL(slackApiUrl);
  const proxy = findProxy(apiUrl, proxyEnv);
  const route = proxy === null ? t('net.routeDirect') : t('net.routeProxy', { proxy: showProxy(proxy) });
  const reason = (() => {
    switch (failure.kind) {
      case 'proxy_refused':
        return t('net.reasonProxyRefused', { status: failure.status });
      case 'name_not_resolved':
        return t('net.reasonNameNotResolved', { host: failure.host || apiUrl.hostname });
      case 'connect_failed':
        return t('net.reasonConnectFailed', { code: failure.code });
      case 'tls_untrusted':
        return t('net.reasonTlsUntrusted', { code: failure.code });
      case 'other':
        return t('net.reasonOther', { message: redactTokens(failure.message) });
    }
  })();
  const fix = (() => {
    switch (failure.kind) {
      case 'proxy_refused':
        return failure.status === 407 ? t('net.fixProxyAuth') : t('net.fixProxyPolicy', { host: apiUrl.hostname });
      case 'name_not_resolved':
      case 'connect_failed':
        return proxy === null ? (failure.kind === 'name_not_resolved' ? t('net.fixSetProxy') : t('net.fixFirewall')) : t('net.fixProxyAddress');
      case 'tls_untrusted':
        return t('net.fixExtraCa');
      case 'other':
        return t('net.fixCheckNetwork');
    }
  })();
  return { line: t('net.slackUnreachable', { host: apiUrl.host, route, reason }), fix };
}
