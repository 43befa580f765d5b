/** The confirmation of a recorded update (`/plan update`, `/plan due`); the words come from update-wording.ts. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/catalog.ts';
import { updateHeadline, updateScopeLines } from '../../i18n/update-wording.ts';
import { truncate } from './block-kit-limits.ts';
import { actorToken, context, formatWallClock, MAX_COMMENT_SHOWN, MAX_TITLE, section, toMrkdwn } from './mrkdwn.ts';

export function renderUpdate(reply: Extract<Reply, { kind: 'updated' }>, lang: Lang, t: Translate): types.KnownBlock[] {
  const id = truncate(reply.milestone.id, 40);
  const lines = [
    `*${toMrkdwn(updateHeadline(reply, lang, t, id))}*`,
    toMrkdwn(truncate(reply.milestone.title, MAX_TITLE)),
    ...updateScopeLines(reply, lang, t).map(toMrkdwn),
    ...(reply.comment === null ? [] : [toMrkdwn(t('plan.updated.comment', { comment: truncate(reply.comment, MAX_COMMENT_SHOWN) }))]),
  ];
  const by = t('plan.updated.by', { actor: actorToken(reply.actor), via: t(`plan.via.${reply.via}` as MessageKey), at: formatWallClock(reply.at, lang) });
  return [section(lines.join('\n')), context(toMrkdwn(by))];
}
