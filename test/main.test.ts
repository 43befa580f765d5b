// The composition root end to end: the real bot (database, bundled plan,
// directory, Slack notifier, dispatcher, scheduler) against the fake Slack Web API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startBot, type RunningBot } from '../src/main.ts';
import { startFakeSlackApi, type FakeSlackApi } from './fakes/fake-slack-api.ts';
import { SlackRequests } from './fakes/slack-requests.ts';

// The bot's JSON logs are for operators; tests read what it did, not its log.
process.env.LOG_LEVEL = 'silent';

let dir: string;
let slack: FakeSlackApi;
let bot: RunningBot | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-main-'));
  slack = await startFakeSlackApi({ tokens: ['xoxb-test'] });
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await slack.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('startBot', () => {
  it('imports the bundled plan, catches up at once, and posts one message per division to its channel', async () => {
    const config = loadConfig({
      DATABASE_URL: join(dir, 'bot.db'),
      SLACK_BOT_TOKEN: 'xoxb-test',
      // HTTP mode on a free port: the Slack app starts next to the schedules.
      SLACK_SIGNING_SECRET: 'test-secret',
      PORT: '0',
      SLACK_API_URL: slack.url,
      SHINCHOKU_DIRECTORY: 'config/directory.example.yaml',
      SHINCHOKU_NOW: '2020-07-22T09:31:00+09:00',
    });
    if (!config.ok) throw new Error(config.error.message);
    const printed: string[] = [];
    bot = await startBot(config.value, (text) => printed.push(text));
    expect(printed[0]).toContain('モード: slack');

    // 2020-07-22: 総務部税収確保課 is told of 6-2-10 (due 7/31); 総務部管財課 has no
    // channel, so its reminders reach the coordinator channel, flagged.
    await until(() => slack.messages('C0ZEISHU01').length > 0 && slack.messages('C0REFORM01').length >= 2);
    const zeishu = slack.messages('C0ZEISHU01');
    expect(zeishu).toHaveLength(1);
    expect(JSON.stringify(zeishu[0])).toContain('6-2-10');
    const coordinator = JSON.stringify(slack.messages('C0REFORM01'));
    expect(coordinator).toContain('総務部管財課');

    // Every message carries its outbox key in the metadata, once.
    const keys = slack.allMessages().map((m) => JSON.stringify(m).match(/reminders\|2020-07-22\|[^"\\]+/)?.[0]);
    expect(keys.every(Boolean)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);

    // The Slack app answers /plan on the port it was given.
    expect(bot.slackPort).toBeGreaterThan(0);
    const requests = new SlackRequests(`http://127.0.0.1:${bot.slackPort}/slack/events`, 'test-secret');
    const help = await requests.slashCommand({ text: 'help', user_id: 'U0JINJI01', response_url: slack.responseUrl('help') });
    expect(help.status).toBe(200);
    expect(JSON.stringify((await slack.answerTo(help, 'help'))?.body)).toContain('/plan');

    // A restart on the same day sends nothing again.
    await bot.stop();
    const sent = slack.allMessages().length;
    bot = await startBot(config.value, () => {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(slack.allMessages().length).toBe(sent);
  });

  it('refuses to start with a broken directory file and says where', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'directory.yaml');
    writeFileSync(file, 'coordinator: { division: 総務部行財政改革推進課, channel: C1 }\ndivisions:\n  総務部人事課: { chanel: C2 }\n');
    const config = loadConfig({ DATABASE_URL: join(dir, 'bot.db'), SHINCHOKU_DIRECTORY: file });
    if (!config.ok) throw new Error(config.error.message);
    await expect(startBot(config.value, () => {})).rejects.toThrow(/directory\.yaml:3/);
  });
});
