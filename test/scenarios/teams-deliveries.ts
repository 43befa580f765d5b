/**
 * What the fake Bot Connector was asked to post, read back as a person in
 * the channel would read it (teams-deliveries is to Teams what
 * slack-deliveries.ts is to Slack): the outbox key carried in the card, the
 * day and time it arrived (the fake's virtual clock), and each reminder
 * line's kind and the milestone its buttons act on.
 */
import { outboxKeyOfCard } from '../../src/adapters/teams/outbox-card.ts';
import type { LocalDate, YearMonth } from '../../src/domain/plan.ts';
import { REMINDER_KINDS, type ReminderKind } from '../../src/domain/reminder.ts';
import { wallClock } from '../../src/domain/zoned-time.ts';
import { translate } from '../../src/i18n/catalog.ts';
import { findAll, type FakeTeams, type Json, type StoredActivity } from '../fakes/fake-teams/index.ts';


export interface CardLine {
  kind: ReminderKind;
  milestoneId: string;
  checkpoint: YearMonth | null;
  /** What the line says (its texts, joined). */
  text: string;
  /** Its Action.Execute status buttons. */
  buttons: { verb: string; data: Json }[];
}

export interface CardPosting {
  /** The conversation posted to (a channel). */
  channel: string;
  /** The outbox key carried in the card. */
  key: string;
  ok: boolean;
  /** The connector's HTTP status. */
  status: number;
  /** The activity as the channel holds it now (after updates); null when refused. */
  stored: StoredActivity | null;
  day: LocalDate;
  time: string;
}

/** The card an activity carries. */
export function cardOf(activity: Json): Json {
  const attachments = (activity.attachments ?? []) as { content?: Json }[];
  return attachments[0]?.content ?? {};
}

/** Every new post to a channel (not a reply in a thread) whose card carries an outbox key, in arrival order. */
export function cardPostings(fake: FakeTeams, timeZone: string): CardPosting[] {
  const out: CardPosting[] = [];
  for (const call of fake.connectorCalls) {
    if (call.method !== 'POST' || call.conversationId === null || call.conversationId.includes(';') || !call.path.endsWith('/activities')) continue;
    const key = outboxKeyOfCard(JSON.stringify(cardOf(call.body ?? {})));
    if (key === null) continue;
    const ok = call.status === 201;
    const stored = ok ? (fake.activitiesIn(call.conversationId).find((a) => outboxKeyOfCard(JSON.stringify(cardOf(a.activity))) === key) ?? null) : null;
    const at = wallClock(new Date(call.at), timeZone);
    out.push({ channel: call.conversationId, key, ok, status: call.status, stored, day: at.date, time: at.time });
  }
  return out;
}

const KIND_BY_LABEL = new Map(REMINDER_KINDS.map((kind) => [translate('ja', `kind.${kind}`), kind]));


/** The texts of a node's TextBlocks, joined. */
export function textsOf(node: unknown): string {
  return findAll(node, (o) => o.type === 'TextBlock' && typeof o.text === 'string')
    .map((o) => String(o.text))
    .join('\n');
}

/**
 * The reminder lines of a card: each a container whose first TextBlock is
 * `**【kind】id** title`, with its status buttons. A line whose buttons gave
 * way to a 完了 stamp has none any more and is left out.
 */
export function cardLines(card: Json): CardLine[] {
  const lines: CardLine[] = [];
  for (const item of (card.body ?? []) as Json[]) {
    if (item.type !== 'Container') continue;
    const head = /^\*\*【([^】]+)】([^*]+)\*\*/u.exec(String(((item.items ?? []) as Json[])[0]?.text ?? ''));
    if (!head) continue;
    const kind = KIND_BY_LABEL.get(head[1]!);
    if (!kind) throw new Error(`unknown reminder kind label ${head[1]}`);
    const buttons = findAll(item, (o) => o.type === 'Action.Execute').map((o) => ({ verb: String(o.verb), data: o.data as Json }));
    if (buttons.length === 0) continue;
    const { m, c } = buttons[0]!.data as { m: string; c: YearMonth | null };
    if (m !== head[2]!.replace(/\\/gu, '')) throw new Error(`line ${head[2]} has the buttons of ${m}`);
    lines.push({ kind, milestoneId: m, checkpoint: c ?? null, text: textsOf(item), buttons });
  }
  return lines;
}

/** The N of a closing 「他 N 件」 line (lines that did not fit in the card), or 0. */
export function cardOverflow(card: Json): number {
  for (const item of (card.body ?? []) as Json[]) {
    const match = item.type === 'TextBlock' ? /^他 (\d+) 件/u.exec(String(item.text ?? '')) : null;
    if (match) return Number(match[1]);
  }
  return 0;
}
