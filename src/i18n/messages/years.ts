// Messages for several plans and fiscal years: plan keys, carry-over, import review.
import type { Message, Params } from '../message.ts';

export const ja = {
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
};

// Keeps the import used while the area has no parameterised message yet.
export type { Params };
