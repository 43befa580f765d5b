// Structured logs (pino): one line per event with the ids involved, on
// stderr so that stdout stays the program's output. JSON lines for log
// collectors; pretty lines when stderr is a terminal and pino-pretty is
// installed. Credentials never reach a log line (see scrubSecrets).
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactTokens } from './redact-tokens.ts';

export type { Logger };

/** Fields that hold a secret whatever their value looks like. */
const SECRET_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'password',
  'authorization',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.password',
  '*.authorization',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_APP_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerSettings {
  /** pino level (LOG_LEVEL); default `info`. */
  level?: string;
  /** Where the lines go; default stderr (pretty when it is a terminal and pino-pretty resolves). */
  destination?: DestinationStream;
}

export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { app: 'shinchoku' },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    // A token can also hide in free text: an error message, a URL, a nested value.
    formatters: { log: (object) => scrubSecrets(object, 0) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactTokens(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  if (settings.destination) return pino(options, settings.destination);
  const pretty = process.stderr.isTTY ? prettyTarget() : null;
  if (pretty) return pino({ ...options, transport: { target: pretty, options: { destination: 2, translateTime: 'SYS:standard', ignore: 'pid,hostname,app' } } });
  return pino(options, pino.destination(2));
}

/** pino-pretty's entry point when it is installed (it is optional: JSON lines otherwise). */
function prettyTarget(): string | null {
  try {
    return createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return null;
  }
}

const MAX_DEPTH = 6;

/** Every string in a log object with Slack tokens replaced; errors keep their type, message and stack. */
export function scrubSecrets(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return redactTokens(value);
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    const { name, message, stack } = value;
    const code = (value as { code?: unknown }).code;
    return { type: name, message: redactTokens(message), ...(stack ? { stack: redactTokens(stack) } : {}), ...(code === undefined ? {} : { code }) };
  }
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  if (value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubSecrets(item, depth + 1)]));
}
