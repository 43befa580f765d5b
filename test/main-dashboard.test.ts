// `npm start` with DASHBOARD_PORT: the dashboard runs beside the chat
// adapter (the shell here), `/plan dashboard` answers a link that opens it,
// and stopping the bot stops the dashboard.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startBot, type RunningBot } from '../src/main.ts';

process.env.LOG_LEVEL = 'silent';

let dir: string;
let bot: RunningBot | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-main-web-'));
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('starts the dashboard with the shell and hands out a working link; stopping the bot stops it', async () => {
  const config = loadConfig({
    DATABASE_URL: join(dir, 'bot.db'),
    SHINCHOKU_DIRECTORY: 'config/directory.example.yaml',
    SHINCHOKU_NOW: '2020-09-07T10:00',
    DASHBOARD_PORT: '0',
    DASHBOARD_HOST: '127.0.0.1',
    DASHBOARD_SECRET: 'main-test-secret-0123456789abcdefgh',
    DASHBOARD_URL: 'https://dashboard.example.lg.jp',
  });
  if (!config.ok) throw new Error(config.error.message);
  const input = new PassThrough();
  const printed: string[] = [];
  bot = await startBot(config.value, (text) => printed.push(text), { input });
  expect(bot.dashboardPort).toBeGreaterThan(0);
  expect(printed.join('')).toContain(`ダッシュボード: ポート ${bot.dashboardPort} で待ち受けています`);

  input.write('/plan dashboard\n');
  await until(() => /https:\/\/dashboard\.example\.lg\.jp\/d\/\S+\//u.test(printed.join('')));
  const url = /https:\/\/dashboard\.example\.lg\.jp(\/d\/\S+\/)/u.exec(printed.join(''))![1]!;
  const page = await fetch(`http://127.0.0.1:${bot.dashboardPort}${url}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('令和2年9月7日現在');

  const port = bot.dashboardPort!;
  await bot.stop();
  bot = undefined;
  await expect(fetch(`http://127.0.0.1:${port}${url}`)).rejects.toThrow();
}, 60_000);
