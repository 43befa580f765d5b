/**
 * A command's Reply as an Adaptive Card: the view every platform shows
 * (build-reply-view.ts; the digest's own for a digest preview), each piece of
 * plan and user text escaped, commands written the Teams way.
 */
import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import type { Reply } from '../../../app/commands/reply.ts';
import { buildReplyView, replySummary, type NameActor, type ReplyBlock } from '../../../app/views/build-reply-view.ts';
import type { Lang } from '../../../i18n/catalog.ts';
import { stripMarkup } from '../../../i18n/strip-markup.ts';
import { bold, card, container, markdown, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { renderDigestCards } from './render-digest-card.ts';
import { TEAMS_COMMAND_PREFIX, teamsTranslator } from './teams-command.ts';
import { reportAnswerAction } from './render-report-dialog.ts';

export interface RenderReplyCardOptions {
  /** The command asked for a change: a refusal then says that nothing was changed. */
  change?: boolean;
  /** How people are named: Teams shows display names the app looks up; ids as they are otherwise. */
  nameActor?: NameActor;
}

/** The card of `reply` in `lang`. */
export function renderReplyCard(reply: Reply, lang: Lang, options: RenderReplyCardOptions = {}): IAdaptiveCard {
  if (reply.kind === 'digest') return renderDigestCards(reply.message, null, { preview: true })[0]!;
  const view = buildReplyView(reply, lang, { ...options, commandPrefix: TEAMS_COMMAND_PREFIX });
  const body: CardElementArray = [];
  if (view.title !== null) body.push(text(view.title, { size: 'Medium', weight: 'Bolder' }));
  let separateNext = false;
  for (const block of view.blocks) {
    if (block.kind === 'divider') {
      separateNext = true;
      continue;
    }
    const [element, ...details] = elementsOf(block, view.separator, lang);
    if (!element) continue;
    if (separateNext) Object.assign(element, { separator: true, spacing: 'Medium' });
    separateNext = false;
    body.push(element, ...details);
  }
  // The report form's text comes with the 回答 button that opens it as a dialog.
  const actions = reply.kind === 'report' && reply.report.op === 'form' ? [reportAnswerAction(reply.report.form.item.id, teamsTranslator(lang)('reports.form.button'), reply.report.form.round.planId)] : [];
  return card(body, { fallbackText: escapeCardText(replySummary(view)), ...(actions.length > 0 ? { actions } : {}) });
}

/** The card elements of one block of a view (a divider is the next element's separator). */
export function elementsOf(block: Exclude<ReplyBlock, { kind: 'divider' }>, separator: string, lang: Lang): CardElementArray {
  switch (block.kind) {
    case 'heading':
      return [markdown(bold(block.text), { spacing: 'Medium' })];
    case 'text':
      return [text(block.text, toneOf(block.tone))];
    case 'entry':
      return [text(block.text), ...(block.details === null ? [] : [text(block.details, toneOf('subtle'))])];
    case 'line': {
      const { line } = block;
      return [container([markdown(`${bold(line.id)} ${escapeCardText(line.title)}`.trim()), text(line.facts.join(separator), { isSubtle: true, spacing: 'None' })], { spacing: 'Small' })];
    }
    case 'commands':
      return [text(stripMarkup(block.text), { spacing: 'None' })];
    case 'more':
      return [text(teamsTranslator(lang)('plan.more', { count: block.count, command: block.command }), { isSubtle: true })];
  }
}

function toneOf(tone: 'normal' | 'subtle' | 'warning' | 'good'): Parameters<typeof text>[1] {
  if (tone === 'subtle') return { isSubtle: true, spacing: 'Small' };
  if (tone === 'warning') return { color: 'Attention', weight: 'Bolder' };
  if (tone === 'good') return { color: 'Good', weight: 'Bolder' };
  return {};
}

