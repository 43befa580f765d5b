/**
 * A report round's message (RoundMessage) as an Adaptive Card: the view
 * every platform shows (build-round-view.ts), laid out like a command's
 * reply, each item followed by its 回答 button, which opens the answer
 * dialog (task/fetch, render-report-dialog.ts). The outbox key rides in the
 * first container's id, as on a reminder card.
 */
import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import type { RoundMessage } from '../../../app/ports.ts';
import { buildRoundView } from '../../../app/views/build-round-view.ts';
import { actionSet, card, container, text } from './card-parts.ts';
import { escapeCardText } from './escape-card-text.ts';
import { outboxKeyId } from './outbox-key.ts';
import { elementsOf } from './render-reply-card.ts';
import { reportAnswerAction } from './render-report-dialog.ts';
import { TEAMS_COMMAND_PREFIX } from './teams-command.ts';

export function renderRoundCard(message: RoundMessage, outboxKey: string): IAdaptiveCard {
  const view = buildRoundView(message, { commandPrefix: TEAMS_COMMAND_PREFIX });
  const body: CardElementArray = [container([text(view.title, { size: 'Medium', weight: 'Bolder' })], { id: outboxKeyId(outboxKey) })];
  const answers = [...view.answers];
  for (const block of view.blocks) {
    if (block.kind === 'divider') continue;
    body.push(...elementsOf(block, view.separator, message.lang));
    // The view's answers follow its item lines in order.
    if (block.kind === 'line' && block.line.id !== '') {
      const answer = answers.shift();
      if (answer) body.push(actionSet([reportAnswerAction(answer.itemId, answer.label, answer.planKey)]));
    }
  }
  return card(body, { fallbackText: escapeCardText(view.summary) });
}
