// The composition root's weekly digest: the bot started on a digest day
// (in the terminal, with no chat platform) prints it once, and a restart
// the same day prints it no more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startBot, type RunningBot } from '../src/main.ts';

let dir: string;
let bot: RunningBot | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-main-digest-'));
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('startBot and the weekly digest', () => {
  it('posts the digest on its day, once, across a restart', async () => {
    // Wednesday 2020-09-23: Monday and Tuesday were holidays, so the week's digest goes out today at 09:00.
    const config = loadConfig({ DATABASE_URL: join(dir, 'bot.db'), SHINCHOKU_DIRECTORY: 'config/directory.example.yaml', SHINCHOKU_NOW: '2020-09-23T09:00:30' });
    if (!config.ok) throw new Error(config.error.message);
    const printed: string[] = [];
    bot = await startBot(config.value, (text) => printed.push(text));
    const digests = () => printed.filter((text) => text.startsWith('== 週次ダイジェスト'));
    await until(() => digests().length > 0);
    expect(digests()[0]).toMatch(/^== 週次ダイジェスト 令和2年9月23日\(水\) · 2020-09-23\n/);

    await bot.stop();
    bot = await startBot(config.value, (text) => printed.push(text));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(digests()).toHaveLength(1);
  });

  it('refuses a DIGEST_CRON it cannot follow, naming it', () => {
    const config = loadConfig({ DIGEST_CRON: '0 9 * * 1-5' });
    expect(config.ok).toBe(false);
    if (!config.ok) expect(config.error.message).toMatch(/^設定に誤りがあります \(\.env か環境変数を確認してください\): DIGEST_CRON: 「0 9 \* \* 1-5」は読めません。分 時 \* \* 曜日 の形で、曜日は1つ/);
  });
});
