/** What every listener of the Teams app is wired to. */
import type { CommandDeps } from '../../app/commands/ports.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { TeamsLogger } from './sdk-logger.ts';
import type { UserNames } from './user-names.ts';

export interface TeamsContext {
  deps: CommandDeps;
  /** The language of what the bot posts in channels (SHINCHOKU_LANG). */
  channelLang: Lang;
  logger: TeamsLogger;
  /** Display names of the people met, for stamps and replies. */
  names: UserNames;
}
