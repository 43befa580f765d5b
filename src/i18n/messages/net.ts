// Messages for the network and the command line: proxy, doctor's network checks, CLI and settings errors, plan encodings, typed dates.
import type { Message, Params } from '../message.ts';

export const ja = {
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
};

// Keeps the import used until the area has a parameterised message.
export type { Params };
