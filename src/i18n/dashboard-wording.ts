/**
 * `/plan dashboard`'s answer in words, once for every platform: the lines
 * to show and the link (each platform makes it clickable its own way).
 */
import type { DashboardAnswer } from '../app/commands/reply.ts';
import type { Lang, Translate } from './catalog.ts';
import { formatDate } from './format-date.ts';

export interface DashboardWording {
  lines: string[];
  /** The link to open; null for a refusal or a revocation. */
  url: string | null;
  refused: boolean;
}

/** The answer's lines and link in `lang`. */
export function dashboardWording(answer: DashboardAnswer, lang: Lang, t: Translate): DashboardWording {
  const until = (at: { date: string; time: string }) => `${formatDate(at.date, lang)} ${at.time}`;
  switch (answer.kind) {
    case 'personal':
      return { lines: [t('web.reply.personal', { expires: until(answer.expires) })], url: answer.url, refused: false };
    case 'minted':
      return { lines: [t('web.reply.minted', { name: answer.name, id: answer.id, expires: until(answer.expires) })], url: answer.url, refused: false };
    case 'revoked':
      return { lines: [t('web.reply.revoked', { id: answer.id, name: answer.name })], url: null, refused: false };
    case 'refused': {
      const r = answer.reason;
      const line =
        r.code === 'off'
          ? t('web.reply.off')
          : r.code === 'not_coordinator'
            ? t('web.reply.notCoordinator')
            : r.code === 'unknown_link'
              ? t('web.reply.unknownLink', { id: r.id })
              : r.code === 'already_revoked'
                ? t('web.reply.alreadyRevoked', { id: r.id })
                : r.code === 'bad_days'
                  ? t('web.reply.badDays', { word: r.word, max: r.max })
                  : t('web.reply.badName', { max: r.max });
      return { lines: [line, ...(r.code === 'bad_days' || r.code === 'bad_name' ? [t('plan.problem.usage', { usage: t('plan.usage.dashboard') })] : [])], url: null, refused: true };
    }
  }
}
