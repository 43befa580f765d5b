/**
 * How a user types a command on a platform, decided once per platform:
 * Slack's slash command `/plan status`, Teams' mention `@shinchoku status`
 * (issue 14). The catalogue writes commands the Slack way; a view given
 * another prefix words every catalogue text and every command it names in
 * that platform's form, so a Teams card never tells anyone to type `/plan`.
 */
import { translate, type Lang, type Params, type Translate, translator } from './catalog.ts';

/** The catalogue's own form: Slack's slash command. */
export const SLASH_COMMAND = '/plan';

const IN_CATALOG_TEXT = /\/plan(?![\w-])/gu;
// Stands for `/plan` in a parameter (a user's comment, a title) while the catalogue's text is reworded.
const GUARD = '\u0000slash-plan\u0000';

/** `command` (`/plan status overdue`) as typed with `prefix` (`@shinchoku status overdue`). */
export function commandIn(prefix: string, command: string): string {
  if (prefix === SLASH_COMMAND) return command;
  const args = command.replace(/^\/plan(?=\s|$)\s*/u, '');
  return args === '' ? prefix : `${prefix} ${args}`;
}

/**
 * A translator whose texts name commands with `prefix`. Only the
 * catalogue's own words change: a parameter (plan or user text) that
 * happens to say `/plan` is shown as it is.
 */
export function translatorFor(lang: Lang, prefix: string = SLASH_COMMAND): Translate {
  if (prefix === SLASH_COMMAND) return translator(lang);
  return (key, params) => {
    const plain = translate(lang, key, params);
    // Most texts name no command: nothing to reword (this runs for every line of every card).
    if (!plain.includes(SLASH_COMMAND)) return plain;
    const guarded: Params | undefined = params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? value.split(SLASH_COMMAND).join(GUARD) : value]));
    return translate(lang, key, guarded).replace(IN_CATALOG_TEXT, prefix).split(GUARD).join(SLASH_COMMAND);
  };
}
