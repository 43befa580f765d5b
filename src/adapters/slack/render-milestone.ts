/** `/plan status ID`: one milestone with where it sits, its schedule, each due date and status, and the latest updates. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { truncate } from './block-kit-limits.ts';
import { context, DIVIDER, header, MAX_NAME, MAX_TITLE, section, toMrkdwn } from './mrkdwn.ts';
import { historyLineText } from './render-history.ts';
import { milestoneLineText } from './render-milestone-line.ts';

/** Checkpoints listed one per line; a monthly milestone has twelve. */
const MAX_CHECKPOINT_LINES = 12;

/** Blocks: header, path, the milestone line, facts, checkpoints, history (≤ 5), the way to the rest: ≤ 14. */
export function renderMilestone(reply: Extract<Reply, { kind: 'milestone' }>, lang: Lang, t: Translate): types.KnownBlock[] {
  const { detail } = reply;
  const { summary } = detail;
  const path = t('plan.detail.path', {
    pillar: `${detail.pillar.id} ${truncate(detail.pillar.title, MAX_NAME)}`,
    initiative: `${detail.initiative.id} ${truncate(detail.initiative.title, MAX_NAME)}`,
    item: `${detail.item.id} ${truncate(detail.item.title, MAX_NAME)}`,
  });
  const facts = [
    detail.scheduleText === null ? t('plan.detail.noSchedule') : t('plan.detail.schedule', { text: truncate(detail.scheduleText, MAX_NAME) }),
    detail.group === null ? null : t('plan.detail.group', { group: truncate(detail.group, MAX_TITLE) }),
  ].filter((f): f is string => f !== null);
  const checkpoints =
    detail.checkpoints.length === 0
      ? [t('plan.detail.ongoing')]
      : detail.checkpoints.slice(0, MAX_CHECKPOINT_LINES).map((cp) => {
          const label = cp.key === null ? t('plan.detail.whole') : t('reminder.checkpoint', { month: formatMonth(cp.key, lang) });
          const line = t('plan.detail.checkpoint', { label, date: formatDate(cp.due, lang), status: statusLabel(cp.status, lang) });
          const late = cp.daysOverdue === null ? '' : `${t('reminder.separator')}${t('reminder.daysOverdue', { days: cp.daysOverdue })}`;
          return `・${line}${late}${cp.revised ? ` ${t('plan.detail.revised')}` : ''}`;
        });
  const blocks: types.KnownBlock[] = [
    header(`${truncate(summary.id, 40)} ${summary.title}`),
    context(toMrkdwn(path)),
    section(milestoneLineText(summary, lang, t)),
    section(toMrkdwn([...facts, ...checkpoints].join('\n'))),
    DIVIDER,
    section(toMrkdwn(t('plan.detail.historyHeader', { total: detail.historyTotal }))),
  ];
  if (detail.history.length === 0) blocks.push(context(toMrkdwn(t('plan.history.empty'))));
  for (const entry of detail.history) blocks.push(section(historyLineText(entry, lang, t)));
  const more = detail.historyTotal - detail.history.length;
  if (more > 0) blocks.push(context(toMrkdwn(t('plan.more', { count: more, command: `\`/plan history ${summary.id}\`` }))));
  return blocks;
}
