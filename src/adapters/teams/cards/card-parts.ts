/**
 * The few Adaptive Card pieces our cards are made of. Plain objects typed
 * with @microsoft/teams.cards' interfaces: the compiler checks every card
 * against the SDK's schema types, nothing is built at run time, and the JSON
 * stays as small as the 40 KB message limit wants (the builder classes carry
 * nothing more but cost a call per element).
 */
import type { CardElementArray, IActionSet, IAdaptiveCard, IContainer, ITextBlock, TextColor, TextSize, TextWeight } from '@microsoft/teams.cards';
import { escapeCardText } from './escape-card-text.ts';

/** Teams renders Adaptive Cards up to 1.5 everywhere (mobile included); Action.Execute needs 1.4. */
export const CARD_VERSION = '1.5';

/** The content type of an Adaptive Card attachment. */
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * Teams refuses a bot message over 40 KB, counted on the whole activity
 * encoded as UTF-16 (413 MessageSizeTooBig). A card gets this much of it;
 * the rest is left for the activity around it (ids, service URL, summary).
 */
export const CARD_BYTES_BUDGET = 36 * 1024;

interface TextOptions {
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  separator?: boolean;
  spacing?: ITextBlock['spacing'];
}

/** A wrapping TextBlock showing `text` literally (escaped; see escape-card-text.ts). */
export function text(value: string, options: TextOptions = {}): ITextBlock {
  return { type: 'TextBlock', text: escapeCardText(value), wrap: true, ...options };
}

/** A TextBlock of already-escaped parts, for the few places that add our own bold. */
export function markdown(escaped: string, options: TextOptions = {}): ITextBlock {
  return { type: 'TextBlock', text: escaped, wrap: true, ...options };
}

/** `**escaped**`: our own emphasis around escaped text. */
export function bold(value: string): string {
  return value === '' ? '' : `**${escapeCardText(value)}**`;
}

export function container(items: CardElementArray, options: Partial<Omit<IContainer, 'type' | 'items'>> = {}): IContainer {
  return { type: 'Container', items, ...options };
}

export function actionSet(actions: IActionSet['actions']): IActionSet {
  return { type: 'ActionSet', actions };
}

/** A card of `body`, full width in Teams. */
export function card(body: CardElementArray, options: Partial<Omit<IAdaptiveCard, 'type' | 'body'>> = {}): IAdaptiveCard {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: CARD_VERSION, msteams: { width: 'full' }, body, ...options };
}

/** What a card weighs in a Teams message: its JSON as UTF-16, as Teams counts it. */
export function cardBytes(content: unknown): number {
  return JSON.stringify(content).length * 2;
}
