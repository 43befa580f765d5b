// Every recorded status update as one log line with its ids, whichever way
// it came in (slash command, button, comment form, shell): the operator's
// trail of who reported what, beside the history in the database.
import type { StatusHistory } from '../../app/commands/ports.ts';
import type { Logger } from './create-logger.ts';

export function logStatusAppends<T extends StatusHistory>(statuses: T, logger: Pick<Logger, 'info'>): T {
  return {
    ...statuses,
    async append(update) {
      const stored = await statuses.append(update);
      logger.info(
        { updateId: stored.id, milestoneId: stored.milestoneId, checkpoint: stored.checkpoint ?? null, status: stored.status, revisedDue: stored.revisedDue ?? null, actor: stored.actor, via: stored.via },
        'status recorded',
      );
      return stored;
    },
  };
}
