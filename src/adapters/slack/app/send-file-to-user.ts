/**
 * Hands a file to the person who asked, in their direct messages with the
 * bot: conversations.open for the DM, then Slack's external upload
 * (files.getUploadURLExternal, the bytes, files.completeUploadExternal) to
 * that DM, which is how the Web API takes files now. A refusal (a missing
 * scope, a file too large) is told to the asker, never thrown.
 */
import type { webApi } from '@slack/bolt';
import type { FileDelivery } from '../../../app/commands/ports.ts';
import { classifySlackError } from '../classify-slack-error.ts';
import type { AdapterLogger } from '../web-api-logger.ts';

export function createSlackFileDelivery(client: Pick<webApi.WebClient, 'conversations' | 'filesUploadV2'>, logger: AdapterLogger): FileDelivery {
  return {
    async deliver(file, userId) {
      try {
        const opened = await client.conversations.open({ users: userId });
        const channel = opened.channel?.id;
        if (!channel) return { kind: 'failed', reason: 'no_dm_channel' };
        await client.filesUploadV2({ channel_id: channel, file: Buffer.from(file.bytes), filename: file.fileName, title: file.fileName });
        return { kind: 'dm' };
      } catch (error) {
        const reason = classifySlackError(error).error;
        logger.warn({ err: reason, user: userId, file: file.fileName }, 'file not delivered');
        return { kind: 'failed', reason };
      }
    },
  };
}
