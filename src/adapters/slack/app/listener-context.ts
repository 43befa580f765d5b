/** What every listener of the Slack app is wired to. */
import type { CommandDeps } from '../../../app/commands/ports.ts';
import type { Lang } from '../../../i18n/catalog.ts';
import type { AdapterLogger } from '../web-api-logger.ts';

export interface ListenerContext {
  deps: CommandDeps;
  /** The language of what the bot posts in channels (the reminders' language, SHINCHOKU_LANG). */
  channelLang: Lang;
  logger: AdapterLogger;
  /** How long a command may work and still answer in its acknowledgement; ANSWER_IN_ACK_WITHIN_MS by default. */
  answerInAckWithinMs?: number;
}
