/**
 * One milestone as a line of a list, the App Home or the plan summary:
 * `*1-1-2* title` and a line of facts (due, status, overdue, owners).
 */
import type { MilestoneSummary } from '../../app/commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { truncate } from './block-kit-limits.ts';
import { MAX_NAME, MAX_TITLE, toMrkdwn } from './mrkdwn.ts';

/** The mrkdwn of one milestone line; at most about 2,000 characters even for a title of `&`s. */
export function milestoneLineText(item: MilestoneSummary, lang: Lang, t: Translate, options: { owners?: boolean } = {}): string {
  const head = `*${toMrkdwn(truncate(item.id, 40))}* ${toMrkdwn(truncate(item.title, MAX_TITLE))}`;
  const facts = [
    item.nextDue === null ? t('plan.line.noDue') : t('reminder.due', { date: formatDate(item.nextDue, lang) }),
    item.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(item.checkpoint, lang) }),
    t('reminder.status', { status: statusLabel(item.status, lang) }),
    item.daysOverdue === null ? null : t('reminder.daysOverdue', { days: item.daysOverdue }),
    options.owners === false ? null : t('plan.line.owners', { owners: truncate(item.owners.join('、'), MAX_NAME) }),
  ].filter((fact): fact is string => fact !== null);
  return `${head}\n${toMrkdwn(facts.join(t('reminder.separator')))}`;
}
