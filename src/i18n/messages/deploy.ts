// Messages for running it on a server: version, deployment.
import type { Message, Params } from '../message.ts';

export const ja = {
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
};

// Keeps the import used until the area has a parameterised message.
export type { Params };
