/**
 * A reminder message (one division, one day) as terminal text: the same
 * lines, in the same order and words as the Slack message (render-reminder.ts).
 * Where Slack shows buttons under each line, the shell numbers the lines and
 * names the choices once, for `:reply LINE CHOICE`.
 */
import type { ReminderLine, ReminderMessage } from '../../app/ports.ts';
import { byUrgency } from '../../domain/reminder.ts';
import { statusLabel } from '../../domain/status.ts';
import { translator, type Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { choicesText } from './reminder-choices.ts';

export interface RenderReminderTextOptions {
  /** Gives each line its number for `:reply`; without it lines are not numbered (previews, logs). */
  numberLine?: (line: ReminderLine) => number;
}

/** The plain-text form of a reminder message. */
export function renderReminderText(message: ReminderMessage, options: RenderReminderTextOptions = {}): string {
  const t = translator(message.lang);
  const out = [`== ${t('reminder.header', { division: message.division })} — ${formatDate(message.day, message.lang)}`];
  if (message.unmapped) out.push(t('reminder.unmapped', { division: message.division }));
  if (message.missed) out.push(t('reminder.missed'));
  for (const line of byUrgency(message.lines)) {
    const number = options.numberLine ? `[${options.numberLine(line)}] ` : '';
    out.push(`${number}${t('reminder.kindTag', { kind: t(`kind.${line.kind}`) })}${line.milestoneId} ${line.title}`);
    out.push(`    ${factsOf(line, message, t).join(t('reminder.separator'))}`);
  }
  if (options.numberLine && message.lines.length > 0) out.push(t('shell.reminder.choices', { choices: choicesText(message.lang) }));
  return out.join('\n');
}

function factsOf(line: ReminderLine, message: ReminderMessage, t: Translate): string[] {
  return [
    line.due === null ? null : t('reminder.due', { date: formatDate(line.due, message.lang) }),
    line.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(line.checkpoint, message.lang) }),
    t('reminder.status', { status: statusLabel(line.status, message.lang) }),
    line.daysOverdue === undefined ? null : t('reminder.daysOverdue', { days: line.daysOverdue }),
    line.owner === undefined ? null : t('reminder.owner', { owner: line.owner }),
    line.originalDate === undefined ? null : t('reminder.originalDate', { date: formatDate(line.originalDate, message.lang) }),
  ].filter((fact): fact is string => fact !== null);
}
