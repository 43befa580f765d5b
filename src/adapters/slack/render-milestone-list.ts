/** A list reply (overdue, upcoming, a division's, mine) as Block Kit: one section per milestone, then the way to the next page. */
import type { types } from '@slack/bolt';
import type { ListScope, Paging, Reply } from '../../app/commands/reply.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { listTitle } from '../../i18n/list-title.ts';
import { truncate } from './block-kit-limits.ts';
import { context, header, MAX_NAME, section, toMrkdwn } from './mrkdwn.ts';
import { milestoneLineText } from './render-milestone-line.ts';

/** Blocks of a list: header, context, the page's lines (PAGE_SIZE = 20), the next-page hint: far inside 50. */
export function renderList(reply: Extract<Reply, { kind: 'list' }>, lang: Lang, t: Translate): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [header(titleOf(reply.scope, t)), context(...contextOf(reply.scope, reply.paging, t))];
  if (reply.items.length === 0) blocks.push(section(toMrkdwn(reply.scope.kind === 'mine' && reply.scope.divisions.length === 0 ? t('plan.list.mineNone') : t('plan.list.empty'))));
  for (const item of reply.items) blocks.push(section(milestoneLineText(item, lang, t, { owners: reply.scope.kind !== 'division' })));
  const more = nextPageBlock(reply.paging, t);
  if (more) blocks.push(more);
  return blocks;
}

/** 「他 N 件」 and the command for the next page, when there is one. */
export function nextPageBlock(paging: Paging, t: Translate): types.ContextBlock | null {
  if (paging.nextCommand === null) return null;
  return context(toMrkdwn(t('plan.more', { count: paging.remaining, command: `\`${paging.nextCommand}\`` })));
}

export function titleOf(scope: ListScope, t: Translate): string {
  // A header holds 150 characters; a division typed by a user may be longer.
  return listTitle(scope.kind === 'division' ? { ...scope, division: truncate(scope.division, MAX_NAME) } : scope, t);
}

function contextOf(scope: ListScope, paging: Paging, t: Translate): string[] {
  const page = toMrkdwn(t('plan.page', { total: paging.total, page: paging.page, pages: paging.pageCount }));
  if (scope.kind === 'mine' && scope.divisions.length > 0) return [toMrkdwn(t('plan.list.mineDivisions', { divisions: truncate(scope.divisions.join('、'), 1000) })), page];
  return [page];
}
