/**
 * A status report on a milestone (SPEC §1.4). Updates are appended, never
 * edited; a milestone's status is its latest update.
 */
import type { YearMonth } from './plan.ts';

import type { StatusCode } from './status.ts';

export type { StatusCode };

/** How the update reached us. */
export type UpdateVia = 'slash' | 'button' | 'modal' | 'cli' | 'teams' | 'shell' | 'import';

export interface NewStatusUpdate {
  milestoneId: string;
  /** The month reported on, for `months` and `monthly` schedules; absent for the milestone as a whole. */
  checkpoint?: YearMonth;
  status: StatusCode;
  comment?: string;
  /** A new due month set by the coordinator; reminders follow it. */
  revisedDue?: YearMonth;
  /** Who made the update: a chat user id, or the operator's name for the CLI. */
  actor: string;
  via: UpdateVia;
  /** UTC instant as `Date.prototype.toISOString()` writes it (stores sort on this text), from the caller's clock. */
  createdAt: string;
}

export interface StatusUpdate extends NewStatusUpdate {
  /** Assigned by the store; increases with every append. */
  id: number;
}

/**
 * The key under which the latest update of a milestone (and checkpoint) is
 * found: `1-1-2|` for the milestone as a whole, `1-1-2|2020-08` for one
 * checkpoint. A checkpoint never contains `|`, so the last `|` splits the key
 * unambiguously whatever the id.
 */
export function statusKey(milestoneId: string, checkpoint?: YearMonth): string {
  return `${milestoneId}|${checkpoint ?? ''}`;
}
