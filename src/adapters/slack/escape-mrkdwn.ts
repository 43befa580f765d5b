/**
 * Escapes text for Slack mrkdwn (SPEC §5: "all user text and plan text put
 * into mrkdwn is escaped"). Slack reads `<…>` as a link, a mention or a
 * broadcast (`<!channel>`), and `&` starts an entity, so these three are the
 * only characters that let foreign text do something. `*`, `_` and `~` merely
 * style text and Slack offers no escape for them, so they stay.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/gu, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
