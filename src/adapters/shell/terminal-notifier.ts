// Delivers reminders and digests to the terminal, in the same words as Slack:
// the notifier the bot uses when no chat platform is configured.
import type { Notifier, OutgoingMessage, ReminderMessage } from '../../app/ports.ts';
import { translator } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { statusLabel } from '../../domain/status.ts';
import { renderDigestText } from './render-digest-text.ts';

/** The plain-text form of a reminder message. */
export function renderReminderText(message: ReminderMessage): string {
  const t = translator(message.lang);
  const lines = [`== ${t('reminder.header', { division: message.division })} — ${formatDate(message.day, message.lang)}`];
  if (message.unmapped) lines.push(t('reminder.unmapped', { division: message.division }));
  if (message.missed) lines.push(t('reminder.missed'));
  for (const line of message.lines) {
    const facts = [
      line.due === null ? null : t('reminder.due', { date: formatDate(line.due, message.lang) }),
      line.checkpoint === null ? null : t('reminder.checkpoint', { month: formatMonth(line.checkpoint, message.lang) }),
      t('reminder.status', { status: statusLabel(line.status, message.lang) }),
      line.daysOverdue === undefined ? null : t('reminder.daysOverdue', { days: line.daysOverdue }),
      line.owner === undefined ? null : t('reminder.owner', { owner: line.owner }),
      line.originalDate === undefined ? null : t('reminder.originalDate', { date: formatDate(line.originalDate, message.lang) }),
    ].filter((fact): fact is string => fact !== null);
    lines.push(`${t('reminder.kindTag', { kind: t(`kind.${line.kind}`) })}${line.milestoneId} ${line.title}`);
    lines.push(`    ${facts.join(t('reminder.separator'))}`);
  }
  return lines.join('\n');
}

export function createTerminalNotifier(write: (text: string) => void): Notifier {
  let sequence = 0;
  return {
    async send(message: OutgoingMessage) {
      write(`${message.body.type === 'digest' ? renderDigestText(message.body) : renderReminderText(message.body)}\n`);
      sequence++;
      return { ok: true, ts: `terminal.${sequence}` };
    },
    // What was printed cannot be read back; a crash in between can at worst
    // print a message twice on the operator's own screen.
    async findDelivered() {
      return null;
    },
  };
}
