// Messages for running it on a server: version, deployment.
import type { Message, Params } from '../message.ts';

export const ja = {
  'deploy.versionOption': 'バージョン (shinchoku と Node.js) を表示する',
  'deploy.version': (p: Params) => `shinchoku ${p.version} (Node.js ${p.node})`,
} satisfies Record<string, Message>;

export const en: Record<keyof typeof ja, Message> = {
  'deploy.versionOption': 'print the version (shinchoku and Node.js)',
  'deploy.version': (p: Params) => `shinchoku ${p.version} (Node.js ${p.node})`,
};
