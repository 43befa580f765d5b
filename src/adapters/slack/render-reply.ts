/**
 * A command's Reply as the message Slack shows: Block Kit within its limits
 * (≤ 50 blocks, ≤ 3,000 characters a section) and a short plain fallback
 * for notifications. Every piece of user or plan text is escaped on the way.
 */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import { statusLabel } from '../../domain/status.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { context, header, section, toMrkdwn, toPlain } from './mrkdwn.ts';
import type { SlackMessage } from './render-reminder.ts';
import { renderDigest } from './render-digest.ts';
import { renderHelp } from './render-help.ts';
import { renderHistory } from './render-history.ts';
import { renderMilestone } from './render-milestone.ts';
import { renderList, titleOf } from './render-milestone-list.ts';
import { overviewBlocks } from './render-overview.ts';
import { renderOwner } from './render-owner.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import { exportedLines } from '../../i18n/export-lines.ts';
import { renderUpdate } from './render-update.ts';

export interface RenderOptions {
  /** The command asked for a change: a refusal then says that nothing was changed. */
  change?: boolean;
}

/** Renders `reply` in `lang`. */
export function renderReply(reply: Reply, lang: Lang, options: RenderOptions = {}): SlackMessage {
  const t = translator(lang);
  const blocks = blocksOf(reply, lang, t, options).slice(0, BLOCK_KIT_LIMITS.blocksPerMessage);
  // The fallback is read as mrkdwn too, so it is escaped like the blocks.
  const summary = truncate(toPlain(summaryOf(reply, lang, t)), BLOCK_KIT_LIMITS.fallbackText / 5);
  return { text: toMrkdwn(t('plan.fallback.reply', { summary })), blocks };
}

function blocksOf(reply: Reply, lang: Lang, t: Translate, options: RenderOptions): types.KnownBlock[] {
  switch (reply.kind) {
    case 'help':
      return renderHelp(reply, t);
    case 'overview':
      return [header(t('plan.overview.title', { title: reply.overview.title })), ...overviewBlocks(reply.overview, lang, t)];
    case 'milestone':
      return renderMilestone(reply, lang, t);
    case 'list':
      return renderList(reply, lang, t);
    case 'history':
      return renderHistory(reply, lang, t);
    case 'updated':
      return renderUpdate(reply, lang, t);
    case 'owner':
      return renderOwner(reply, t);
    case 'lang':
      return [section(toMrkdwn(t(reply.changed ? 'plan.lang.set' : 'plan.lang.current')))];
    case 'digest':
      return renderDigest(reply.message, { preview: true }).blocks;
    case 'digest_posted': {
      const channel = /^[CG][A-Z0-9]{2,}$/u.test(reply.channel) ? `<#${reply.channel}>` : toMrkdwn(reply.channel);
      return [section(toMrkdwn(t('plan.digest.posted', { channel: '\u0002', week: reply.week })).replace('\u0002', channel))];
    }
    case 'exported':
      return exportedLines(reply, lang, t).map((line) => section(toMrkdwn(line)));
    case 'problem': {
      const lines = problemLines(reply.problem, lang, t);
      const [first = '', ...rest] = lines;
      const blocks: types.KnownBlock[] = [section(`:warning: ${toMrkdwn(first)}`)];
      const notes = [...rest, ...(options.change ? [t('plan.problem.unchanged')] : [])];
      if (notes.length > 0) blocks.push(context(...notes.map(toMrkdwn)));
      return blocks;
    }
  }
}

function summaryOf(reply: Reply, lang: Lang, t: Translate): string {
  switch (reply.kind) {
    case 'help':
      return t('plan.help.title');
    case 'overview':
      return t('plan.overview.title', { title: reply.overview.title });
    case 'milestone':
      return `${reply.detail.summary.id} ${reply.detail.summary.title} — ${statusLabel(reply.detail.summary.status, lang)}`;
    case 'list':
      return titleOf(reply.scope, t);
    case 'history':
      return t('plan.history.title', { id: reply.milestone.id });
    case 'updated':
      return `${reply.milestone.id} — ${statusLabel(reply.status, lang)}`;
    case 'owner':
      return reply.division;
    case 'lang':
      return t(reply.changed ? 'plan.lang.set' : 'plan.lang.current');
    case 'digest':
      return t('plan.digest.preview');
    case 'digest_posted':
      return t('plan.digest.posted', { channel: reply.channel, week: reply.week });
    case 'exported':
      return exportedLines(reply, lang, t)[0] ?? '';
    case 'problem':
      return problemLines(reply.problem, lang, t)[0] ?? '';
  }
}
