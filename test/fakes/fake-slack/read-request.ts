/**
 * Reads a Web API request the way Slack does: parameters from the query
 * string and from a form-encoded or JSON body, the token from
 * `Authorization: Bearer` or from a `token` parameter.
 */
import type { IncomingMessage } from 'node:http';

export interface ApiRequest {
  params: Record<string, unknown>;
  token: string | null;
}

// Parameters that carry JSON inside a form field (the Node SDK sends objects this way).
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

export async function readApiRequest(req: IncomingMessage, query: URLSearchParams): Promise<ApiRequest> {
  const raw = await readBody(req);
  const params: Record<string, unknown> = Object.fromEntries(query);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (raw.length > 0) Object.assign(params, type === 'application/json' ? parseJsonObject(raw) : Object.fromEntries(new URLSearchParams(raw)));
  for (const field of JSON_FIELDS) {
    const value = params[field];
    if (typeof value === 'string') params[field] = parseJsonOr(value);
  }
  const bearer = /^Bearer\s+(\S+)$/iu.exec(req.headers.authorization ?? '')?.[1];
  const token = bearer ?? (typeof params.token === 'string' && params.token !== '' ? params.token : null);
  delete params.token;
  return { params, token };
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A JSON or form body as an object, for response_url POSTs. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if ((contentType ?? '').toLowerCase().startsWith('application/json')) return parseJsonOr(raw);
  return Object.fromEntries(new URLSearchParams(raw));
}

function parseJsonObject(raw: string): Record<string, unknown> {
  const value = parseJsonOr(raw);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

// A field that is not valid JSON stays a string, so the handler can report it.
function parseJsonOr(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** Slack reads `true`, `1` and the JSON boolean as true. */
export function isTruthy(value: unknown): boolean {
  return value === true || value === 'true' || value === '1' || value === 1;
}
