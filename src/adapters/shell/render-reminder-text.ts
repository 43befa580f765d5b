/**
 * A reminder message (one division, one day) as terminal text: the view
 * every platform shows (build-reminder-view.ts). Where Slack and Teams show
 * buttons under each line, the shell numbers the lines and names the choices
 * once, for `:reply LINE CHOICE`.
 */
import type { ReminderMessage } from '../../app/ports.ts';
import { buildReminderView } from '../../app/views/build-reminder-view.ts';
import type { LineTarget } from '../../app/views/view-line.ts';
import { translator } from '../../i18n/catalog.ts';
import { choicesText } from './reminder-choices.ts';

export interface RenderReminderTextOptions {
  /** Gives each line its number for `:reply`; without it lines are not numbered (previews, logs). */
  numberLine?: (line: LineTarget) => number;
}

/** The plain-text form of a reminder message. */
export function renderReminderText(message: ReminderMessage, options: RenderReminderTextOptions = {}): string {
  const t = translator(message.lang);
  const view = buildReminderView(message);
  const out = [`== ${view.heading} — ${view.date}`, ...view.notices];
  for (const line of view.lines) {
    const number = options.numberLine && line.target ? `[${options.numberLine(line.target)}] ` : '';
    out.push(`${number}${line.tag}${line.id} ${line.title}`);
    // The terminal is wide: the notes go on the facts' row.
    out.push(`    ${[...line.facts, ...line.notes].join(view.separator)}`);
  }
  if (options.numberLine && view.lines.length > 0) out.push(t('shell.reminder.choices', { choices: choicesText(message.lang) }));
  return out.join('\n');
}
