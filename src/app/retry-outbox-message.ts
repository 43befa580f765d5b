/**
 * `shinchoku outbox retry ID`: gives a failed message another full round of
 * attempts. The recipient is looked up again, because the usual reason for a
 * permanent failure (channel_not_found, not_in_channel) is a directory entry
 * the operator has fixed since.
 */
import { channelFor, type Directory } from '../domain/directory.ts';
import { fail, ok, type Result } from '../domain/result.ts';
import type { OutboxAdmin, OutboxEntry, OutboxStatus } from './outbox-port.ts';

export type RetryProblem =
  | { code: 'unknown_message'; message: string; id: number }
  | { code: 'not_failed'; message: string; id: number; status: OutboxStatus };

export interface RetryDeps {
  outbox: OutboxAdmin;
  directory: Directory;
  now: Date;
}

/** Makes failed message `id` pending again; an unknown or not-failed id is a problem, not an exception. */
export async function retryOutboxMessage(id: number, deps: RetryDeps): Promise<Result<OutboxEntry, RetryProblem>> {
  const entry = await deps.outbox.get(id);
  if (!entry) return fail({ code: 'unknown_message', message: `no outbox message ${id}`, id });
  const notFailed = (status: OutboxStatus) => fail({ code: 'not_failed' as const, message: `outbox message ${id} is ${status}, not failed`, id, status });
  if (entry.status !== 'failed') return notFailed(entry.status);

  const recipient = channelFor(deps.directory, entry.division);
  // A division's reminders or round message go where the directory says now; a digest, a notice, an escalation to the coordinators.
  const toDivision = entry.body.type === 'reminders' || (entry.body.type === 'round' && entry.body.kind !== 'escalation');
  const body = toDivision ? { ...entry.body, unmapped: recipient.unmapped } : entry.body;
  if (!(await deps.outbox.retry(id, { channel: recipient.channel, body }, deps.now))) {
    // Someone else retried it in the meantime.
    return notFailed((await deps.outbox.get(id))?.status ?? entry.status);
  }
  const retried = await deps.outbox.get(id);
  return retried ? ok(retried) : fail({ code: 'unknown_message', message: `no outbox message ${id}`, id });
}
