/** History lines (`/plan history`, and the latest ones under `/plan status ID`): when, what, who, how. */
import type { types } from '@slack/bolt';
import type { HistoryEntry, Reply } from '../../app/commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/catalog.ts';
import { formatMonth } from '../../i18n/format-date.ts';
import { truncate } from './block-kit-limits.ts';
import { actorToken, context, formatWallClock, header, MAX_COMMENT_SHOWN, section, toMrkdwn } from './mrkdwn.ts';
import { nextPageBlock } from './render-milestone-list.ts';

/** One history entry as mrkdwn: at most ~6,000 raw characters escaped, cut to a section by the caller. */
export function historyLineText(entry: HistoryEntry, lang: Lang, t: Translate): string {
  const head = t('plan.history.entry', {
    at: formatWallClock(entry.at, lang),
    status: statusLabel(entry.status, lang),
    actor: actorToken(entry.actor),
    via: t(`plan.via.${entry.via}` as MessageKey),
  });
  const details = [
    entry.checkpoint === null ? (entry.allCheckpoints ? t('updates.history.all') : null) : t('plan.history.checkpoint', { month: formatMonth(entry.checkpoint, lang) }),
    entry.revisedDue === null ? null : t('plan.history.revisedDue', { month: formatMonth(entry.revisedDue, lang) }),
    entry.comment === null ? null : t('plan.history.comment', { comment: truncate(entry.comment, MAX_COMMENT_SHOWN) }),
  ].filter((d): d is string => d !== null);
  return toMrkdwn(details.length === 0 ? head : `${head}\n${details.join(t('reminder.separator'))}`);
}

/** `/plan history ID` as Block Kit. */
export function renderHistory(reply: Extract<Reply, { kind: 'history' }>, lang: Lang, t: Translate): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [
    header(t('plan.history.title', { id: truncate(reply.milestone.id, 40) })),
    section(toMrkdwn(truncate(reply.milestone.title, 300))),
    context(toMrkdwn(t('plan.page', { total: reply.paging.total, page: reply.paging.page, pages: reply.paging.pageCount }))),
  ];
  if (reply.entries.length === 0) blocks.push(section(toMrkdwn(t('plan.history.empty'))));
  for (const entry of reply.entries) blocks.push(section(historyLineText(entry, lang, t)));
  const more = nextPageBlock(reply.paging, t);
  if (more) blocks.push(more);
  return blocks;
}
