// Messages for Microsoft Teams: Adaptive Cards.
import type { Message, Params } from '../message.ts';

export const ja = {
  'teamsCards.action.unknown': 'このボタンは読み取れませんでした(古いカードの可能性があります)。最新のお知らせから操作するか、コマンドで報告してください',
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'teamsCards.action.unknown': 'This button could not be read (the card may be out of date). Use the latest reminder, or report with a command',
};

// Keeps the import used until the area has a parameterised message.
export type { Params };
