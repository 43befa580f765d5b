/** `/plan help`: the commands with examples; the coordinators' section only for coordinators. */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import type { Translate } from '../../i18n/catalog.ts';
import { header, section, toMrkdwn } from './mrkdwn.ts';

export function renderHelp(reply: Extract<Reply, { kind: 'help' }>, t: Translate): types.KnownBlock[] {
  return [
    header(t('plan.help.title')),
    section(toMrkdwn(t('plan.help.queries'))),
    section(toMrkdwn(t('plan.help.updates'))),
    ...(reply.coordinator ? [section(toMrkdwn(t('plan.help.coordinator')))] : []),
    section(toMrkdwn(t('plan.help.lang'))),
  ];
}
