/** A division's directory entry, shown or just changed by `/plan owner`. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { truncate } from './block-kit-limits.ts';
import { actorToken, MAX_NAME, section, toMrkdwn } from './mrkdwn.ts';

/** Channels are rendered as links (`<#C…>`) only when they look like ids, so no text can smuggle markup in. */
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/u;

export function renderOwner(reply: Extract<Reply, { kind: 'owner' }>, t: Translate): types.KnownBlock[] {
  const title = t(reply.changed ? 'plan.owner.changed' : 'plan.owner.shown', { division: truncate(reply.division, MAX_NAME) });
  const entry = reply.entry;
  if (entry === null) return [section(`*${toMrkdwn(title)}*\n${toMrkdwn(t('plan.owner.unmapped'))}`)];
  const people = (ids: readonly string[]) => (ids.length === 0 ? t('plan.owner.nobody') : ids.slice(0, 50).map(actorToken).join(' '));
  const channel = CHANNEL_ID.test(entry.channel) ? `<#${entry.channel}>` : toMrkdwn(entry.channel);
  const lines = [
    `*${toMrkdwn(title)}*`,
    toMrkdwn(t('plan.owner.channel', { channel: '\u0002' })).replace('\u0002', channel),
    toMrkdwn(t('plan.owner.users', { users: people(entry.users) })),
    toMrkdwn(t('plan.owner.deputies', { deputies: people(entry.deputies) })),
    ...(entry.channelMembers === true ? [toMrkdwn(t('plan.owner.channelMembers'))] : []),
  ];
  return [section(lines.join('\n'))];
}
