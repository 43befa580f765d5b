/**
 * Building blocks for the reply renderers: escaped text that may carry user
 * mentions, cut to Block Kit's limits without splitting an entity or a
 * mention, and the few block shapes the replies use.
 */
import type { types } from '@slack/bolt';
import type { WallClock } from '../../domain/zoned-time.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';

// Mentions travel through the catalogue's templates as placeholders, so the
// template and its other parameters are escaped while the mention is not.
// Control characters never survive into stored text (comments refuse them).
const MARK = '\u0001';
const PLACEHOLDER = /\u0001([UW][A-Z0-9]+)\u0001/gu;
const USER_ID = /^[UW][A-Z0-9]{2,}$/u;
const CHANNEL_MARK = '\u0002';
const CHANNEL_PLACEHOLDER = /\u0002([CG][A-Z0-9]+)\u0002/gu;
/** Channels are links (`<#C…>`) only when they look like ids, so no text can smuggle markup in. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/u;

/** A chat user id as a mention placeholder; anything else (a CLI operator's name) stays text. */
export function actorToken(actor: string): string {
  return USER_ID.test(actor) ? `${MARK}${actor}${MARK}` : actor;
}

/** A channel id as a link placeholder; anything else (a name typed into the directory) stays text. */
export function channelToken(channel: string): string {
  return CHANNEL_ID.test(channel) ? `${CHANNEL_MARK}${channel}${CHANNEL_MARK}` : channel;
}

/** Escapes text for mrkdwn, turning actorToken and channelToken placeholders into real mentions and links. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(PLACEHOLDER, '<@$1>').replace(CHANNEL_PLACEHOLDER, '<#$1>');
}

/** Plain text for plain_text fields and notification fallbacks: placeholders become the bare id. */
export function toPlain(text: string): string {
  return text.replace(PLACEHOLDER, '$1').replace(CHANNEL_PLACEHOLDER, '$1');
}

/**
 * Escaped mrkdwn cut to `max` characters, ending in `…` when cut. Never cuts
 * inside `&amp;`, `&lt;`, `&gt;` or `<@U…>`, which would show as garbage.
 */
export function fitMrkdwn(mrkdwn: string, max: number = BLOCK_KIT_LIMITS.sectionText): string {
  if (mrkdwn.length <= max) return mrkdwn;
  let cut = max - 1;
  const entity = mrkdwn.lastIndexOf('&', cut);
  if (entity !== -1 && entity > cut - 5 && mrkdwn.indexOf(';', entity) >= cut) cut = entity;
  const mention = mrkdwn.lastIndexOf('<', cut);
  if (mention !== -1 && mrkdwn.indexOf('>', mention) >= cut) cut = mention;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/u.test(mrkdwn[cut - 1] ?? '')) cut--;
  return `${mrkdwn.slice(0, cut)}…`;
}

/** A mrkdwn section, cut to the section limit. */
export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: fitMrkdwn(mrkdwn) } };
}

/** A header; plain text is never parsed for mentions, so it needs no escaping. */
export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(toPlain(text), BLOCK_KIT_LIMITS.headerText), emoji: false } };
}

/** A context block of mrkdwn lines (at most 10 elements, each cut like a section). */
export function context(...mrkdwn: string[]): types.ContextBlock {
  return { type: 'context', elements: mrkdwn.slice(0, 10).map((text) => ({ type: 'mrkdwn', text: fitMrkdwn(text) })) };
}

export const DIVIDER: types.DividerBlock = { type: 'divider' };

/** `令和2年7月22日(水) · 2020-07-22 10:03`. */
export function formatWallClock(at: WallClock, lang: Lang): string {
  return `${formatDate(at.date, lang)} ${at.time}`;
}

/** Plan text (titles, division names) cut before escaping, so a line stays far inside a section. */
export const MAX_TITLE = 300;
export const MAX_NAME = 100;
export const MAX_COMMENT_SHOWN = 1000;
