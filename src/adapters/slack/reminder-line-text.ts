/**
 * The mrkdwn text of one reminder line: what is due, when, and where it stands.
 * Everything that came from the plan or from users is escaped here, once.
 */
import type { ReminderLine } from '../../app/ports.ts';
import { statusLabel } from '../../domain/status.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { truncate } from './block-kit-limits.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';

// Raw lengths before escaping. Escaping can grow text fivefold (`<` → `&lt;`
// is four, `&` → `&amp;` five), so these keep the whole line under the 3,000
// characters of a section even for a title made only of `&`:
// 5 × (400 + 100 + 40) = 2,700, plus about 200 of dates and labels.
const MAX_TITLE = 400;
const MAX_OWNER = 100;
const MAX_ID = 40;

export function reminderLineText(line: ReminderLine, lang: Lang, t: Translate): string {
  const kind = t(`kind.${line.kind}`);
  const head = `*${escapeMrkdwn(t('reminder.kindTag', { kind }))}${escapeMrkdwn(truncate(line.milestoneId, MAX_ID))}* ${escapeMrkdwn(truncate(line.title, MAX_TITLE))}`;
  const facts = [
    line.due === null ? null : t('reminder.due', { date: formatDate(line.due, lang) }),
    line.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(line.checkpoint, lang) }),
    t('reminder.status', { status: statusLabel(line.status, lang) }),
    line.daysOverdue === undefined ? null : t('reminder.daysOverdue', { days: line.daysOverdue }),
    line.owner === undefined ? null : t('reminder.owner', { owner: truncate(line.owner, MAX_OWNER) }),
  ].filter((fact): fact is string => fact !== null);
  const rows = [head, escapeMrkdwn(facts.join(t('reminder.separator')))];
  if (line.originalDate !== undefined) rows.push(escapeMrkdwn(t('reminder.originalDate', { date: formatDate(line.originalDate, lang) })));
  return rows.join('\n');
}
