// commander writes its help in English ("Usage:", "(default: …)", "display
// help for command"): every word of it is said from the catalogue instead, so
// `shinchoku --help` reads in the session's language like everything else.
import { Help, type Argument, type Command, type Option } from 'commander';
import { isMessageKey, type Translate } from '../i18n/catalog.ts';

/** Columns a terminal gives `text`: East Asian wide and full-width characters take two. */
export function terminalWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(char) ? 2 : 1;
  return width;
}

function withDefault(description: string, value: unknown, t: Translate): string {
  if (value === undefined) return description;
  return `${description} ${t('help.default', { value: Array.isArray(value) ? value.join(', ') : String(value) })}`;
}

/** Sets `program`'s help texts from the catalogue; sub-commands added afterwards inherit it. */
export function localizeHelp(program: Command, t: Translate): Command {
  return program
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .configureHelp({
      styleTitle: (title: string) => {
        const key = `help.title.${title}`;
        return isMessageKey(key) ? t(key) : title;
      },
      // Boolean switches have no default worth showing; values do (as commander shows them).
      optionDescription: (option: Option) => (option.required || option.optional ? withDefault(option.description, option.defaultValue, t) : option.description),
      argumentDescription: (argument: Argument) => withDefault(argument.description, argument.defaultValue, t),
      displayWidth: terminalWidth,
      // commander wraps only at spaces; Japanese has none between words, so its
      // wrap would break at the few ASCII words instead. Let the terminal wrap it.
      boxWrap(this: Help, text: string, width: number): string {
        return terminalWidth(text) === text.length ? Help.prototype.boxWrap.call(this, text, width) : text;
      },
    });
}
