/**
 * What went wrong on the way to a server, read from the error a fetch (undici)
 * client throws: a proxy that refused the tunnel, a name nobody could resolve,
 * a connection that failed, a certificate nobody trusts. A person fixes each
 * differently, and none of them by copying a token again.
 */
export type NetworkFailure =
  | { kind: 'proxy_refused'; status: number }
  | { kind: 'name_not_resolved'; host: string }
  | { kind: 'connect_failed'; code: string }
  | { kind: 'tls_untrusted'; code: string }
  | { kind: 'other'; message: string };

/** Node's and undici's codes for a connection that could not be made or was lost. */
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT']);

/** OpenSSL's codes for a certificate chain that does not lead to a trusted CA (an office proxy's own, typically). */
const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const PROXY_STATUS = /Proxy response \((\d{3})\)/;

/**
 * The network failure behind `error` (a Slack WebClient request error, a
 * fetch TypeError, or their causes), or null when the server itself answered
 * (a Slack error code, an HTTP status): that is not a network problem.
 */
export function networkFailureOf(error: unknown): NetworkFailure | null {
  const chain = causesOf(error);
  if (chain.some((e) => hasField(e, 'data') || hasField(e, 'statusCode'))) return null;
  if (!chain.some((e) => codeOf(e) === 'slack_webapi_request_error' || (e instanceof TypeError && e.message === 'fetch failed'))) return null;
  for (const e of chain) {
    const message = e instanceof Error ? e.message : '';
    const status = PROXY_STATUS.exec(message)?.[1];
    if (status !== undefined) return { kind: 'proxy_refused', status: Number(status) };
    const code = codeOf(e);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'name_not_resolved', host: stringField(e, 'hostname') ?? '' };
    if (typeof code === 'string' && TLS_CODES.has(code)) return { kind: 'tls_untrusted', code };
    if (typeof code === 'string' && CONNECT_CODES.has(code)) return { kind: 'connect_failed', code };
  }
  const innermost = chain[chain.length - 1];
  return { kind: 'other', message: innermost instanceof Error ? innermost.message : String(innermost) };
}

/** The error, what it wraps (`original`: Slack's SDK) and what caused it (`cause`), outermost first. */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length < 10; ) {
    chain.push(e);
    e = typeof e === 'object' ? ((e as { original?: unknown }).original ?? (e as { cause?: unknown }).cause) : undefined;
  }
  return chain;
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function hasField(error: unknown, field: string): boolean {
  return typeof error === 'object' && error !== null && (error as Record<string, unknown>)[field] !== undefined;
}

function stringField(error: unknown, field: string): string | undefined {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A proxy URL fit to print: scheme, host and port, never the user and password it may carry. */
export function showProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return '(HTTPS_PROXY)';
  }
}
