/**
 * A command as a Teams user types it. Teams has no slash commands: in a
 * channel the bot reads messages that @mention it, in the personal chat every
 * message, and it runs the same parser on what follows the mention
 * (issue 14, item 5). The views name commands the Slack way (`/plan status
 * overdue`); this writes them `@shinchoku status overdue`.
 */
const BOT_MENTION = '@shinchoku';

export function teamsCommand(command: string): string {
  const args = command.replace(/^\/plan(\s+|$)/u, '');
  return args === '' ? BOT_MENTION : `${BOT_MENTION} ${args}`;
}
