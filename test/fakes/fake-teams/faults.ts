/**
 * Scripted failures of the fake connector's activity operations (send,
 * reply, update, create conversation): an HTTP status with Teams' error body,
 * or a dropped connection before or after the activity was stored.
 */

export type ConnectorFault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: unknown }
  | { kind: 'drop'; after: boolean };

export interface FailNextOptions {
  status: number;
  /** Sent as the `Retry-After` header (seconds). */
  retryAfterSeconds?: number;
  /** The JSON body; default Teams' `{ error: { code, message } }` for the status. */
  body?: unknown;
  /** How many operations fail; default 1. */
  count?: number;
}

export class FaultQueue {
  readonly #queues = new Map<string, ConnectorFault[]>();

  /** `target` is a conversation id (without `;messageid=`) or '*' for any conversation. */
  push(target: string, fault: ConnectorFault, count: number): void {
    const queue = this.#queues.get(target) ?? [];
    for (let i = 0; i < count; i += 1) queue.push(fault);
    this.#queues.set(target, queue);
  }

  /** The next fault for an operation on `conversationId`: its own first, then '*'. */
  take(conversationId: string): ConnectorFault | undefined {
    return this.#queues.get(conversationId)?.shift() ?? this.#queues.get('*')?.shift();
  }

  clear(): void {
    this.#queues.clear();
  }
}

/** The error body Teams answers with for each status the fake scripts. */
export function defaultFaultBody(status: number): { error: { code: string; message: string } } {
  const known: Record<number, [string, string]> = {
    400: ['BadArgument', 'Bad request.'],
    401: ['Unauthorized', 'Authorization has been denied for this request.'],
    403: ['BotNotInConversationRoster', 'The bot is not part of the conversation roster.'],
    404: ['ConversationNotFound', 'Conversation not found.'],
    412: ['PreconditionFailed', 'Precondition failed, please try again.'],
    413: ['MessageSizeTooBig', 'Message size too big.'],
    429: ['TooManyRequests', 'Too many requests.'],
    500: ['InternalServerError', 'Internal server error.'],
    502: ['BadGateway', 'Bad gateway.'],
    503: ['ServiceUnavailable', 'Service unavailable.'],
    504: ['GatewayTimeout', 'Gateway timeout.'],
  };
  const [code, message] = known[status] ?? ['ServiceError', `HTTP ${status}`];
  return { error: { code, message } };
}
