/** `/plan due ID [CHECKPOINT] MONTH [COMMENT]`: a coordinator moves a due month; reminders follow it. */
import type { UpdateVia } from '../../domain/status-update.ts';
import type { Command } from './command.ts';
import { choosePlan } from './choose-plan.ts';
import type { CommandDeps } from './ports.ts';
import { recordStatus } from './record-status.ts';
import { problemReply, type Reply } from './reply.ts';

/** Revises a due month (coordinators only); the status stays as it was. */
export async function reviseDue(deps: CommandDeps, userId: string, command: Extract<Command, { kind: 'due' }>, via: UpdateVia = 'slash'): Promise<Reply> {
  const chosen = await choosePlan(deps, command.plan);
  if (!chosen.ok) return problemReply(chosen.error);
  const recorded = await recordStatus(chosen.value.deps, {
    userId,
    via,
    milestoneId: command.id,
    checkpoint: command.checkpoint,
    status: 'keep',
    comment: command.comment,
    revisedDue: command.month,
  });
  return recorded.ok ? recorded.value : problemReply(recorded.error);
}
