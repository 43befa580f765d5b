/**
 * A notice for the coordinator channel (NoticeMessage) as a Slack message:
 * its title in bold and its catalogue text, escaped like all text in mrkdwn.
 */
import type { NoticeMessage } from '../../app/ports.ts';
import { translator } from '../../i18n/catalog.ts';
import { escapeMrkdwn } from './escape-mrkdwn.ts';
import type { SlackMessage } from './render-reminder.ts';

/** The Slack form of a notice. */
export function renderNotice(message: NoticeMessage): SlackMessage {
  const t = translator(message.lang);
  const title = t('plans.catchup.title');
  const text = t('plans.catchup.notice', { ...message.params });
  return {
    text: `${title}: ${text}`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(title)}*\n${escapeMrkdwn(text)}` } }],
  };
}
