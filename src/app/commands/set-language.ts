/** `/plan lang [en|ja]`: shows or sets the language the bot answers this user in. */
import type { Lang } from '../../i18n/catalog.ts';
import type { CommandDeps } from './ports.ts';
import type { Reply } from './reply.ts';

/** The language replies to `userId` are in: their choice, else SHINCHOKU_LANG. */
export async function languageOf(deps: Pick<CommandDeps, 'prefs' | 'defaultLang'>, userId: string): Promise<Lang> {
  return (await deps.prefs.lang(userId)) ?? deps.defaultLang;
}

/** Sets the user's language (`lang` given) or shows it (null). */
export async function setLanguage(deps: CommandDeps, userId: string, lang: Lang | null): Promise<Reply> {
  if (lang === null) return { kind: 'lang', lang: await languageOf(deps, userId), changed: false };
  await deps.prefs.setLang(userId, lang, deps.clock.now().toISOString());
  return { kind: 'lang', lang, changed: true };
}
