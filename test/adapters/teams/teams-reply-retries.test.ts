// A command's answer under load (issue 14 §7 for replies): the Bot Connector
// answers the bot's reply with 429 (Retry-After) once and drops the
// connection once; the answer still arrives, exactly once, in the personal
// chat and in a channel's thread alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText, COORDINATOR, GENERAL, REFORM, startTeamsBot, until, type TeamsBotWorld } from './teams-bot.ts';

let world: TeamsBotWorld;
beforeAll(async () => {
  world = await startTeamsBot();
}, 60_000);
afterAll(async () => {
  await world.stop();
}, 30_000);

/** The bot's sends to a conversation (its threads included), with the status the connector answered (0: dropped). */
const sendsTo = (conversation: string) =>
  world.fake.connectorCalls.filter((c) => c.method === 'POST' && c.conversationId !== null && c.conversationId.split(';')[0] === conversation && c.path.endsWith('/activities')).map((c) => c.status);

describe('Teams replies under load', { timeout: 60_000 }, () => {
  it('a reply refused with 429 and Retry-After, then dropped, arrives once in the personal chat', async () => {
    const chat = world.fake.personalChat(COORDINATOR).id;
    const before = world.fake.activitiesIn(chat).length;
    const sends = sendsTo(chat).length;
    world.fake.failNext(chat, { status: 429, retryAfterSeconds: 1 });
    world.fake.dropNext(chat);
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, text: 'help' }));
    expect(status).toBe(200);
    await until(() => world.fake.activitiesIn(chat).length > before, 30_000);
    expect(sendsTo(chat).slice(sends)).toEqual([429, 0, 201]);
    const answers = world.fake.activitiesIn(chat).slice(before);
    expect(answers).toHaveLength(1);
    expect(cardText(answers[0]!.activity)).toContain('@shinchoku status');
  });

  it('the same for an answer in a channel’s thread', async () => {
    const before = world.fake.activitiesIn(REFORM).filter((a) => a.replyToId !== null).length;
    const sends = sendsTo(REFORM).length;
    world.fake.failNext(REFORM, { status: 429, retryAfterSeconds: 1 });
    world.fake.dropNext(REFORM);
    const { status } = await world.fake.sendActivity(world.url, world.fake.activities.message({ from: COORDINATOR, teamId: GENERAL, channelId: REFORM, text: 'status overdue', mention: true }));
    expect(status).toBe(200);
    await until(() => world.fake.activitiesIn(REFORM).filter((a) => a.replyToId !== null).length > before, 30_000);
    expect(sendsTo(REFORM).slice(sends)).toEqual([429, 0, 201]);
    expect(world.fake.activitiesIn(REFORM).filter((a) => a.replyToId !== null)).toHaveLength(before + 1);
  });
});
