/** The shell's own `:help` (`/plan help` is a reply like any other: render-reply-text.ts). */
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { choicesText } from './reminder-choices.ts';

/** `:help`: the shell's commands, with the numbered choices of a reminder. */
export function renderShellHelp(lang: Lang, t: Translate): string {
  return [`== ${t('shell.help.title')}`, ...t('shell.help.body', { choices: choicesText(lang) }).split('\n').map((line) => `  ${line}`)].join('\n');
}
