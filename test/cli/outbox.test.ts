import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/adapters/db/connect.ts';
import { createOutboxStore } from '../../src/adapters/db/outbox-store.ts';
import { createDispatcher } from '../../src/app/dispatch-outbox.ts';
import { runReminderTick } from '../../src/app/run-reminder-tick.ts';
import { exampleDirectory, storePlan, tickDeps, tokyo } from '../app/tick-world.ts';
import { FakeNotifier } from '../fakes/fake-notifier.ts';
import { reminderEntries } from '../fakes/reminder-messages.ts';
import { VirtualClock } from '../fakes/virtual-clock.ts';
import { cli, tempWorkspace } from './run-cli.ts';

let ws: ReturnType<typeof tempWorkspace>;
let env: Record<string, string>;
beforeEach(() => {
  ws = tempWorkspace();
  env = { DATABASE_URL: ws.database, SHINCHOKU_DIRECTORY: join(ws.dir, 'directory.yaml') };
});
afterEach(() => ws.cleanup());

/** Ticks on 2020-07-22 and delivers, with the税収確保課 channel refusing every message. */
async function deliverWithOneBadChannel(): Promise<FakeNotifier> {
  const clock = new VirtualClock(tokyo('2020-07-22'));
  const notifier = new FakeNotifier(clock).answer((message) =>
    message.channel === 'C0ZEISHU01' ? { ok: false, kind: 'permanent', error: 'channel_not_found' } : undefined,
  );
  const db = await openDatabase(ws.database);
  try {
    await storePlan(db);
    await runReminderTick(clock.now(), tickDeps(db, await exampleDirectory()));
    await createDispatcher({ outbox: createOutboxStore(db), notifier, clock, sleep: clock.sleep, owner: 'test' }).runOnce();
  } finally {
    await closeDatabase(db);
  }
  return notifier;
}

describe('shinchoku outbox', () => {
  it('says so when the outbox is empty', async () => {
    expect(await cli(['outbox'], env)).toMatchObject({ code: 0, stdout: 'アウトボックスにメッセージはありません\n' });
    expect(await cli(['outbox', '--failed'], { ...env, SHINCHOKU_LANG: 'en' })).toMatchObject({ code: 0, stdout: 'No message failed to be delivered\n' });
  });

  it('lists every message with its status, and --failed only the failed one with its reason', async () => {
    const notifier = await deliverWithOneBadChannel();
    const all = await cli(['outbox'], env);
    expect(all.code).toBe(0);
    const sent = notifier.deliveries[0]!;
    const division = reminderEntries([sent.message])[0]?.body.division;
    expect(all.stdout).toContain(`送信済み  ${division} → ${sent.channel}  試行 0  ts ${sent.ts}`);
    expect(all.stdout).toContain('総務部管財課 → C0REFORM01 (担当課のチャンネル未設定: 取りまとめへ)');
    expect(all.stdout).toMatch(/#\d+  2020-07-22  失敗  総務部税収確保課 → C0ZEISHU01  試行 1  ts -  エラー: channel_not_found \(チャンネルが見つかりません。対応表のチャンネル ID を確かめてください\)/);
    expect(all.stdout).toContain(`合計 ${notifier.calls.length} 件`);

    const failed = await cli(['outbox', '--failed'], env);
    expect(failed.stdout.trim().split('\n')[0]).toMatch(/^#\d+  2020-07-22  失敗  総務部税収確保課/);
    expect(failed.stdout).toContain('shinchoku outbox retry ID');
    expect(failed.stdout).not.toContain('送信済み');

    const json = JSON.parse((await cli(['outbox', '--failed', '--json'], env)).stdout) as Record<string, unknown>[];
    expect(json).toEqual([
      expect.objectContaining({ key: 'reminders|2020-07-22|総務部税収確保課', status: 'failed', attempts: 1, lastError: 'channel_not_found', sentTs: null, channel: 'C0ZEISHU01' }),
    ]);
  });

  it('retry makes a failed message pending again, to the channel the directory names now', async () => {
    await deliverWithOneBadChannel();
    const [failed] = JSON.parse((await cli(['outbox', '--failed', '--json'], env)).stdout) as { id: number }[];
    // The operator fixes the channel id in the directory, then retries.
    writeFileSync(env.SHINCHOKU_DIRECTORY!, 'coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM01 }\ndivisions:\n  総務部税収確保課: { channel: C0ZEISHU99 }\n');
    const retried = await cli(['outbox', 'retry', String(failed!.id)], env);
    expect(retried).toMatchObject({ code: 0, stdout: `メッセージ ${failed!.id} を送信待ちに戻しました (総務部税収確保課 → C0ZEISHU99)\n` });

    const db = await openDatabase(ws.database);
    try {
      expect(await createOutboxStore(db).get(failed!.id)).toMatchObject({ status: 'pending', attempts: 0, channel: 'C0ZEISHU99' });
    } finally {
      await closeDatabase(db);
    }
    expect((await cli(['outbox', '--failed'], env)).stdout).toBe('送信に失敗したメッセージはありません\n');

    // Not failed any more: a second retry is refused.
    const again = await cli(['outbox', 'retry', String(failed!.id)], env);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toBe(`エラー: メッセージ ${failed!.id} は「送信待ち」です。再送できるのは失敗したメッセージだけです\n`);
  });

  it('refuses an unknown or malformed id with one line and exit code 1', async () => {
    const unknown = await cli(['outbox', 'retry', '999'], env);
    expect(unknown).toMatchObject({ code: 1, stderr: 'エラー: メッセージ 999 はありません (shinchoku outbox で一覧を確認してください)\n' });
    const bad = await cli(['outbox', 'retry', 'abc'], { ...env, SHINCHOKU_LANG: 'en' });
    expect(bad).toMatchObject({ code: 1, stderr: 'error: "abc" is not a message id (use a number that shinchoku outbox lists)\n' });
  });

  it('refuses to retry with a broken directory file, naming the line', async () => {
    writeFileSync(env.SHINCHOKU_DIRECTORY!, 'coordinator: { division: 総務部行財政改革推進課, channel: C0REFORM01 }\ndivisions:\n  総務部人事課: { chanel: C0JINJI001 }\n');
    const run = await cli(['outbox', 'retry', '1'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^エラー: .*directory\.yaml:3: divisions\.総務部人事課\.chanel: キー "chanel" は使えません \(「channel」の誤りではありませんか\)\n$/);
  });
});
