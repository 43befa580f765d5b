/**
 * The invoke answers that carry our cards (typed with the SDK's models, so a
 * renamed field breaks the build, not a user's click): the card that replaces
 * the clicked one for the clicker (Action.Execute), and a dialog to open or
 * show again with its errors (task/fetch, task/submit).
 */
import type { AdaptiveCardActionCardResponse, TaskModuleResponse } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { CARD_CONTENT_TYPE } from './card-parts.ts';
import type { CommentDialog } from './render-comment-dialog.ts';

/** The answer to a status click: the updated card, shown to the clicker at once. */
export function cardActionResponse(card: IAdaptiveCard): AdaptiveCardActionCardResponse {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card };
}

/** The answer that opens the コメント dialog, or shows it again with its errors. */
export function dialogResponse(dialog: CommentDialog): TaskModuleResponse {
  return { task: { type: 'continue', value: { title: dialog.title, width: 'medium', card: { contentType: CARD_CONTENT_TYPE, content: dialog.card } } } };
}

/** The answer that closes the dialog, with a short message Teams shows in its place. */
export function dialogClosedResponse(message: string): TaskModuleResponse {
  return { task: { type: 'message', value: message } };
}
