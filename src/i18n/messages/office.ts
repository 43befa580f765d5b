// Messages for running it in an office: proxy, catch-up, CLI and settings errors, plan encodings, deployment.
import type { Message, Params } from '../message.ts';

export const ja = {
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
};

// Keeps the import used while the area has no parameterised message yet.
export type { Params };
