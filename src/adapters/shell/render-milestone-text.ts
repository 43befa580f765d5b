/**
 * Milestones as terminal text: a line of a list, one milestone in detail
 * (`/plan status ID`), and history lines. The same facts, in the same order
 * and words, as the Slack renderers (render-milestone-line.ts, render-milestone.ts,
 * render-history.ts).
 */
import type { HistoryEntry, MilestoneSummary, Reply } from '../../app/commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, MessageKey, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { buildMilestoneLine } from '../../app/views/build-milestone-line.ts';
import { actorName } from './shell-identity.ts';
import { stripMarkup } from './strip-markup.ts';

/** `  1-1-2 title` and its facts (due, checkpoint, status, overdue, owners) indented below. */
export function milestoneLines(item: MilestoneSummary, lang: Lang, t: Translate, options: { owners?: boolean } = {}): string[] {
  const line = buildMilestoneLine(item, lang, t, options);
  return [`  ${line.id} ${line.title}`, `      ${line.facts.join(t('reminder.separator'))}`];
}

/** One history entry: when, what, who, how; then its month, new due month and comment. */
export function historyLines(entry: HistoryEntry, lang: Lang, t: Translate): string[] {
  const head = t('plan.history.entry', {
    at: `${formatDate(entry.at.date, lang)} ${entry.at.time}`,
    status: statusLabel(entry.status, lang),
    actor: actorName(entry.actor, t),
    via: t(`plan.via.${entry.via}` as MessageKey),
  });
  const details = [
    entry.checkpoint === null ? (entry.allCheckpoints ? t('updates.history.all') : null) : t('plan.history.checkpoint', { month: formatMonth(entry.checkpoint, lang) }),
    entry.revisedDue === null ? null : t('plan.history.revisedDue', { month: formatMonth(entry.revisedDue, lang) }),
    entry.comment === null ? null : t('plan.history.comment', { comment: entry.comment }),
  ].filter((d): d is string => d !== null);
  return [`  ${head}`, ...(details.length === 0 ? [] : [`      ${details.join(t('reminder.separator'))}`])];
}

/** `/plan status ID`. */
export function renderMilestoneText(reply: Extract<Reply, { kind: 'milestone' }>, lang: Lang, t: Translate): string[] {
  const { detail } = reply;
  const { summary } = detail;
  const out = [
    `== ${summary.id} ${summary.title}`,
    t('plan.detail.path', {
      pillar: `${detail.pillar.id} ${detail.pillar.title}`,
      initiative: `${detail.initiative.id} ${detail.initiative.title}`,
      item: `${detail.item.id} ${detail.item.title}`,
    }),
    ...milestoneLines(summary, lang, t),
    detail.scheduleText === null ? t('plan.detail.noSchedule') : t('plan.detail.schedule', { text: detail.scheduleText }),
  ];
  if (detail.group !== null) out.push(t('plan.detail.group', { group: detail.group }));
  if (detail.checkpoints.length === 0) out.push(t('plan.detail.ongoing'));
  for (const cp of detail.checkpoints) {
    const label = cp.key === null ? t('plan.detail.whole') : t('reminder.checkpoint', { month: formatMonth(cp.key, lang) });
    const late = cp.daysOverdue === null ? '' : `${t('reminder.separator')}${t('reminder.daysOverdue', { days: cp.daysOverdue })}`;
    out.push(`・${t('plan.detail.checkpoint', { label, date: formatDate(cp.due, lang), status: statusLabel(cp.status, lang) })}${late}${cp.revised ? ` ${t('plan.detail.revised')}` : ''}`);
  }
  out.push('', stripMarkup(t('plan.detail.historyHeader', { total: detail.historyTotal })));
  if (detail.history.length === 0) out.push(`  ${t('plan.history.empty')}`);
  for (const entry of detail.history) out.push(...historyLines(entry, lang, t));
  const more = detail.historyTotal - detail.history.length;
  if (more > 0) out.push(t('plan.more', { count: more, command: `/plan history ${summary.id}` }));
  return out;
}

/** `/plan history ID`. */
export function renderHistoryText(reply: Extract<Reply, { kind: 'history' }>, lang: Lang, t: Translate): string[] {
  const out = [
    `== ${t('plan.history.title', { id: reply.milestone.id })}`,
    reply.milestone.title,
    t('plan.page', { total: reply.paging.total, page: reply.paging.page, pages: reply.paging.pageCount }),
  ];
  if (reply.entries.length === 0) out.push(`  ${t('plan.history.empty')}`);
  for (const entry of reply.entries) out.push(...historyLines(entry, lang, t));
  if (reply.paging.nextCommand !== null) out.push(t('plan.more', { count: reply.paging.remaining, command: reply.paging.nextCommand }));
  return out;
}
