/**
 * How a Teams user types a command, decided here once for the adapter.
 * Teams has no slash commands: in a channel the bot reads messages that
 * @mention it, in the personal chat every message, and it runs the same
 * parser on what follows the mention (issue 14, item 5). Every view and
 * catalogue text the Teams adapter shows is worded with this prefix
 * (src/i18n/command-prefix.ts): `@shinchoku status overdue`, never `/plan`.
 */
import type { Lang, Translate } from '../../../i18n/catalog.ts';
import { commandIn, translatorFor } from '../../../i18n/command-prefix.ts';

export const TEAMS_COMMAND_PREFIX = '@shinchoku';

/** A command named the catalogue's way (`/plan status overdue`) as a Teams user types it. */
export function teamsCommand(command: string): string {
  return commandIn(TEAMS_COMMAND_PREFIX, command);
}

/** The catalogue in `lang`, its commands written the Teams way. */
export function teamsTranslator(lang: Lang): Translate {
  return translatorFor(lang, TEAMS_COMMAND_PREFIX);
}
