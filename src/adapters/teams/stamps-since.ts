/**
 * What a posted reminder card shows after clicks: for each of its lines, the
 * latest report made since the card was queued (who, when, the new status,
 * the comment). Read from the status history, so every line keeps its stamp
 * however many people click, and in whatever order.
 */
import type { StatusHistory } from '../../app/commands/ports.ts';
import type { ReminderMessage } from '../../app/ports.ts';
import type { YearMonth } from '../../domain/plan.ts';
import type { StatusCode } from '../../domain/status.ts';
import type { UpdateVia } from '../../domain/status-update.ts';
import { wallClock, type WallClock } from '../../domain/zoned-time.ts';

export interface CardLineStamp {
  milestoneId: string;
  checkpoint: YearMonth | null;
  status: StatusCode;
  actor: string;
  via: UpdateVia;
  at: WallClock;
  comment: string | null;
}

/** The stamps of `message`'s lines: reports at or after `since`, the latest per line. */
export async function stampsSince(statuses: Pick<StatusHistory, 'history'>, message: ReminderMessage, since: Date, timeZone: string): Promise<CardLineStamp[]> {
  const stamps: CardLineStamp[] = [];
  const ids = [...new Set(message.lines.map((line) => line.milestoneId))];
  const from = since.toISOString();
  for (const id of ids) {
    const history = await statuses.history(id);
    for (const line of message.lines.filter((l) => l.milestoneId === id)) {
      const latest = history.filter((u) => u.createdAt >= from && (u.checkpoint ?? null) === line.checkpoint).at(-1);
      if (!latest) continue;
      stamps.push({
        milestoneId: id,
        checkpoint: line.checkpoint,
        status: latest.status,
        actor: latest.actor,
        via: latest.via,
        at: wallClock(new Date(latest.createdAt), timeZone),
        comment: latest.comment ?? null,
      });
    }
  }
  return stamps;
}
