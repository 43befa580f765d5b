/**
 * A command's Reply as the message Slack shows: the view every platform
 * shows (build-reply-view.ts; the digest's own for a digest preview) as
 * Block Kit within its limits (≤ 50 blocks, ≤ 3,000 characters a section),
 * and a short plain fallback for notifications. Every piece of user or plan
 * text is escaped on the way; people become mentions, channel ids links.
 */
import type { types } from '@slack/bolt';
import type { Reply } from '../../app/commands/reply.ts';
import { buildReplyView, replySummary, type ReplyBlock, type ReplyView } from '../../app/views/build-reply-view.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { BLOCK_KIT_LIMITS, truncate } from './block-kit-limits.ts';
import { actorToken, channelToken, context, DIVIDER, header, section, toMrkdwn, toPlain } from './mrkdwn.ts';
import { reminderLineText } from './reminder-line-text.ts';
import type { SlackMessage } from './render-reminder.ts';
import { renderDigest } from './render-digest.ts';

export interface RenderOptions {
  /** The command asked for a change: a refusal then says that nothing was changed. */
  change?: boolean;
}

/** Renders `reply` in `lang`. */
export function renderReply(reply: Reply, lang: Lang, options: RenderOptions = {}): SlackMessage {
  const t = translator(lang);
  if (reply.kind === 'digest') return withFallback(renderDigest(reply.message, { preview: true }).blocks, t('plan.digest.preview'), t);
  const view = buildReplyView(reply, lang, { ...(options.change ? { change: true } : {}), nameActor: actorToken, nameChannel: channelToken });
  const blocks = [...(view.title === null ? [] : [header(view.title)]), ...viewBlocks(view, t)];
  return withFallback(blocks, replySummary(view), t);
}

function withFallback(blocks: types.KnownBlock[], summary: string, t: Translate): SlackMessage {
  // The fallback is read as mrkdwn too, so it is escaped like the blocks.
  const fallback = truncate(toPlain(summary), BLOCK_KIT_LIMITS.fallbackText / 5);
  return { text: toMrkdwn(t('plan.fallback.reply', { summary: fallback })), blocks: blocks.slice(0, BLOCK_KIT_LIMITS.blocksPerMessage) };
}

/**
 * The view's blocks after its title. A heading, a confirmation or a plain
 * text opens a section that the plain texts after it join (a list of
 * pillars, a directory entry cost one block); subtle texts in a row share a
 * context block.
 */
export function viewBlocks(view: ReplyView, t: Translate): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  let open: string[] | null = null;
  let notes: string[] | null = null;
  const flush = () => {
    if (open) blocks.push(section(open.join('\n')));
    if (notes) blocks.push(context(...notes));
    open = null;
    notes = null;
  };
  for (const block of view.blocks) {
    switch (block.kind) {
      case 'heading':
        flush();
        open = [`*${toMrkdwn(block.text)}*`];
        break;
      case 'text':
        if (block.tone === 'subtle') {
          if (open) flush();
          (notes ??= []).push(toMrkdwn(block.text));
        } else if (block.tone === 'normal') {
          if (notes) flush();
          (open ??= []).push(toMrkdwn(block.text));
        } else {
          flush();
          open = [block.tone === 'warning' ? `:warning: ${toMrkdwn(block.text)}` : `*${toMrkdwn(block.text)}*`];
        }
        break;
      case 'commands':
        if (notes) flush();
        (open ??= []).push(toMrkdwn(block.text));
        break;
      case 'line':
        flush();
        blocks.push(section(reminderLineText(block.line, view.separator)));
        break;
      case 'entry':
        flush();
        blocks.push(section(toMrkdwn(block.details === null ? block.text : `${block.text}\n${block.details}`)));
        break;
      case 'more':
        flush();
        blocks.push(context(moreText(block, t)));
        break;
      case 'divider':
        flush();
        blocks.push(DIVIDER);
        break;
    }
  }
  flush();
  return blocks;
}

function moreText(block: Extract<ReplyBlock, { kind: 'more' }>, t: Translate): string {
  return toMrkdwn(t('plan.more', { count: block.count, command: `\`${block.command}\`` }));
}
