/** The plan summary (`/plan status`, and the coordinators' App Home) as Block Kit. */
import type { types } from '@slack/bolt';
import type { PlanOverview } from '../../app/commands/reply.ts';
import { STATUS_CODES, statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { truncate } from './block-kit-limits.ts';
import { context, DIVIDER, MAX_TITLE, section, toMrkdwn } from './mrkdwn.ts';
import { milestoneLineText } from './render-milestone-line.ts';

/** The summary's blocks after its header: at most 6 + the overdue milestones shown (10). */
export function overviewBlocks(overview: PlanOverview, lang: Lang, t: Translate): types.KnownBlock[] {
  const counts = STATUS_CODES.map((code) => t('plan.overview.count', { status: statusLabel(code, lang), count: overview.byStatus[code] })).join(t('reminder.separator'));
  const pillars = overview.pillars.map((p) =>
    t('plan.overview.pillar', { id: p.id, title: truncate(p.title, MAX_TITLE), total: p.total, done: p.byStatus.done, overdue: p.overdue }),
  );
  const blocks: types.KnownBlock[] = [
    context(toMrkdwn(t('plan.overview.asOf', { date: formatDate(overview.today, lang), total: overview.total }))),
    section(toMrkdwn(counts)),
    section(toMrkdwn(`${t('plan.overview.pillarsHeader')}\n${pillars.join('\n')}`)),
    DIVIDER,
    section(toMrkdwn(t('plan.overview.overdueHeader', { count: overview.overdueTotal, months: overview.overdueDueDates }))),
  ];
  if (overview.overdue.length === 0) blocks.push(section(toMrkdwn(t('plan.overview.noOverdue'))));
  for (const item of overview.overdue) blocks.push(section(milestoneLineText(item, lang, t)));
  const more = overview.overdueTotal - overview.overdue.length;
  if (more > 0) blocks.push(context(toMrkdwn(t('plan.more', { count: more, command: '`/plan status overdue`' }))));
  return blocks;
}
