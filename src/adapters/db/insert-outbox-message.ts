/**
 * Inserts one outbox row inside a caller's transaction: the reminder tick's
 * and the digest's, so that what they record and the message they enqueue
 * commit together or not at all.
 */
import type { Transaction } from 'kysely';
import type { NewOutboxMessage } from '../../app/outbox-port.ts';
import type { Database } from './schema.ts';

/** More messages with one base key than any tick or digest can produce; reaching it means a bug. */
const MAX_KEY_SUFFIX = 1000;

/**
 * Inserts `message` as pending, due at `now` (ISO-8601), under its base key,
 * or `key|2`, `key|3`, … when a message already has it. Returns its id and key.
 */
export async function insertOutboxMessage(trx: Transaction<Database>, message: NewOutboxMessage, now: string): Promise<{ id: number; key: string }> {
  for (let n = 1; n <= MAX_KEY_SUFFIX; n++) {
    const key = n === 1 ? message.baseKey : `${message.baseKey}|${n}`;
    const row = await trx
      .insertInto('outbox')
      .values({
        key,
        day: message.day,
        division: message.division,
        channel: message.channel,
        body_json: JSON.stringify(message.body),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) return { id: Number(row.id), key };
  }
  throw new Error(`outbox: more than ${MAX_KEY_SUFFIX} messages under ${message.baseKey}`);
}
