// Structured logs (pino): one JSON line per event with the ids involved.
// Anything that looks like a credential is redacted before it is written.
import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET_PATHS = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', '*.token', '*.authorization', 'headers.authorization'];

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'shinchoku' }, redact: { paths: SECRET_PATHS, censor: '[redacted]' } }, pino.destination(2));
}
