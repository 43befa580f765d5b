/**
 * The Teams SDK's logger interface onto ours (pino), with secrets removed:
 * without it the SDK writes to the console on its own.
 */
import type { ILogger, ILoggerOptions, LogLevel } from '@microsoft/teams.common';
import { redactSecrets } from './redact-secrets.ts';

/** The part of a pino logger the Teams adapter writes to; `pino()` fits it. */
export interface TeamsLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const SILENT_TEAMS_LOGGER: TeamsLogger = Object.freeze({ debug() {}, info() {}, warn() {}, error() {} });

/** An SDK ILogger writing to `logger` under `component`. */
export function toSdkLogger(logger: TeamsLogger, component = 'teams-sdk'): ILogger {
  const write = (level: LogLevel, parts: unknown[]): void => {
    const target = level === 'trace' ? 'debug' : level;
    logger[target]({ component }, redactSecrets(parts.map(stringify).join(' ')));
  };
  const sdk: ILogger = {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    trace: (...msg) => write('trace', msg),
    log: (level, ...msg) => write(level, msg),
    child: (name: string, _overrides?: ILoggerOptions) => toSdkLogger(logger, `${component}/${name}`),
  };
  return sdk;
}

function stringify(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}
