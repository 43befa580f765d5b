/**
 * A command's Reply as terminal text: the view every platform shows
 * (build-reply-view.ts; the digest's own for a digest preview) laid out for
 * a terminal. Nothing needs escaping: the terminal pings nobody.
 *
 *   == title
 *   facts about the whole
 *
 *   heading
 *     what the heading covers
 *     1-1-2 milestone title
 *         facts of the line
 *   ! a problem
 *     its notes
 */
import type { Reply } from '../../app/commands/reply.ts';
import { buildReplyView, type ReplyBlock, type ReplyView } from '../../app/views/build-reply-view.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { stripMarkup } from '../../i18n/strip-markup.ts';
import { renderDigestText } from './render-digest-text.ts';
import { actorName } from './shell-identity.ts';

export interface RenderTextOptions {
  /** The command asked for a change: a refusal then says that nothing was changed. */
  change?: boolean;
}

const INDENT = '  ';
const DETAIL_INDENT = '      ';

/** Renders `reply` in `lang`. */
export function renderReplyText(reply: Reply, lang: Lang, options: RenderTextOptions = {}): string {
  if (reply.kind === 'digest') return renderDigestText(reply.message, { preview: true });
  const t = translator(lang);
  const view = buildReplyView(reply, lang, { ...(options.change ? { change: true } : {}), nameActor: (actor) => actorName(actor, t) });
  const lines = viewLines(view, t);
  // Typed at the shell, `/plan` may be left out: help says so.
  if (reply.kind === 'help') lines.push(t('shell.help.planPrefix'));
  return lines.join('\n');
}

/** The view's lines: blocks under a heading, or after a warning or a confirmation, are indented as what those cover. */
export function viewLines(view: ReplyView, t: Translate): string[] {
  const out = view.title === null ? [] : [`== ${view.title}`];
  let inside = false;
  view.blocks.forEach((block, index) => {
    const indent = inside ? INDENT : '';
    switch (block.kind) {
      case 'divider':
        return;
      case 'heading':
        if (index > 0) out.push('');
        out.push(block.text);
        inside = true;
        return;
      case 'text':
        if (block.tone === 'warning') {
          out.push(`! ${block.text}`);
          inside = true;
        } else if (block.tone === 'good') {
          out.push(block.text);
          inside = true;
        } else out.push(...block.text.split('\n').map((line) => `${indent}${line}`));
        return;
      case 'commands':
        out.push(...stripMarkup(block.text).split('\n').map((line) => `${INDENT}${line}`));
        return;
      case 'line':
        out.push(`${INDENT}${block.line.id} ${block.line.title}`.trimEnd(), `${DETAIL_INDENT}${block.line.facts.join(view.separator)}`, ...block.line.notes.map((note) => `${DETAIL_INDENT}${note}`));
        return;
      case 'entry':
        out.push(`${INDENT}${block.text}`, ...(block.details === null ? [] : [`${DETAIL_INDENT}${block.details}`]));
        return;
      case 'more':
        out.push(moreText(block, t));
        return;
    }
  });
  return out;
}

function moreText(block: Extract<ReplyBlock, { kind: 'more' }>, t: Translate): string {
  return t('plan.more', { count: block.count, command: block.command });
}
