/** `/plan help` as terminal text (the Slack wording without its marks), and the shell's own `:help`. */
import type { Reply } from '../../app/commands/reply.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { choicesText } from './reminder-choices.ts';
import { stripMarkup } from './strip-markup.ts';

export function renderHelpText(reply: Extract<Reply, { kind: 'help' }>, t: Translate): string[] {
  const sections = [t('plan.help.queries'), t('plan.help.updates'), ...(reply.coordinator ? [t('plan.help.coordinator')] : []), t('plan.help.lang')];
  return [`== ${t('plan.help.title')}`, ...sections.flatMap((text) => indentAfterTitle(stripMarkup(text))), t('shell.help.planPrefix')];
}

/** `:help`: the shell's commands, with the numbered choices of a reminder. */
export function renderShellHelp(lang: Lang, t: Translate): string {
  return [`== ${t('shell.help.title')}`, ...t('shell.help.body', { choices: choicesText(lang) }).split('\n').map((line) => `  ${line}`)].join('\n');
}

/** A help section's first line is its title; the commands under it are indented. */
function indentAfterTitle(text: string): string[] {
  const [title = '', ...lines] = text.split('\n');
  return lines.length === 0 ? [text] : [title, ...lines.map((line) => `  ${line}`)];
}
