/**
 * One HTTP request with a JSON (or form) body and a JSON answer, on node:http
 * so that an agent (the office proxy's CONNECT tunnel, SPEC §7.3) can carry
 * it. Used for the bot's own calls outside the SDK: the token endpoint and Graph.
 */
import http from 'node:http';
import https from 'node:https';

export interface JsonRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** Sent as is. */
  body?: string;
  /** The agent for this URL (a proxy tunnel), else a direct connection. */
  agent?: http.Agent;
  timeoutMs?: number;
}

export interface JsonResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The parsed body, or the raw text when it is not JSON. */
  body: unknown;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** An answer larger than this is cut off: nothing we ask for comes near it. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Sends `request`; rejects only on network errors and timeouts (every HTTP status resolves). */
export function requestJson(request: JsonRequest): Promise<JsonResponse> {
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: request.method,
        headers: { accept: 'application/json', ...request.headers, ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }) },
        ...(request.agent ? { agent: request.agent } : {}),
        timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parseBody(text) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${request.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
