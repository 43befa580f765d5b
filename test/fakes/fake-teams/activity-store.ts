/**
 * Every activity the bot sent through the fake connector, per conversation,
 * with its update history. Ids come from the world (epoch-ms strings, as
 * Teams' message ids are).
 */

export interface StoredRevision {
  /** Epoch ms (the fake's clock). */
  at: number;
  activity: Record<string, unknown>;
}

export interface StoredActivity {
  id: string;
  /** The conversation without `;messageid=…`: the channel or personal chat. */
  conversationId: string;
  /** The root post this is a reply to (channel threads); null for a root post or a personal message. */
  replyToId: string | null;
  /** The activity as it stands now (after updates). */
  activity: Record<string, unknown>;
  /** The first version and every update, oldest first. */
  history: StoredRevision[];
  createdAt: number;
  updatedAt: number | null;
}

export class ActivityStore {
  readonly #byConversation = new Map<string, StoredActivity[]>();
  readonly #all: StoredActivity[] = [];
  readonly #nextId: (nowMs: number) => string;
  readonly #onAdd: ((stored: StoredActivity) => void) | undefined;

  constructor(nextId: (nowMs: number) => string, onAdd?: (stored: StoredActivity) => void) {
    this.#nextId = nextId;
    this.#onAdd = onAdd;
  }

  add(conversationId: string, replyToId: string | null, activity: Record<string, unknown>, at: number): StoredActivity {
    const id = this.#nextId(at);
    const stored: StoredActivity = { id, conversationId, replyToId, activity: { ...activity, id }, history: [{ at, activity: { ...activity, id } }], createdAt: at, updatedAt: null };
    const list = this.#byConversation.get(conversationId) ?? [];
    list.push(stored);
    this.#byConversation.set(conversationId, list);
    this.#all.push(stored);
    this.#onAdd?.(stored);
    return stored;
  }

  find(conversationId: string, id: string): StoredActivity | undefined {
    return this.#byConversation.get(conversationId)?.find((a) => a.id === id);
  }

  update(stored: StoredActivity, activity: Record<string, unknown>, at: number): void {
    stored.activity = { ...activity, id: stored.id };
    stored.history.push({ at, activity: stored.activity });
    stored.updatedAt = at;
  }

  /** The conversation's activities, oldest first (roots and replies). */
  list(conversationId: string): StoredActivity[] {
    return [...(this.#byConversation.get(conversationId) ?? [])];
  }

  all(): StoredActivity[] {
    return [...this.#all];
  }

  clear(): void {
    this.#byConversation.clear();
    this.#all.length = 0;
  }
}
