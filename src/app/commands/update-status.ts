/** `/plan update ID [MONTH] STATUS [COMMENT]` (also `/plan 完了 ID …`). */
import type { UpdateVia } from '../../domain/status-update.ts';
import type { Command } from './command.ts';
import type { CommandDeps } from './ports.ts';
import { recordStatus } from './record-status.ts';
import { problemReply, type Reply } from './reply.ts';

/** Records a status update typed as a command. */
export async function updateStatus(deps: CommandDeps, userId: string, command: Extract<Command, { kind: 'update' }>, via: UpdateVia = 'slash'): Promise<Reply> {
  const recorded = await recordStatus(deps, {
    userId,
    via,
    milestoneId: command.id,
    checkpoint: command.checkpoint,
    status: command.status,
    comment: command.comment,
    revisedDue: null,
  });
  return recorded.ok ? recorded.value : problemReply(recorded.error);
}
