/**
 * Marks a reminder line as handled, in the channel (chat.update), after a
 * status button or the comment form: the message as Slack has it, with the
 * stamp of render-status-stamp.ts for the line that was reported on.
 */
import type { BlockAction, types, webApi } from '@slack/bolt';
import type { Recorded } from '../../../app/commands/record-status.ts';
import { stampMessage } from '../render-status-stamp.ts';
import type { ListenerContext } from './listener-context.ts';

/** A message in a channel, with its blocks as Slack returns them. */
export interface ChannelMessage {
  channel: string;
  ts: string;
  blocks: readonly unknown[];
  text?: string;
}

/** Updates the reminder message with who recorded what (chat.update); the message is left as it is if the line is gone. */
export async function stampInPlace(
  client: webApi.WebClient,
  ctx: ListenerContext,
  where: ChannelMessage | Pick<BlockAction, 'channel' | 'message' | 'container'>,
  blockId: string,
  recorded: Recorded,
): Promise<void> {
  const message = 'ts' in where ? where : messageOf(where);
  if (message === null) return;
  const blocks = stampMessage(message.blocks, blockId, {
      status: recorded.status,
      actor: recorded.actor,
      via: recorded.via,
      at: recorded.at,
      comment: recorded.comment,
      pickedMonth: recorded.picked ? recorded.checkpoint : null,
    }, ctx.channelLang);
  if (blocks === null) return;
  // The blocks are the message's own, as Slack sent them back, plus our stamp.
  await client.chat.update({ channel: message.channel, ts: message.ts, text: message.text ?? '', blocks: blocks as types.KnownBlock[] });
}

function messageOf(body: Pick<BlockAction, 'channel' | 'message' | 'container'>): ChannelMessage | null {
  const channel = body.channel?.id ?? (typeof body.container?.channel_id === 'string' ? body.container.channel_id : undefined);
  const message = body.message;
  if (channel === undefined || message === undefined || !Array.isArray(message.blocks)) return null;
  return { channel, ts: message.ts, blocks: message.blocks as unknown[], ...(message.text === undefined ? {} : { text: message.text }) };
}
