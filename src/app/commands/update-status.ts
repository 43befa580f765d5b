/** `/plan update ID [MONTH] STATUS [COMMENT]` (also `/plan 完了 ID …`). */
import type { UpdateVia } from '../../domain/status-update.ts';
import type { Command } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import type { CommandDeps } from './ports.ts';
import { recordStatus } from './record-status.ts';
import { problemReply, type Reply } from './reply.ts';

/** Records a status update typed as a command. */
export async function updateStatus(deps: CommandDeps, userId: string, command: Extract<Command, { kind: 'update' }>, via: UpdateVia = 'slash'): Promise<Reply> {
  // On another plan (`--plan dx-2021`) as on the default one; a plan whose period is over refuses (checkReport).
  const chosen = await choosePlan(deps, command.plan);
  if (!chosen.ok) return problemReply(chosen.error);
  const recorded = await recordStatus(chosen.value.deps, {
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
