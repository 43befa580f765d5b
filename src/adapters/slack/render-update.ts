/** The confirmation of a recorded update (`/plan update`, `/plan due`). */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { truncate } from './block-kit-limits.ts';
import { actorToken, context, formatWallClock, MAX_COMMENT_SHOWN, MAX_TITLE, section, toMrkdwn } from './mrkdwn.ts';

export function renderUpdate(reply: Extract<Reply, { kind: 'updated' }>, lang: Lang, t: Translate): types.KnownBlock[] {
  const id = truncate(reply.milestone.id, 40);
  const headline =
    reply.revisedDue === null
      ? t('plan.updated.status', { id, status: statusLabel(reply.status, lang), previous: statusLabel(reply.previous, lang) })
      : t('plan.updated.due', { id, month: formatMonth(reply.revisedDue, lang), date: reply.due === null ? '' : formatDate(reply.due, lang) });
  const lines = [
    `*${toMrkdwn(headline)}*`,
    toMrkdwn(truncate(reply.milestone.title, MAX_TITLE)),
    ...(reply.checkpoint === null ? [] : [toMrkdwn(t('plan.updated.checkpoint', { month: formatMonth(reply.checkpoint, lang) }))]),
    ...(reply.comment === null ? [] : [toMrkdwn(t('plan.updated.comment', { comment: truncate(reply.comment, MAX_COMMENT_SHOWN) }))]),
  ];
  const by = t('plan.updated.by', { actor: actorToken(reply.actor), via: t(`plan.via.${reply.via}` as MessageKey), at: formatWallClock(reply.at, lang) });
  return [section(lines.join('\n')), context(toMrkdwn(by))];
}
