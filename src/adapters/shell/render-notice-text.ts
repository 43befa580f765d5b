/** A notice for the coordinator channel (NoticeMessage) as terminal text, in the words of the Slack message. */
import type { NoticeMessage } from '../../app/ports.ts';
import { translator } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';

/** The plain-text form of a notice. */
export function renderNoticeText(message: NoticeMessage): string {
  const t = translator(message.lang);
  return [`== ${t('plans.catchup.title')} — ${formatDate(message.day, message.lang)}`, t('plans.catchup.notice', { ...message.params })].join('\n');
}
