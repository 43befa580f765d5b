/**
 * Where messages can go (issue 14 §3): when the app is added to a team, or
 * the team's channels change, the bot records the team, every channel (the
 * connector's list), the tenant and the service URL Teams gave; when it is
 * removed, those channels stop counting as installed. A personal install
 * records the user's personal chat.
 */
import type { App } from '@microsoft/teams.apps';
import type { Client as ApiClient } from '@microsoft/teams.api';
import type { TeamsConversationStore } from '../db/teams-conversation-store.ts';
import type { TeamsLogger } from './sdk-logger.ts';
import { userIdOf } from './user-id.ts';

/** The parts of installation and conversation-update activities this reads. */
interface MembershipActivity {
  type: string;
  action?: string;
  serviceUrl?: string;
  from: { id: string; aadObjectId?: string };
  recipient: { id: string };
  conversation: { id: string; conversationType?: string; tenantId?: string };
  membersAdded?: ReadonlyArray<{ id: string }>;
  membersRemoved?: ReadonlyArray<{ id: string }>;
  channelData?: { team?: { id?: string; name?: string; aadGroupId?: string }; tenant?: { id?: string }; eventType?: string; channel?: { id?: string; name?: string } };
}

export interface InstallDeps {
  conversations: TeamsConversationStore;
  logger: TeamsLogger;
  now: () => Date;
  /** Called after a personal install: show the user their home. */
  onPersonalInstall?: (conversationId: string, userId: string) => Promise<void>;
}

/** Team events that change which channels exist or whether the bot is in the team. */
const CHANNEL_EVENTS = new Set(['channelCreated', 'channelRenamed', 'channelRestored', 'teamRenamed', 'teamRestored', 'teamUnarchived', 'teamMemberAdded']);

/** Registers the installation and conversation-update listeners on `app`. */
export function listenInstalls(app: App, deps: InstallDeps): void {
  app.on('installationUpdate', async (context) => {
    await onMembership(context.activity as unknown as MembershipActivity, context.api, deps);
  });
  app.on('conversationUpdate', async (context) => {
    await onMembership(context.activity as unknown as MembershipActivity, context.api, deps);
  });
}

async function onMembership(activity: MembershipActivity, api: ApiClient, deps: InstallDeps): Promise<void> {
  const at = deps.now().toISOString();
  const serviceUrl = activity.serviceUrl ?? '';
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? null;
  const team = activity.channelData?.team;
  try {
    if (team?.id) {
      if (removesBot(activity)) {
        await deps.conversations.markTeamRemoved(team.id, at);
        deps.logger.info({ team: team.id }, 'teams app removed from a team');
        return;
      }
      if (activity.type === 'installationUpdate' || addsBot(activity) || CHANNEL_EVENTS.has(activity.channelData?.eventType ?? '')) {
        const channels = await channelsOf(api, team.id, deps.logger);
        await deps.conversations.recordTeam({ teamId: team.id, aadGroupId: team.aadGroupId ?? null, tenantId, serviceUrl, channels }, at);
        deps.logger.info({ team: team.id, channels: channels.length }, 'teams channels recorded');
      }
      return;
    }
    if (activity.conversation.conversationType === 'personal' && !removesBot(activity) && (activity.type === 'installationUpdate' || addsBot(activity))) {
      const userId = userIdOf(activity.from);
      await deps.conversations.recordPersonalChat({ conversationId: activity.conversation.id, userId, tenantId, serviceUrl }, at);
      await deps.onPersonalInstall?.(activity.conversation.id, userId);
    }
  } catch (error) {
    deps.logger.error({ err: error instanceof Error ? error.message : String(error), conversation: activity.conversation.id }, 'teams installation not recorded');
  }
}

/**
 * The team's channels from the connector; when it cannot be asked, the
 * General channel (the team's own id) at least, so the team is known.
 */
async function channelsOf(api: ApiClient, teamId: string, logger: TeamsLogger): Promise<Array<{ id: string; name: string | null }>> {
  try {
    const channels = await api.teams.getConversations(teamId);
    const list = channels.map((channel) => ({ id: channel.id, name: channel.name ?? null }));
    return list.some((channel) => channel.id === teamId) ? list : [{ id: teamId, name: null }, ...list];
  } catch (error) {
    logger.warn({ team: teamId, err: error instanceof Error ? error.message : String(error) }, 'teams channel list unavailable; recorded the General channel only');
    return [{ id: teamId, name: null }];
  }
}

function addsBot(activity: MembershipActivity): boolean {
  return (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
}

function removesBot(activity: MembershipActivity): boolean {
  if (activity.type === 'installationUpdate') return activity.action === 'remove' || activity.action === 'remove-upgrade';
  return (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient.id) || activity.channelData?.eventType === 'teamDeleted';
}
