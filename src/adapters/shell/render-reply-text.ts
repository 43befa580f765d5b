/**
 * A command's Reply as terminal text: what Slack shows as Block Kit
 * (render-reply.ts), in the same catalogue's words, without markup. Nothing
 * needs escaping: the terminal pings nobody.
 */
import type { Reply } from '../../app/commands/reply.ts';
import type { DivisionEntry } from '../../domain/directory.ts';
import { statusLabel } from '../../domain/status.ts';
import { translator, type Lang, type MessageKey, type Translate } from '../../i18n/catalog.ts';
import { formatDate, formatMonth } from '../../i18n/format-date.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import { updateHeadline, updateScopeLines } from '../../i18n/update-wording.ts';
import { renderDigestText } from './render-digest-text.ts';
import { renderHelpText } from './render-help-text.ts';
import { renderListText, renderOverviewText } from './render-list-text.ts';
import { renderHistoryText, renderMilestoneText } from './render-milestone-text.ts';
import { actorName } from './shell-identity.ts';

export interface RenderTextOptions {
  /** The command asked for a change: a refusal then says that nothing was changed. */
  change?: boolean;
}

/** Renders `reply` in `lang`. */
export function renderReplyText(reply: Reply, lang: Lang, options: RenderTextOptions = {}): string {
  const t = translator(lang);
  return linesOf(reply, lang, t, options).join('\n');
}

function linesOf(reply: Reply, lang: Lang, t: Translate, options: RenderTextOptions): string[] {
  switch (reply.kind) {
    case 'help':
      return renderHelpText(reply, t);
    case 'overview':
      return renderOverviewText(reply, lang, t);
    case 'milestone':
      return renderMilestoneText(reply, lang, t);
    case 'list':
      return renderListText(reply, lang, t);
    case 'history':
      return renderHistoryText(reply, lang, t);
    case 'updated':
      return updatedLines(reply, lang, t);
    case 'owner':
      return ownerLines(reply.division, reply.entry, reply.changed, t);
    case 'lang':
      return [t(reply.changed ? 'plan.lang.set' : 'plan.lang.current')];
    case 'digest':
      return [renderDigestText(reply.message, { preview: true })];
    case 'digest_posted':
      return [t('plan.digest.posted', { channel: reply.channel || t('outbox.noChannel'), week: reply.week })];
    case 'problem': {
      const [first = '', ...rest] = problemLines(reply.problem, lang, t);
      return [`! ${first}`, ...[...rest, ...(options.change ? [t('plan.problem.unchanged')] : [])].map((line) => `  ${line}`)];
    }
  }
}

function updatedLines(reply: Extract<Reply, { kind: 'updated' }>, lang: Lang, t: Translate): string[] {
  return [
    `✓ ${updateHeadline(reply, lang, t)}`,
    `  ${reply.milestone.title}`,
    ...updateScopeLines(reply, lang, t).map((line) => `  ${line}`),
    ...(reply.comment === null ? [] : [`  ${t('plan.updated.comment', { comment: reply.comment })}`]),
    `  ${t('plan.updated.by', { actor: actorName(reply.actor, t), via: t(`plan.via.${reply.via}` as MessageKey), at: `${formatDate(reply.at.date, lang)} ${reply.at.time}` })}`,
  ];
}

function ownerLines(division: string, entry: DivisionEntry | null, changed: boolean, t: Translate): string[] {
  const title = t(changed ? 'plan.owner.changed' : 'plan.owner.shown', { division });
  if (entry === null) return [title, `  ${t('plan.owner.unmapped')}`];
  const people = (ids: readonly string[]) => (ids.length === 0 ? t('plan.owner.nobody') : ids.map((id) => actorName(id, t)).join(' '));
  return [
    title,
    `  ${t('plan.owner.channel', { channel: entry.channel || t('outbox.noChannel') })}`,
    `  ${t('plan.owner.users', { users: people(entry.users) })}`,
    `  ${t('plan.owner.deputies', { deputies: people(entry.deputies) })}`,
    ...(entry.channelMembers === true ? [`  ${t('plan.owner.channelMembers')}`] : []),
  ];
}
