/**
 * Lists as terminal text: `/plan status` (the plan summary), `/plan mine`,
 * a division's milestones, overdue and upcoming; the same sections and
 * words as the Slack renderers (render-overview.ts, render-milestone-list.ts).
 */
import type { ListScope, Reply } from '../../app/commands/reply.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { listTitle } from '../../i18n/list-title.ts';
import { milestoneLines } from './render-milestone-text.ts';
import { stripMarkup } from './strip-markup.ts';

/** `/plan status`. */
export function renderOverviewText(reply: Extract<Reply, { kind: 'overview' }>, lang: Lang, t: Translate): string[] {
  const { overview } = reply;
  const out = [
    `== ${t('plan.overview.title', { title: overview.title })}`,
    t('plan.overview.asOf', { date: formatDate(overview.today, lang), total: overview.total }),
    STATUS_CODES.map((code) => t('plan.overview.count', { status: statusLabel(code, lang), count: overview.byStatus[code] })).join(t('reminder.separator')),
    '',
    stripMarkup(t('plan.overview.pillarsHeader')),
    ...overview.pillars.map((p) => `  ${t('plan.overview.pillar', { id: p.id, title: p.title, total: p.total, done: p.byStatus.done, overdue: p.overdue })}`),
    '',
    stripMarkup(t('plan.overview.overdueHeader', { count: overview.overdueTotal, months: overview.overdueDueDates })),
  ];
  if (overview.overdue.length === 0) out.push(`  ${t('plan.overview.noOverdue')}`);
  for (const item of overview.overdue) out.push(...milestoneLines(item, lang, t));
  const more = overview.overdueTotal - overview.overdue.length;
  if (more > 0) out.push(t('plan.more', { count: more, command: '/plan status overdue' }));
  return out;
}

/** `/plan mine`, `/plan status 課名`, `overdue`, `upcoming`. */
export function renderListText(reply: Extract<Reply, { kind: 'list' }>, lang: Lang, t: Translate): string[] {
  const { scope, paging } = reply;
  const facts = [
    ...(scope.kind === 'mine' && scope.divisions.length > 0 ? [t('plan.list.mineDivisions', { divisions: scope.divisions.join('、') })] : []),
    t('plan.page', { total: paging.total, page: paging.page, pages: paging.pageCount }),
  ];
  const out = [`== ${listTitle(scope, t)}`, facts.join(t('reminder.separator'))];
  if (reply.items.length === 0) out.push(`  ${scope.kind === 'mine' && scope.divisions.length === 0 ? t('plan.list.mineNone') : t('plan.list.empty')}`);
  for (const item of reply.items) out.push(...milestoneLines(item, lang, t, { owners: scope.kind !== 'division' }));
  if (paging.nextCommand !== null) out.push(t('plan.more', { count: paging.remaining, command: paging.nextCommand }));
  return out;
}
