/**
 * A reminder card after a report (issue 14 §4): the card rebuilt from its
 * outbox message with every line's latest report since it was queued (who,
 * when, the new status), then put in place of the posted one (connector
 * PUT) so the whole channel sees it.
 */
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { Client as ApiClient } from '@microsoft/teams.api';
import type { OutboxAdmin } from '../../app/outbox-port.ts';
import type { StatusHistory } from '../../app/commands/ports.ts';
import { renderReminderCard } from './cards/render-reminder-card.ts';
import { toCardActivity } from './message-activity.ts';
import { stampsSince } from './stamps-since.ts';
import type { TeamsLogger } from './sdk-logger.ts';

export interface RefreshDeps {
  outbox: Pick<OutboxAdmin, 'byKey'>;
  /** The default plan's statuses: a reminder message from before reminders named their plan is of it. */
  statuses: Pick<StatusHistory, 'history'>;
  /** The statuses of the plan stored under a key (issue 13): a reminder's stamps come from its own plan. */
  statusesOf?: (planKey: string) => Pick<StatusHistory, 'history'>;
  timeZone: string;
  /** A stamp's actor (an Entra object id) as people read it. */
  nameOf: (userId: string) => string;
  logger: TeamsLogger;
}

/** The card of the reminder message `key`, stamped; null when the key names no reminder message. */
export async function stampedReminderCard(deps: RefreshDeps, key: string): Promise<IAdaptiveCard | null> {
  const entry = await deps.outbox.byKey(key);
  if (!entry || entry.body.type !== 'reminders') return null;
  const { planKey } = entry.body;
  const statuses = planKey !== undefined && deps.statusesOf ? deps.statusesOf(planKey) : deps.statuses;
  const stamps = await stampsSince(statuses, entry.body, entry.createdAt, deps.timeZone);
  return renderReminderCard(entry.body, key, stamps.map((stamp) => ({ ...stamp, actor: deps.nameOf(stamp.actor) })));
}

/** Replaces the posted card `activityId` in `conversationId` for everyone; a failure is logged, the clicker still sees it. */
export async function updateInPlace(api: ApiClient, conversationId: string, activityId: string, card: IAdaptiveCard, logger: TeamsLogger): Promise<void> {
  try {
    await api.conversations.activities(conversationId).update(activityId, toCardActivity(card));
  } catch (error) {
    logger.warn({ conversation: conversationId, activity: activityId, err: error instanceof Error ? error.message : String(error) }, 'teams card not updated in place');
  }
}
