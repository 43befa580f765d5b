/**
 * One milestone as a line of a list, the App Home or the plan summary:
 * `*1-1-2* title` and a line of facts (due, status, overdue, owners).
 */
import type { MilestoneSummary } from '../../app/commands/reply.ts';
import { buildMilestoneLine } from '../../app/views/build-milestone-line.ts';
import type { Lang, Translate } from '../../i18n/catalog.ts';
import { truncate } from './block-kit-limits.ts';
import { MAX_NAME, MAX_TITLE, toMrkdwn } from './mrkdwn.ts';

/** The mrkdwn of one milestone line; at most about 2,000 characters even for a title of `&`s. */
export function milestoneLineText(item: MilestoneSummary, lang: Lang, t: Translate, options: { owners?: boolean } = {}): string {
  const line = buildMilestoneLine({ ...item, owners: [truncate(item.owners.join('、'), MAX_NAME)] }, lang, t, options);
  const head = `*${toMrkdwn(truncate(line.id, 40))}* ${toMrkdwn(truncate(line.title, MAX_TITLE))}`;
  return `${head}\n${toMrkdwn(line.facts.join(t('reminder.separator')))}`;
}
