/**
 * The asker's personal chat with the bot: where refusals and personal
 * answers to a channel command go. Teams creates (or returns) the one-to-one
 * conversation on request; the user needs the app in a team they belong to.
 */
import type { Client as ApiClient, IMessageActivityInput } from '@microsoft/teams.api';

interface Asker {
  from: { id: string };
  recipient: { id: string };
  conversation: { tenantId?: string };
  channelData?: { tenant?: { id?: string } };
}

/** Sends `message` to the asker's personal chat. */
export async function sendToPersonalChat(api: ApiClient, asker: Asker, message: IMessageActivityInput): Promise<void> {
  const tenantId = asker.conversation.tenantId ?? asker.channelData?.tenant?.id;
  const conversation = await api.conversations.create({
    isGroup: false,
    bot: { id: asker.recipient.id },
    members: [{ id: asker.from.id } as never],
    ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  });
  await api.conversations.activities(conversation.id).create(message);
}
