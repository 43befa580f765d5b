// The README's piped example (`printf … | npm start -- --echo`), spawned as a
// newcomer runs it with no LOG_LEVEL anywhere: the transcript, stdout and
// stderr together as a terminal shows them, holds the conversation and no
// JSON log line.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';

const SHINCHOKU = fileURLToPath(new URL('../../scripts/shinchoku.mjs', import.meta.url));
const BUNDLED_PLAN = fileURLToPath(new URL('../../config/plans/fy2020-mie.yaml', import.meta.url));
const DIRECTORY = fileURLToPath(new URL('../../config/directory.example.yaml', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-transcript-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** This machine's environment without any of the bot's settings (LOG_LEVEL included). */
function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const settings = /^(SLACK_|SHINCHOKU_|DATABASE_URL$|LOG_LEVEL$|REMINDER_|DIGEST_CRON$|PORT$|TEAMS_|CLIENT_|TENANT_)/u;
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !settings.test(name))), ...extra };
}

/** Both streams interleaved in arrival order, as they reach a terminal or `2>&1 | tee`. */
function runPiped(args: string[], input: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; transcript: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHINCHOKU, ...args], { cwd: dir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let transcript = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (transcript += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (transcript += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, transcript }));
    child.stdin.end(input);
  });
}

it('a piped shell session reads as a conversation: no JSON log lines among the replies', async () => {
  const script = [':as 総務部税収確保課', '/plan mine', '/plan update 6-2-10 done 完了しました', ':advance 7d', '/plan digest', ''].join('\n');
  const run = await runPiped(
    ['start', '--now', '2020-07-22T09:30', '--echo'],
    script,
    freshEnv({ SHINCHOKU_PLAN: BUNDLED_PLAN, SHINCHOKU_DIRECTORY: DIRECTORY }),
  );

  expect(run.code).toBe(0);
  // The session happened: reminders were delivered, the update recorded, the digest printed.
  expect(run.transcript).toContain('> /plan update 6-2-10 done 完了しました\n✓ 6-2-10');
  expect(run.transcript).toContain('== 年次計画のお知らせ');
  // Without LOG_LEVEL these events (ticks, deliveries, status appends) were each a JSON line.
  const jsonLines = run.transcript.split('\n').filter((line) => line.trimStart().startsWith('{"level"'));
  expect(jsonLines).toEqual([]);
}, 30_000);

it('LOG_LEVEL=info still brings the event log back, as JSON lines, for whoever asks for it', async () => {
  const run = await runPiped(
    ['start', '--now', '2020-07-22T09:30'],
    ':as 総務部税収確保課\n/plan update 6-2-10 done\n',
    freshEnv({ SHINCHOKU_PLAN: BUNDLED_PLAN, SHINCHOKU_DIRECTORY: DIRECTORY, LOG_LEVEL: 'info' }),
  );
  expect(run.code).toBe(0);
  const logs = run.transcript.split('\n').filter((line) => line.startsWith('{"level"')).map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(logs).toContainEqual(expect.objectContaining({ msg: 'reminder tick', today: '2020-07-22' }));
  expect(logs).toContainEqual(expect.objectContaining({ msg: 'status recorded', milestoneId: '6-2-10', via: 'shell' }));
}, 30_000);
