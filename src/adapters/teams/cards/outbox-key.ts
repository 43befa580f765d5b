/**
 * The outbox key carried in a card (issue 14, item 8): Teams has no message
 * metadata, so the key rides in the id of the card's first container, a
 * plain element id that every Adaptive Card version keeps and Teams stores
 * with the message. Microsoft Graph returns a message's attachment content
 * as a JSON string; outboxKeyOfCard reads the key back from it.
 */
const PREFIX = 'shinchoku-outbox:';

/** The id of the container that carries `key`. */
export function outboxKeyId(key: string): string {
  return `${PREFIX}${key}`;
}

/** The outbox key of a card given as Graph returns it (a JSON string), or null when it carries none. */
export function outboxKeyOfCard(content: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const body = (parsed as { body?: unknown }).body;
  if (!Array.isArray(body)) return null;
  const first: unknown = body[0];
  if (typeof first !== 'object' || first === null) return null;
  const id = (first as { id?: unknown }).id;
  return typeof id === 'string' && id.startsWith(PREFIX) && id.length > PREFIX.length ? id.slice(PREFIX.length) : null;
}
