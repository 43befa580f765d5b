/**
 * Commands typed in Teams (SPEC §7.2): every message of the bot's personal
 * chat, and channel messages that @mention it, go through the same parser
 * and use cases as Slack's `/plan`.
 *
 * Where answers go (Teams has no ephemeral messages): in a personal chat,
 * there. In a channel, answers to queries and confirmations of changes go to
 * the thread where they were asked, for everyone there to see; refusals and
 * bad input, and what is personal (`mine`, `lang`), go to the asker's
 * personal chat, so a channel is not filled with one person's mistakes.
 */
import type { App } from '@microsoft/teams.apps';
import type { IMessageActivity } from '@microsoft/teams.api';
import type { Command } from '../../app/commands/command.ts';
import { parseCommand } from '../../app/commands/parse-command.ts';
import { problemReply, type Reply } from '../../app/commands/reply.ts';
import { runCommand } from '../../app/commands/run-command.ts';
import { languageOf } from '../../app/commands/set-language.ts';
import type { Lang } from '../../i18n/catalog.ts';
import { commandTextOf, mentionsBot } from './command-text.ts';
import { toMessageActivity } from './message-activity.ts';
import { sendToPersonalChat } from './personal-chat.ts';
import { sendReply } from './send-reply.ts';
import { literalTextCard } from './literal-text-card.ts';
import { renderReplyMessage } from './render-reply-message.ts';
import { HOME_WORDS, sendHome } from './send-home.ts';
import type { TeamsContext } from './teams-context.ts';
import { userIdOf } from './user-id.ts';
import { teamsTranslator } from './cards/teams-command.ts';

type MessageContext = Parameters<Parameters<App['on']>[1]>[0] & { activity: IMessageActivity };

/** Registers the message listener on `app`. */
export function listenMessages(app: App, ctx: TeamsContext): void {
  app.on('message', async (context) => {
    await answerMessage(context as MessageContext, ctx);
  });
}

/** Where one answer goes. */
type Destination = 'here' | 'personal';

async function answerMessage(context: MessageContext, ctx: TeamsContext): Promise<void> {
  const { activity } = context;
  const inChannel = activity.conversation.conversationType !== 'personal';
  // With the channel-message permission the bot sees every channel message: only those naming it are commands.
  if (inChannel && !mentionsBot(activity)) return;
  ctx.names.remember(activity.from);
  const userId = userIdOf(activity.from);
  if (!inChannel && HOME_WORDS.has(commandTextOf(activity).toLowerCase())) {
    await sendHome(context.api, activity.conversation.id, userId, ctx);
    return;
  }
  let lang: Lang = ctx.deps.defaultLang;
  let answer: { reply: Reply; change: boolean; destination: Destination };
  try {
    lang = await languageOf(ctx.deps, userId);
    answer = await commandAnswer(ctx, activity, userId, inChannel);
  } catch (error) {
    ctx.logger.error({ err: error instanceof Error ? error.message : String(error), user: userId }, 'teams command failed');
    await deliver(context, ctx, 'personal', inChannel, literalTextCard(teamsTranslator(lang)('plan.problem.internal')));
    return;
  }
  const replyLang = answer.reply.kind === 'lang' ? await languageOf(ctx.deps, userId) : lang;
  await deliver(context, ctx, answer.destination, inChannel, renderReplyMessage(answer.reply, replyLang, { change: answer.change, nameOf: ctx.names.nameOf }));
}

async function commandAnswer(ctx: TeamsContext, activity: IMessageActivity, userId: string, inChannel: boolean): Promise<{ reply: Reply; change: boolean; destination: Destination }> {
  const parsed = parseCommand(commandTextOf(activity));
  if (!parsed.ok) return { reply: problemReply(parsed.error), change: false, destination: 'personal' };
  const command = inChannel ? inChannelCommand(parsed.value, channelOf(activity)) : parsed.value;
  const reply = await runCommand(ctx.deps, userId, command, 'teams');
  return { reply, change: isChange(command), destination: destinationOf(command, reply) };
}

/**
 * `owner 総務部人事課` typed in a channel maps the division to that channel
 * (in a personal chat it shows the division's entry).
 */
function inChannelCommand(command: Command, channel: string): Command {
  if (command.kind === 'owner' && command.channel === null && command.users === null && command.channelMembers === null) {
    return { ...command, channel };
  }
  return command;
}

function destinationOf(command: Command, reply: Reply): Destination {
  if (reply.kind === 'problem') return 'personal';
  if (command.kind === 'lang') return 'personal';
  // A dashboard link is a key: never shown in a channel.
  if (command.kind === 'dashboard') return 'personal';
  if (command.kind === 'list' && command.target === 'mine') return 'personal';
  return 'here';
}

function isChange(command: Command): boolean {
  return command.kind === 'update' || command.kind === 'due' || (command.kind === 'owner' && (command.channel !== null || command.users !== null || command.channelMembers !== null)) || (command.kind === 'digest' && command.post) || (command.kind === 'dashboard' && command.action.kind !== 'open');
}

/** The channel's conversation id, without the `;messageid=` of a thread. */
function channelOf(activity: IMessageActivity): string {
  return activity.conversation.id.split(';')[0] ?? activity.conversation.id;
}

async function deliver(context: MessageContext, ctx: TeamsContext, destination: Destination, inChannel: boolean, message: ReturnType<typeof literalTextCard>): Promise<void> {
  const activity = toMessageActivity(message);
  const personal = destination === 'personal' && inChannel;
  // A 429 or a dropped connection must not lose the answer: retried, bounded, else logged with the reason.
  await sendReply(
    () => (personal ? sendToPersonalChat(context.api, context.activity, activity) : context.reply(activity)),
    { conversation: context.activity.conversation.id, personal },
    { logger: ctx.logger, lang: ctx.channelLang },
  );
}
