/**
 * The command a Teams message carries (SPEC §7.2): in a channel only a
 * message that @mentions the bot is for it; the mention is taken out and
 * the rest reads as the text after `/plan` in Slack.
 */

/** The parts of an incoming message activity this reads. */
export interface MentionedMessage {
  text?: string;
  recipient: { id: string };
  entities?: ReadonlyArray<{ type?: string; mentioned?: { id?: string; name?: string }; text?: string | null }>;
}

/** Whether the message @mentions the bot (the activity's recipient). */
export function mentionsBot(activity: MentionedMessage): boolean {
  return (activity.entities ?? []).some((entity) => entity.type === 'mention' && entity.mentioned?.id === activity.recipient.id);
}

/**
 * The command text: the bot's `<at>…</at>` mentions removed, Teams' HTML
 * spaces and entities undone, and a leading `/plan` (as Slack users type it)
 * dropped.
 */
export function commandTextOf(activity: MentionedMessage): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention' || entity.mentioned?.id !== activity.recipient.id || !entity.text) continue;
    text = text.split(entity.text).join(' ');
  }
  const plain = decodeEntities(text.replace(/<\/?at>/gu, ''));
  return plain.replace(/^\s*\/plan(?=\s|$)/u, '').trim();
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(nbsp|amp|lt|gt|quot|apos|#\d{1,6});/gu, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}
