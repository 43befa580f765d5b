// `shinchoku outbox [--failed] [--json]` and `shinchoku outbox retry ID`: what
// the dispatcher has delivered, is delivering, or gave up on (SPEC §4: never
// dropped, always visible), and a second chance for what failed.
import type { Config } from '../config.ts';
import { isMessageKey, translator, type MessageKey, type Translate } from '../i18n/catalog.ts';
import { closeDatabase, openDatabase } from '../adapters/db/connect.ts';
import { createOutboxStore } from '../adapters/db/outbox-store.ts';
import { loadDirectory } from '../adapters/directory/load-directory.ts';
import type { OutboxEntry } from '../app/outbox-port.ts';
import { retryOutboxMessage } from '../app/retry-outbox-message.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface OutboxListOptions {
  failed?: boolean;
  json?: boolean;
}

export async function outboxListCommand(options: OutboxListOptions, config: Config, io: CliIo): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const entries = await createOutboxStore(db).list(options.failed ? { status: 'failed' } : {});
    if (options.json) {
      io.out(`${JSON.stringify(entries.map(toJson), null, 2)}\n`);
      return;
    }
    if (entries.length === 0) {
      io.out(t(options.failed ? 'outbox.noneFailed' : 'outbox.none'));
      return;
    }
    const lines = entries.map((entry) => renderLine(entry, t));
    lines.push('', t('outbox.total', { count: entries.length }));
    if (entries.some((entry) => entry.status === 'failed')) lines.push(t('outbox.retryHint'));
    io.out(lines.join('\n'));
  } finally {
    await closeDatabase(db);
  }
}

export async function outboxRetryCommand(id: string, config: Config, io: CliIo, now: Date): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const fail = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  if (!/^\d{1,15}$/.test(id)) return fail(t('outbox.badId', { id }));
  const directory = await loadDirectory(config.SHINCHOKU_DIRECTORY, config.SHINCHOKU_LANG);
  if (!directory.ok) return fail(directory.error.message);

  const db = await openDatabase(config.DATABASE_URL);
  try {
    const result = await retryOutboxMessage(Number(id), { outbox: createOutboxStore(db), directory: directory.value, now });
    if (!result.ok) {
      const problem = result.error;
      return fail(
        problem.code === 'unknown_message'
          ? t('outbox.unknownId', { id })
          : t('outbox.notFailed', { id, status: t(statusKey(problem.status)) }),
      );
    }
    const entry = result.value;
    io.out(t('outbox.retried', { id, division: entry.division, channel: channelText(entry, t) }));
  } finally {
    await closeDatabase(db);
  }
}

function renderLine(entry: OutboxEntry, t: Translate): string {
  return t('outbox.line', {
    id: entry.id,
    day: entry.day,
    status: t(statusKey(entry.status)),
    division: entry.division,
    channel: channelText(entry, t),
    attempts: entry.attempts,
    ts: entry.sentTs ?? '-',
    error: entry.lastError && entry.status !== 'sent' ? t('outbox.lastError', { error: errorText(entry.lastError, t) }) : '',
  });
}

/** The platform's code, with what to do about it when the catalogue knows the code. */
function errorText(error: string, t: Translate): string {
  const code = oneLine(error);
  const reason = `outbox.reason.${code}`;
  return isMessageKey(reason) ? `${code} (${t(reason)})` : code;
}

function channelText(entry: OutboxEntry, t: Translate): string {
  const channel = entry.channel === '' ? t('outbox.noChannel') : entry.channel;
  return (entry.body.type === 'reminders' || entry.body.type === 'round') && entry.body.unmapped ? `${channel} ${t('outbox.unmapped')}` : channel;
}

function statusKey(status: OutboxEntry['status']): MessageKey {
  return `outbox.status.${status}`;
}

/** Errors come from the platform; a newline in one would break the one-line-per-message listing. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The `--json` shape: stable field names, ISO times, no message body (it can be long). */
function toJson(entry: OutboxEntry) {
  return {
    id: entry.id,
    key: entry.key,
    day: entry.day,
    division: entry.division,
    channel: entry.channel,
    // A digest goes to the coordinator channel by design and has no reminder lines.
    unmapped: (entry.body.type === 'reminders' || entry.body.type === 'round') && entry.body.unmapped,
    missed: entry.body.type === 'reminders' && entry.body.missed,
    lines: entry.body.type === 'reminders' ? entry.body.lines.length : entry.body.type === 'round' ? entry.body.items.length : 0,
    status: entry.status,
    attempts: entry.attempts,
    nextAttemptAt: entry.nextAttemptAt.toISOString(),
    lastError: entry.lastError,
    sentTs: entry.sentTs,
    createdAt: entry.createdAt.toISOString(),
    sentAt: entry.sentAt?.toISOString() ?? null,
  };
}
