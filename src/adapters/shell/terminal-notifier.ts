// Delivers reminders and digests to the terminal, in the same words as Slack:
// the notifier of the shell adapter, used when no chat platform is configured.
import type { Notifier, OutgoingMessage } from '../../app/ports.ts';
import { renderDigestText } from './render-digest-text.ts';
import { renderNoticeText } from './render-notice-text.ts';
import { renderReminderText } from './render-reminder-text.ts';
import { renderRoundText } from './render-round-text.ts';
import type { ReminderChoices } from './reminder-choices.ts';

export interface TerminalNotifierOptions {
  /** Numbers each reminder line for `:reply`, as the interactive shell does. */
  choices?: ReminderChoices;
}

export function createTerminalNotifier(write: (text: string) => void, options: TerminalNotifierOptions = {}): Notifier {
  const { choices } = options;
  let sequence = 0;
  return {
    async send(message: OutgoingMessage) {
      const body = message.body;
      const text =
        body.type === 'digest'
          ? renderDigestText(body)
          : body.type === 'notice'
            ? renderNoticeText(body)
            : body.type === 'round'
              ? renderRoundText(body)
              : renderReminderText(body, choices ? { numberLine: (line) => choices.number({ milestoneId: line.milestoneId, checkpoint: line.checkpoint, plan: line.plan }) } : {});
      write(`${text}\n`);
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
