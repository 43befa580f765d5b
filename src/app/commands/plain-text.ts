/**
 * Command text as the person meant it. With `should_escape`, Slack sends what
 * was typed with `&`, `<`, `>` as entities and wraps mentions and links in
 * `<…>`; a stored comment should read `@channel`, `@tanaka` or a link's label,
 * not Slack's markup. (The renderers escape it again on the way out, so
 * nothing typed here can ping or link anyone.)
 */

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/** `<!channel>` → `@channel`, `<@U1|tanaka>` → `@tanaka`, `<#C1|general>` → `#general`, `<https://x|x>` → `x (https://x)`, entities → characters. */
export function decodeChatText(text: string): string {
  return text
    .replace(/<([^<>]*)>/gu, (_, inner: string) => markupText(inner))
    .replace(/&(amp|lt|gt);/gu, (entity) => ENTITIES[entity] ?? entity);
}

function markupText(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('!')) {
    // `<!subteam^S123|@team>` carries its handle as the label; `<!here>` does not.
    if (label !== undefined) return label.startsWith('@') ? label : `@${label}`;
    return `@${target.slice(1).split('^')[0]}`;
  }
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  return label === undefined || label === target ? target : `${label} (${target})`;
}
