/**
 * The mrkdwn text of one reminder line (build-reminder-view.ts decides what
 * it says): what is due, when, and where it stands. Everything that came
 * from the plan or from users is escaped here, once.
 */
import type { ViewLine } from '../../app/views/view-line.ts';
import { truncate } from './block-kit-limits.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import { fitMrkdwn } from './mrkdwn.ts';

// Raw lengths before escaping, which can grow text fivefold (`&` → `&amp;`):
// a plan's line stays far inside a section's 3,000 characters, and fitMrkdwn
// cuts the rare one made of `&`s without splitting an entity.
const MAX_TITLE = 400;
const MAX_FACTS = 300;
const MAX_ID = 40;

export function reminderLineText(line: ViewLine, separator: string): string {
  const head = `*${escapeMrkdwn(line.tag)}${escapeMrkdwn(truncate(line.id, MAX_ID))}* ${escapeMrkdwn(truncate(line.title, MAX_TITLE))}`;
  return fitMrkdwn([head, escapeMrkdwn(truncate(line.facts.join(separator), MAX_FACTS)), ...line.notes.map(escapeMrkdwn)].join('\n'));
}
