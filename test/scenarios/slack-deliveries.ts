/**
 * What the fake Slack Web API was asked to post, read back as a person in
 * the channel would read it: the outbox key stamped in the metadata, the
 * day and time of the message ts (the fake stamps them from the virtual
 * clock), and each reminder line's kind and the milestone its buttons act on.
 */
import type { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import type { ReminderKind } from '../../src/domain/reminder.ts';
import { REMINDER_KINDS } from '../../src/domain/reminder.ts';
import type { LocalDate, YearMonth } from '../../src/domain/plan.ts';
import { wallClock } from '../../src/domain/zoned-time.ts';
import { translate } from '../../src/i18n/catalog.ts';

export interface PostedLine {
  kind: ReminderKind;
  milestoneId: string;
  checkpoint: YearMonth | null;
  /** The section's text: what the line says. */
  text: string;
  /** The block_id of the line's buttons. */
  blockId: string;
  /** The action ids of its buttons, e.g. `status_done`. */
  actions: string[];
}

export interface Posting {
  channel: string;
  /** The outbox key from the message metadata. */
  key: string;
  ok: boolean;
  /** Slack's error code when it refused the post. */
  error: string | null;
  ts: string | null;
  /** Tokyo day and time of `ts`. */
  day: LocalDate | null;
  time: string | null;
  text: string;
  blocks: unknown[];
}

interface Block {
  type?: string;
  block_id?: string;
  text?: { text?: string };
  elements?: { action_id?: string; value?: string }[];
}

const KIND_BY_LABEL = new Map(REMINDER_KINDS.map((kind) => [translate('ja', `kind.${kind}`), kind]));

/** Every chat.postMessage call in arrival order, with what Slack answered. */
export function postings(fake: FakeSlackApi, timeZone: string): Posting[] {
  return fake.callsTo('chat.postMessage').map((call) => {
    const response = call.response ?? {};
    const ok = response.ok === true;
    const ts = ok && typeof response.ts === 'string' ? response.ts : null;
    const at = ts === null ? null : wallClock(new Date(Number(ts) * 1000), timeZone);
    const metadata = call.params.metadata as { event_payload?: { key?: unknown } } | undefined;
    return {
      channel: String(call.params.channel),
      key: typeof metadata?.event_payload?.key === 'string' ? metadata.event_payload.key : '',
      ok,
      error: ok ? null : typeof response.error === 'string' ? response.error : `HTTP ${call.status}`,
      ts,
      day: at?.date ?? null,
      time: at?.time ?? null,
      text: typeof call.params.text === 'string' ? call.params.text : '',
      blocks: Array.isArray(call.params.blocks) ? (call.params.blocks as unknown[]) : [],
    };
  });
}

/**
 * The reminder lines of a message's blocks: each line is a section
 * `*【kind】id* title…` followed by its actions block, whose button value
 * names the milestone and checkpoint. A line whose buttons gave way to a
 * 完了 stamp has no actions any more and is left out.
 */
export function linesOf(blocks: readonly unknown[]): PostedLine[] {
  const lines: PostedLine[] = [];
  let pending: { kind: ReminderKind; id: string; text: string } | null = null;
  for (const block of blocks as Block[]) {
    const text = block.text?.text ?? '';
    const head = block.type === 'section' ? /^\*【([^】]+)】([^*]+)\*/u.exec(text) : null;
    if (head) {
      const kind = KIND_BY_LABEL.get(head[1]!);
      if (!kind) throw new Error(`unknown reminder kind label ${head[1]}`);
      pending = { kind, id: head[2]!, text };
      continue;
    }
    if (block.type === 'actions' && pending) {
      const value = JSON.parse(block.elements?.[0]?.value ?? '{}') as { m?: string; c?: string | null };
      if (value.m !== pending.id) throw new Error(`line ${pending.id} has the buttons of ${value.m}`);
      lines.push({
        kind: pending.kind,
        milestoneId: value.m,
        checkpoint: value.c ?? null,
        text: pending.text,
        blockId: block.block_id ?? '',
        actions: (block.elements ?? []).map((e) => e.action_id ?? ''),
      });
    }
    if (block.type !== 'context') pending = null;
  }
  return lines;
}

/** The N of a closing 「他 N 件」 section (lines that did not fit in the message), or 0. */
export function overflowOf(blocks: readonly unknown[]): number {
  for (const block of blocks as Block[]) {
    const match = block.type === 'section' ? /^他 (\d+) 件/u.exec(block.text?.text ?? '') : null;
    if (match) return Number(match[1]);
  }
  return 0;
}

/** Every text of the blocks, joined. */
export function blockText(blocks: readonly unknown[]): string {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'text' && typeof inner === 'string') texts.push(inner);
        else visit(inner);
      }
    }
  };
  visit(blocks);
  return texts.join('\n');
}
