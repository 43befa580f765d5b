/**
 * The channels' messages as the fake keeps them: chat.postMessage,
 * chat.update and conversations.history, with Slack's paging and its rule
 * that metadata comes back only when asked for.
 */
import { checkBlocks } from './check-blocks.ts';
import { isTruthy } from './read-request.ts';
import { createTsSource, parseTs } from './slack-ts.ts';

export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown;
  metadata?: unknown;
  thread_ts?: string;
  user: string;
  bot_id: string;
  /** How many times chat.update changed it. */
  edits: number;
}

type Params = Record<string, unknown>;
type Body = Record<string, unknown>;

export class MessageStore {
  readonly #byChannel = new Map<string, FakeSlackMessage[]>();
  readonly #nextTs: () => string;
  readonly #author: { user: string; botId: string };

  constructor(nowMs: () => number, author: { user: string; botId: string }) {
    this.#nextTs = createTsSource(nowMs);
    this.#author = author;
  }

  list(channel: string): FakeSlackMessage[] {
    return [...(this.#byChannel.get(channel) ?? [])];
  }

  all(): FakeSlackMessage[] {
    return [...this.#byChannel.values()].flat().sort((a, b) => compareTs(a.ts, b.ts));
  }

  clear(): void {
    this.#byChannel.clear();
  }

  post(p: Params): Body {
    const channel = stringParam(p.channel);
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (!stringParam(p.text) && p.blocks === undefined) return { ok: false, error: 'no_text' };
    if (stringParam(p.text).length > 40_000) return { ok: false, error: 'msg_too_long' };
    const blocksError = checkBlocks(p.blocks);
    if (blocksError) return { ok: false, error: blocksError };
    const message: FakeSlackMessage = {
      channel,
      ts: this.#nextTs(),
      user: this.#author.user,
      bot_id: this.#author.botId,
      edits: 0,
      ...(p.text === undefined ? {} : { text: stringParam(p.text) }),
      ...(p.blocks === undefined ? {} : { blocks: p.blocks }),
      ...(p.metadata === undefined ? {} : { metadata: p.metadata }),
      ...(typeof p.thread_ts === 'string' ? { thread_ts: p.thread_ts } : {}),
    };
    const list = this.#byChannel.get(channel) ?? [];
    list.push(message);
    this.#byChannel.set(channel, list);
    return { channel, ts: message.ts, message: wireMessage(message, true) };
  }

  update(p: Params): Body {
    const channel = stringParam(p.channel);
    const message = (this.#byChannel.get(channel) ?? []).find((m) => m.ts === p.ts);
    if (!message) return { ok: false, error: 'message_not_found' };
    const blocksError = checkBlocks(p.blocks);
    if (blocksError) return { ok: false, error: blocksError };
    if (p.text !== undefined) message.text = stringParam(p.text);
    if (p.blocks !== undefined) message.blocks = p.blocks;
    if (p.metadata !== undefined) message.metadata = p.metadata;
    message.edits += 1;
    return { channel, ts: message.ts, text: message.text ?? '', message: wireMessage(message, true) };
  }

  /** Newest first, between `oldest` and `latest`, thread replies left out, metadata only when asked for. */
  history(p: Params): Body {
    const oldest = parseTs(p.oldest);
    const latest = parseTs(p.latest);
    const inclusive = isTruthy(p.inclusive);
    const withMetadata = isTruthy(p.include_all_metadata);
    const inRange = (this.#byChannel.get(stringParam(p.channel)) ?? []).filter((m) => {
      const ts = parseTs(m.ts) ?? 0n;
      const afterOldest = oldest === null || (inclusive ? ts >= oldest : ts > oldest);
      const beforeLatest = latest === null || (inclusive ? ts <= latest : ts < latest);
      return afterOldest && beforeLatest && m.thread_ts === undefined;
    });
    const newestFirst = inRange.sort((a, b) => compareTs(b.ts, a.ts)).map((m) => wireMessage(m, withMetadata));
    const { page, nextCursor } = paginate(newestFirst, p);
    return { messages: page, has_more: nextCursor !== '', pin_count: 0, response_metadata: { next_cursor: nextCursor } };
  }
}

function wireMessage(m: FakeSlackMessage, withMetadata: boolean): Body {
  return {
    type: 'message',
    ts: m.ts,
    user: m.user,
    bot_id: m.bot_id,
    text: m.text ?? '',
    ...(m.blocks === undefined ? {} : { blocks: m.blocks }),
    ...(withMetadata && m.metadata !== undefined ? { metadata: m.metadata } : {}),
    ...(m.edits > 0 ? { edited: { user: m.user, ts: m.ts } } : {}),
  };
}

/** Cursor paging as Slack does it: an opaque cursor, `limit` per page (default 100, at most 1,000). */
export function paginate<T>(items: readonly T[], p: Params): { page: T[]; nextCursor: string } {
  const limit = Math.min(1000, Math.max(1, Number(p.limit) || 100));
  const cursor = stringParam(p.cursor);
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^offset:/u, '')) || 0 : 0;
  const end = start + limit;
  return { page: items.slice(start, end), nextCursor: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : '' };
}

function compareTs(a: string, b: string): number {
  const [x, y] = [parseTs(a) ?? 0n, parseTs(b) ?? 0n];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function stringParam(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
