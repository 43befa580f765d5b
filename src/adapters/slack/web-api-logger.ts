/**
 * Routes the Slack Web API client's own log lines into the app's logger
 * (pino), instead of its default console logger, with tokens scrubbed.
 */
import { webApi } from '@slack/bolt';
import { redactTokens } from '../log/redact-tokens.ts';

/** The part of a pino logger the Slack adapter writes to; `pino()` fits it. */
export interface AdapterLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger that drops everything: the default, so a library never writes to the console behind our back. */
export const SILENT_LOGGER: AdapterLogger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

export function toWebApiLogger(logger: AdapterLogger): webApi.Logger {
  const forward =
    (level: keyof AdapterLogger) =>
    (...parts: unknown[]): void => {
      logger[level]({ component: 'slack-web-api' }, redactTokens(parts.map(stringify).join(' ')));
    };
  // Levels are the app logger's business; the client's setLevel/setName are accepted and ignored.
  let level = webApi.LogLevel.DEBUG;
  return {
    debug: forward('debug'),
    info: forward('info'),
    warn: forward('warn'),
    error: forward('error'),
    setLevel(next: webApi.LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}

function stringify(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
}
