/**
 * One milestone as a line of a list, the home, the plan summary or a report
 * form: `1-1-2 title` and its facts (due, checkpoint, status, overdue,
 * owners), the same on every platform.
 */
import type { MilestoneSummary } from '../commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import type { ViewLine } from './view-line.ts';

export interface MilestoneLineOptions {
  /** Show the owner divisions (not in a division's own list, where they are all the same). */
  owners?: boolean;
  /** Carry the status buttons (open milestones on the home), recording on the plan of this key (null: the default plan). */
  buttons?: { plan: string | null };
}

/** The view line of `item`. */
export function buildMilestoneLine(item: MilestoneSummary, lang: Lang, t: Translate, options: MilestoneLineOptions = {}): ViewLine {
  const facts = [
    item.nextDue === null ? t('plan.line.noDue') : t('reminder.due', { date: formatDate(item.nextDue, lang) }),
    item.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(item.checkpoint, lang) }),
    t('reminder.status', { status: statusLabel(item.status, lang) }),
    item.daysOverdue === null ? null : t('reminder.daysOverdue', { days: item.daysOverdue }),
    options.owners === false ? null : t('plan.line.owners', { owners: item.owners.join('、') }),
  ].filter((fact): fact is string => fact !== null);
  return { tag: '', id: item.id, title: item.title, facts, notes: [], target: options.buttons ? { milestoneId: item.id, checkpoint: item.checkpoint, plan: options.buttons.plan } : null };
}
