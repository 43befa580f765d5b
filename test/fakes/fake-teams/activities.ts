/**
 * What Teams POSTs to a bot, built as Teams builds it: installation and
 * conversation updates, messages (personal or channel, with an optional
 * `<at>` mention of the bot), Adaptive Card `Action.Execute` invokes and
 * dialog (`task/fetch`, `task/submit`) invokes.
 */
import type { FakeMember, TeamsWorld } from './world.ts';

export interface ActivityContext {
  world: TeamsWorld;
  appId: string;
  botName: string;
  tenantId: string;
  serviceUrl: () => string;
  nowMs: () => number;
}

/** Where an activity happens: a channel of a team (optionally in a thread), or the member's personal chat. */
export interface Where {
  /** The team; with it the activity is in a channel (General unless channelId is given). */
  teamId?: string;
  channelId?: string;
  /** The root post of the thread; by default a message starts a new thread. */
  replyToId?: string;
}

export type Activity = Record<string, unknown>;

export class ActivityBuilder {
  readonly #ctx: ActivityContext;

  constructor(ctx: ActivityContext) {
    this.#ctx = ctx;
  }

  /** The bot as Teams names it in `recipient` and in mentions. */
  get bot(): { id: string; name: string } {
    return { id: `28:${this.#ctx.appId}`, name: this.#ctx.botName };
  }

  /** The app was added to a team (`teamId`) or to a member's personal scope. */
  installationUpdate(options: { by: FakeMember; teamId?: string; action?: 'add' | 'remove' }): Activity {
    const where = options.teamId === undefined ? {} : { teamId: options.teamId, thread: false };
    return { ...this.#base(options.by, where, this.#nextId()), type: 'installationUpdate', action: options.action ?? 'add' };
  }

  /**
   * The bot (by default) was added to a team: what Teams sends beside
   * installationUpdate. Other events name theirs: `channelCreated`,
   * `channelRenamed`, `channelDeleted` (with `channelId`), `teamMemberRemoved`…
   */
  conversationUpdate(options: { by: FakeMember; teamId: string; membersAdded?: { id: string }[]; eventType?: string; channelId?: string }): Activity {
    const where = { teamId: options.teamId, thread: false, ...(options.channelId === undefined ? {} : { channelId: options.channelId }) };
    const base = this.#base(options.by, where, this.#nextId());
    const eventType = options.eventType ?? 'teamMemberAdded';
    const channelData = { ...(base.channelData as Record<string, unknown>), eventType };
    const members = eventType === 'teamMemberAdded' ? { membersAdded: options.membersAdded ?? [{ id: this.bot.id }] } : {};
    return { ...base, type: 'conversationUpdate', ...members, channelData };
  }

  /** A message; `mention: true` puts `<at>bot</at>` before the text with its mention entity. */
  message(options: Where & { from: FakeMember; text: string; mention?: boolean }): Activity {
    const id = this.#nextId();
    const base = this.#base(options.from, options, id);
    const at = `<at>${this.#ctx.botName}</at>`;
    const text = options.mention ? `${at} ${options.text}` : options.text;
    const entities = [...(base.entities as unknown[]), ...(options.mention ? [{ type: 'mention', text: at, mentioned: { id: this.bot.id, name: this.#ctx.botName } }] : [])];
    return { ...base, type: 'message', text, textFormat: 'plain', attachments: [], entities, ...(options.replyToId ? { replyToId: options.replyToId } : {}) };
  }

  /** A click on an `Action.Execute` button of the card posted as `cardActivityId`. */
  cardAction(options: Where & { from: FakeMember; verb: string; data?: Record<string, unknown>; cardActivityId: string }): Activity {
    const where = { ...options, replyToId: options.replyToId ?? options.cardActivityId };
    return { ...this.#invoke(options.from, where, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: options.verb, data: options.data ?? {} }, trigger: 'manual' }), replyToId: options.cardActivityId };
  }

  /** Opening a dialog from a card button (`msteams: { type: 'task/fetch' }`). */
  taskFetch(options: Where & { from: FakeMember; data?: Record<string, unknown>; cardActivityId?: string }): Activity {
    const where = { ...options, replyToId: options.replyToId ?? options.cardActivityId };
    return this.#invoke(options.from, where, 'task/fetch', { data: { ...options.data, type: 'task/fetch' }, context: { theme: 'default' } });
  }

  /** Submitting a dialog's form: `data` is the form's values (and the submit action's data). */
  taskSubmit(options: Where & { from: FakeMember; data: Record<string, unknown>; cardActivityId?: string }): Activity {
    const where = { ...options, replyToId: options.replyToId ?? options.cardActivityId };
    return this.#invoke(options.from, where, 'task/submit', { data: options.data, context: { theme: 'default' } });
  }

  #invoke(from: FakeMember, where: Where, name: string, value: Record<string, unknown>): Activity {
    return { ...this.#base(from, where, this.#nextId()), type: 'invoke', name, value };
  }

  /** Fields every activity carries, and the conversation and channelData of where it happens. */
  #base(from: FakeMember, where: Where & { thread?: boolean }, id: string): Activity {
    const { tenantId } = this.#ctx;
    const now = new Date(this.#ctx.nowMs());
    const common = {
      id,
      timestamp: now.toISOString(),
      localTimestamp: now.toISOString().replace('Z', '+09:00'),
      serviceUrl: this.#ctx.serviceUrl(),
      channelId: 'msteams',
      from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
      recipient: this.bot,
      locale: 'ja-JP',
      entities: [{ type: 'clientInfo', locale: 'ja-JP', country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' }],
    };
    if (where.teamId === undefined) {
      const chat = this.#ctx.world.personalChat(from);
      return { ...common, conversation: { conversationType: 'personal', tenantId, id: chat.id }, channelData: { tenant: { id: tenantId } } };
    }
    const team = this.#ctx.world.team(where.teamId);
    const channelId = where.channelId ?? team.id;
    const channel = team.channels.find((c) => c.id === channelId);
    if (!channel) throw new Error(`FakeTeams: team ${team.id} has no channel ${channelId}`);
    // Team events name the channel itself; messages and invokes name their thread.
    const conversationId = where.thread === false ? channelId : `${channelId};messageid=${where.replyToId ?? id}`;
    return {
      ...common,
      conversation: { isGroup: true, conversationType: 'channel', tenantId, id: conversationId },
      channelData: {
        teamsChannelId: channelId,
        teamsTeamId: team.id,
        channel: channel.name === undefined ? { id: channelId } : { id: channelId, name: channel.name },
        team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
        tenant: { id: tenantId },
        settings: { selectedChannel: { id: channelId } },
      },
    };
  }

  #nextId(): string {
    return this.#ctx.world.nextMessageId(this.#ctx.nowMs());
  }
}
