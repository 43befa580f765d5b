// Messages for several plans and fiscal years, catch-up after downtime, the demo database.
import type { Message, Params } from '../message.ts';

export const ja = {
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
};

// Keeps the import used until the area has a parameterised message.
export type { Params };
