// Issue 12 §1: the demo must never reach real people. The shell demo's data
// (the FY2020 plan, on the demo's virtual clock) started again on the real
// clock sends nothing, neither a reminder nor a digest, and says why first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../src/adapters/db/connect.ts';
import { createOutboxStore } from '../src/adapters/db/outbox-store.ts';
import { loadConfig } from '../src/config.ts';
import { startBot } from '../src/main.ts';

process.env.LOG_LEVEL = 'silent';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-demo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function runShell(env: Record<string, string>): Promise<string> {
  const config = loadConfig({ SHINCHOKU_DIRECTORY: 'config/directory.example.yaml', ...env });
  if (!config.ok) throw new Error(config.error.message);
  let printed = '';
  const bot = await startBot(config.value, (text) => (printed += text), { input: Readable.from([]) });
  await bot.ended;
  await bot.stop();
  return printed;
}

async function outboxKeys(url: string): Promise<string[]> {
  const db = await openDatabase(url);
  try {
    return (await createOutboxStore(db).list()).map((m) => m.key);
  } finally {
    await closeDatabase(db);
  }
}

describe('the demo database on the real clock', () => {
  it('sends nothing, no reminder and no digest, and says so in its first lines', async () => {
    const url = join(dir, 'demo.db');
    // The README's demo: a Wednesday of FY2020 at 09:31, then a Monday at the digest time.
    await runShell({ DATABASE_URL: url, SHINCHOKU_NOW: '2020-07-22T09:31' });
    const demo = await outboxKeys(url);
    expect(demo.some((key) => key.startsWith('reminders|2020-07-22|'))).toBe(true);

    // Years later, without --now: the plan's fiscal year is long over.
    const printed = await runShell({ DATABASE_URL: url });
    expect(await outboxKeys(url)).toEqual(demo);
    const banner = printed.slice(0, printed.indexOf('\n\n'));
    expect(banner).toContain('期間(2021-04-30 まで)は終了しています。リマインダーもダイジェストも送りません');
    expect(printed).not.toContain('営業日超過');
  });

  it('after long downtime says so first, catches up only the window, and tells the coordinator channel what it left out', async () => {
    const url = join(dir, 'demo.db');
    await runShell({ DATABASE_URL: url, SHINCHOKU_NOW: '2020-07-22T09:31' });
    const printed = await runShell({ DATABASE_URL: url, SHINCHOKU_NOW: '2020-09-01T09:31' });
    expect(printed.slice(0, printed.indexOf('\n\n'))).toContain('前回の稼働は 2020-07-22 です。停止中の');
    expect(printed).toContain('さかのぼって送るのは直近 3 営業日分まで');
    expect(printed).toContain('停止中のリマインダーについて');
    const keys = await outboxKeys(url);
    expect(keys.filter((key) => key.startsWith('catchup|'))).toEqual(['catchup|2020-09-01']);
  });

  it('starts the demo on its own database unless DATABASE_URL says otherwise', async () => {
    const demo = loadConfig({});
    const chat = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(demo.ok && chat.ok && demo.value.DATABASE_URL !== chat.value.DATABASE_URL).toBe(true);
  });
});
