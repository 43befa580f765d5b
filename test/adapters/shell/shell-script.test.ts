// The shell adapter driven by scripts, as a newcomer or a script would drive
// it: spawned exactly as `npm start` runs it on a fresh clone (no settings,
// SQLite under ./data, the bundled plan), and in-process through startBot
// for the rest of what it can do.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { startBot, type RunningBot } from '../../../src/main.ts';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { nextFiscalYear } from '../../fixtures/next-fiscal-year.ts';

const SHINCHOKU = fileURLToPath(new URL('../../../scripts/shinchoku.mjs', import.meta.url));
const BUNDLED_PLAN = fileURLToPath(new URL('../../../config/plans/fy2020-mie.yaml', import.meta.url));

process.env.LOG_LEVEL = 'silent';

let dir: string;
let bot: RunningBot | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shinchoku-shell-'));
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** The environment of a fresh machine: none of the bot's settings, whatever this one has. */
function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const settings = /^(SLACK_|SHINCHOKU_|DATABASE_URL$|LOG_LEVEL$|REMINDER_|DIGEST_CRON$|PORT$)/u;
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !settings.test(name))), ...extra };
}

function runShinchoku(args: string[], input: string, env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SHINCHOKU, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const SCRIPT = [':as 総務部税収確保課', '/plan mine', '/plan update 6-2-10 done 完了しました', '/plan status 6-2-10', ':advance 7d', '/plan digest', ''].join('\n');

describe('the shell, spawned as npm start runs it', () => {
  it('runs the issue\'s script on a fresh clone: banner, mine, update, status, a week later, the digest', async () => {
    // Only the bundled plan's path is given: in the repository it is the default, and this runs in an empty folder.
    const run = await runShinchoku(['start', '--now', '2020-07-22T09:30', '--echo'], SCRIPT, freshEnv({ SHINCHOKU_PLAN: BUNDLED_PLAN }), dir);
    expect(run.code).toBe(0);
    const out = run.stdout;
    const lines = out.split('\n');

    // The first lines: the mode, the plan, the database (SQLite under ./data), how to switch to Slack.
    expect(lines[0]).toBe('shinchoku — シェルモード (Slack の設定がないので、このターミナルがチャットの代わりです)');
    expect(lines[1]).toMatch(/^計画: 令和2年度「第三次三重県行財政改革取組」具体的取組 年次計画\(案\) \(2020年度、年次計画の行 \d+ 件\)$/);
    // Without chat settings the demo keeps its data apart (issue 12): never the database Slack would use.
    expect(out).toContain('データベース: ./data/demo.db\n');
    expect(existsSync(join(dir, 'data', 'demo.db'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'shinchoku.db'))).toBe(false);
    expect(out).toMatch(/Slack につなぐには: .*SLACK_BOT_TOKEN と SLACK_APP_TOKEN/);

    // The start-up tick delivers the day's reminders, numbered for :reply.
    expect(out).toMatch(/== 年次計画のお知らせ: 総務部税収確保課 — 令和2年7月22日\(水\) · 2020-07-22\n(.*\n)*\[\d+\] 【期限前】6-2-10 個人住民税に関する課題検討会の開催\n/);
    expect(out).toContain('報告は :reply 行 番号 [コメント] — 1 完了  2 順調  3 注意  4 遅延  5 コメント');

    const after = (command: string) => out.slice(out.indexOf(`> ${command}\n`) + command.length + 3);
    expect(after(':as 総務部税収確保課')).toMatch(/^総務部税収確保課 の担当者として操作します \(shell:総務部税収確保課\)\n/);
    expect(after('/plan mine')).toMatch(/^== あなたの担当課の取組\n担当課: 総務部税収確保課 ／ 全 \d+ 件/);
    expect(after('/plan mine').split('> ')[0]).toContain('  6-2-10 個人住民税に関する課題検討会の開催\n');
    expect(after('/plan update 6-2-10 done 完了しました')).toMatch(/^✓ 6-2-10 の状況を「完了」として記録しました\(前回: 未着手\)\n/);

    const status = after('/plan status 6-2-10').split('\n> ')[0]!;
    expect(status).toMatch(/^== 6-2-10 個人住民税に関する課題検討会の開催\n/);
    expect(status).toContain('・令和2年7月分: 期限 令和2年7月31日(金) · 2020-07-31 ／ 状況 完了');
    expect(status).toMatch(/令和2年7月22日\(水\) · 2020-07-22 09:3\d 完了 — 総務部税収確保課 \(シェル\)\n\s+令和2年7月分 ／ 「完了しました」/);

    // A week on: the Monday digest (09:00) and each business day's reminders arrive in order; the done milestone is not chased.
    const week = after(':advance 7d').split('\n> ')[0]!;
    expect(week.indexOf('== 週次ダイジェスト 令和2年7月27日(月)')).toBeGreaterThanOrEqual(0);
    expect(week.indexOf('== 週次ダイジェスト 令和2年7月27日(月)')).toBeLessThan(week.indexOf('— 令和2年7月27日(月) · 2020-07-27'));
    expect(week).not.toContain('2020-07-23\n');
    expect(week).not.toMatch(/】6-2-10 /u);
    expect(week).toMatch(/時計を 令和2年7月29日\(水\) · 2020-07-29 09:3\d に進めました \(届いたメッセージ \d+ 件\)$/);

    const digest = after('/plan digest');
    expect(digest).toMatch(/^== 週次ダイジェスト 令和2年7月29日\(水\) · 2020-07-29\n/);
    expect(digest).toContain('プレビューです(チャンネルには投稿していません)');
    expect(digest).toMatch(/■ 前回以降に完了 1 件\n {2}6-2-10 個人住民税に関する課題検討会の開催/);

    // Piped: no prompt in the output, and no log line in the transcript (the shell logs warnings only, unless LOG_LEVEL says more).
    expect(out).not.toMatch(/guest> |総務部税収確保課> /);
    expect(out).not.toContain('"level"');
    expect(run.stderr).not.toContain('"level"');
  }, 30_000);

  it('tells how to start on a date of the plan when the clock is outside it', async () => {
    const run = await runShinchoku(['start', '--now', '2026-01-05T09:30'], '', freshEnv({ SHINCHOKU_PLAN: BUNDLED_PLAN }), dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('この日付は 2020年度の計画の期間外なので、お知らせは届きません。日付を指定して始めてください: npm start -- --now 2020-07-22T09:30');
  }, 30_000);

  it('refuses a --now it cannot read, naming it and the forms it takes', async () => {
    const run = await runShinchoku(['start', '--now', 'next tuesday'], '', freshEnv({ SHINCHOKU_PLAN: BUNDLED_PLAN }), dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^エラー: --now next tuesday は日時として読めません \(YYYY-MM-DD, YYYY-MM-DDTHH:mm\[:ss\]\[Z\|±HH:mm\] の形で/);
    expect(run.stderr).not.toContain('.env');
  }, 30_000);

  it('takes --now with an offset and seconds, as ISO 8601 allows', async () => {
    const run = await runShinchoku(['start', '--now', '2020-07-22T09:30:00+09:00'], ':now\n:quit\n', freshEnv({ SHINCHOKU_PLAN: BUNDLED_PLAN }), dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2020-07-22.*09:30/);
  }, 30_000);
});

/**
 * An in-process shell started at `now`. What the bot prints at start (the
 * banner, the catch-up's reminders) is there once it resolves; `script`
 * then feeds lines and ends the input, as a pipe does, and resolves when the
 * shell has answered them all.
 */
async function openShell(now: string, extra: Record<string, string> = {}) {
  const config = loadConfig({ DATABASE_URL: join(dir, 'bot.db'), SHINCHOKU_DIRECTORY: join(dir, 'directory.yaml'), SHINCHOKU_NOW: now, ...extra });
  if (!config.ok) throw new Error(config.error.message);
  const input = new PassThrough();
  let printed = '';
  const running = await startBot(config.value, (text) => (printed += text.endsWith('\n') ? text : `${text}\n`), { input, echo: true });
  bot = running;
  return {
    printed: () => printed,
    async script(lines: string[]): Promise<string> {
      input.end(lines.map((line) => `${line}\n`).join(''));
      await running.ended;
      return printed;
    },
  };
}

async function shell(lines: string[], now: string): Promise<string> {
  return (await openShell(now)).script(lines);
}

function answerTo(printed: string, command: string): string {
  const start = printed.indexOf(`> ${command}\n`);
  if (start === -1) throw new Error(`no ${command} in:\n${printed}`);
  const rest = printed.slice(start + command.length + 3);
  const next = rest.indexOf('\n> ');
  return next === -1 ? rest : rest.slice(0, next + 1);
}

describe('the shell, in-process', () => {
  it('answers a reminder with a numbered choice, in the name of the division played', async () => {
    const session = await openShell('2020-07-22T09:30');
    // The start-up tick printed the day's reminders, each line numbered for the session.
    const line = /\[(\d+)\] 【期限前】6-2-10 /u.exec(session.printed())?.[1];
    expect(line).toBeDefined();
    expect(session.printed()).toMatch(/^\[1\] 【/mu);
    const printed = await session.script([
      ':reply 1 1',
      ':as 総務部税収確保課',
      ':reply 999 1',
      `:reply ${line} 5`,
      `:reply ${line} 4 人手が足りません`,
      `:reply ${line} 5 "来週 実施"`,
      '/plan history 6-2-10',
      ':help',
    ]);
    // Line [1] belongs to another division: a guest may not answer it, and nothing changes.
    expect(answerTo(printed, ':reply 1 1')).toMatch(/^! この取組を更新できるのは、担当課\(.*\)の担当者・代理と取りまとめだけです\n {2}何も変更していません。/);
    expect(answerTo(printed, ':reply 999 1')).toBe('! お知らせの行 [999] はありません。お知らせに表示された番号を指定してください\n');
    expect(answerTo(printed, `:reply ${line} 5`)).toBe(`! コメントを書いてください: :reply ${line} 5 コメント\n`);
    expect(answerTo(printed, `:reply ${line} 4 人手が足りません`)).toMatch(
      /^✓ 6-2-10 の状況を「遅延」として記録しました\(前回: 未着手\)\n(.*\n)* {2}対象: 令和2年7月分\n {2}コメント: 人手が足りません\n {2}記録: 総務部税収確保課 ／ シェル/,
    );
    // コメント (5) keeps the status and adds the comment.
    expect(answerTo(printed, `:reply ${line} 5 "来週 実施"`)).toMatch(/^✓ 6-2-10 にコメントを記録しました\(状況は「遅延」のまま\)\n(.*\n)* {2}コメント: 来週 実施\n/);
    const history = answerTo(printed, '/plan history 6-2-10');
    expect(history).toMatch(/^== 更新履歴: 6-2-10\n/);
    expect(history.match(/— 総務部税収確保課 \(シェル\)/gu)).toHaveLength(2);
    expect(answerTo(printed, ':help')).toContain(':reply 行 番号 [コメント]  お知らせの [行] に答えます: 1 完了  2 順調  3 注意  4 遅延  5 コメント');
  }, 30_000);

  it('plays the coordinator: revises a due date and posts the digest now; a guest may do neither', async () => {
    const printed = await shell(
      ['/plan due 6-2-10 2020-08', ':as coordinator', '/plan due 6-2-10 7月 2020-08 遅れます', '/plan digest post', ':as 税収確保', ':as', ':as guest'],
      '2020-07-22T09:30',
    );
    expect(answerTo(printed, '/plan due 6-2-10 2020-08')).toMatch(/^! 期限を変更できるのは取りまとめだけです/);
    expect(answerTo(printed, ':as coordinator')).toBe('取りまとめ (総務部行財政改革推進課) として操作します (shell:coordinator)\n');
    expect(answerTo(printed, '/plan due 6-2-10 7月 2020-08 遅れます')).toMatch(/^✓ 6-2-10 の期限を 令和2年8月 に変更しました。新しい期限: 令和2年8月31日\(月\) · 2020-08-31\n/);
    // The confirmation, then the digest the dispatcher delivered to the (terminal's) coordinator channel.
    expect(answerTo(printed, '/plan digest post')).toMatch(/^ダイジェストを取りまとめチャンネル \(チャンネルなし\) に投稿します\(2020-W30\)\n== 週次ダイジェスト 令和2年7月22日\(水\) · 2020-07-22\n(.*\n)*取りまとめ担当の操作で送信しました\n/);
    expect(answerTo(printed, ':as 税収確保')).toMatch(/^! 「税収確保」という課は計画にも対応表にもありません\n {2}もしかして: .*総務部税収確保課/);
    expect(answerTo(printed, ':as')).toBe('取りまとめ (総務部行財政改革推進課) として操作します (shell:coordinator)\n');
    expect(answerTo(printed, ':as guest')).toBe('どの担当課にも属さない人として操作します (shell:guest)\n');
  }, 30_000);

  it('answers the queries as text, in the catalogue\'s words without Slack\'s markup', async () => {
    const printed = await shell(['/plan help', 'status', '/plan status overdue', '/plan status 総務部人事課', '/plan owner 総務部人事課', '/plan statsu', '/plan update 9-9-9 done', ':jump'], '2020-07-22T09:30');
    const help = answerTo(printed, '/plan help');
    expect(help).toMatch(/^== \/plan の使い方\n見る\(どなたでも\)\n {2}\/plan status \(状況\) — /);
    expect(help).not.toMatch(/[*`]/u);
    // A guest is no coordinator: the coordinators' section is left out.
    expect(help).not.toContain('取りまとめ専用');
    expect(answerTo(printed, 'status')).toMatch(/^== 計画の状況: .*\n令和2年7月22日\(水\) · 2020-07-22 時点 ／ 取組 \d+ 件\n未着手 \d+ ／ 順調 0/);
    expect(answerTo(printed, 'status')).toMatch(/\n柱ごと\n {2}I スマート改革の推進: /);
    expect(answerTo(printed, '/plan status overdue')).toMatch(/^== 期限を過ぎた取組\n全 \d+ 件 ／ 1\/1 ページ\n {2}\d+-\d+-\d+ /);
    expect(answerTo(printed, '/plan status 総務部人事課')).toMatch(/^== 総務部人事課 の取組\n/);
    // A titled reply like the others (Slack and Teams show the division as the reply's title too).
    expect(answerTo(printed, '/plan owner 総務部人事課')).toBe('== 担当課の対応表: 総務部人事課\nチャンネルが設定されていません。お知らせは取りまとめチャンネルに届きます\n');
    expect(answerTo(printed, '/plan statsu')).toMatch(/^! 「statsu」というサブコマンドはありません。\/plan help で一覧を表示します\n {2}もしかして: status/);
    expect(answerTo(printed, '/plan update 9-9-9 done')).toMatch(/^! 取組 9-9-9 はありません\n(.*\n)* {2}何も変更していません。\n$/);
    expect(answerTo(printed, ':jump')).toBe('! 「:jump」というシェルのコマンドはありません。:help で一覧を表示します\n');
  }, 30_000);

  it('moves the clock to the next business day at the reminder time, through the Olympic holidays', async () => {
    const printed = await shell([':now', ':next', ':now 2020-07-01', ':now 2020-08-03', '/plan lang en', ':advance soon', ':quit', '/plan mine'], '2020-07-22T09:30');
    expect(answerTo(printed, ':now')).toMatch(/^いま: 令和2年7月22日\(水\) · 2020-07-22 09:3\d\n$/);
    // 7/23 and 7/24 were holidays in 2020; the 25th and 26th a weekend.
    expect(answerTo(printed, ':next')).toMatch(/== 年次計画のお知らせ: .* — 令和2年7月27日\(月\) · 2020-07-27\n/);
    expect(answerTo(printed, ':next')).toMatch(/時計を 令和2年7月27日\(月\) · 2020-07-27 09:30 に進めました \(届いたメッセージ 8 件\)\n$/);
    expect(answerTo(printed, ':now 2020-07-01')).toMatch(/^! 時計は戻せません/);
    expect(answerTo(printed, ':now 2020-08-03')).toMatch(/時計を 令和2年8月3日\(月\) · 2020-08-03 00:00 に進めました/);
    expect(answerTo(printed, '/plan lang en')).toBe('I will answer you in English from now on\n');
    expect(answerTo(printed, ':advance soon')).toBe('! "soon" is not a length of time (e.g. 7d, 2w, 3h, 30m)\n');
    // :quit ends the shell: what follows is not read.
    expect(printed).not.toContain('> /plan mine');
  }, 30_000);

  it('reads last year\'s plan by fiscal year once its period is over, and takes no update on it (issue 13)', async () => {
    const first = await shell([':as coordinator', '/plan update 6-2-10 delayed 人手不足'], '2020-07-22T09:30');
    expect(answerTo(first, '/plan update 6-2-10 delayed 人手不足')).toMatch(/^✓ /u);
    const printed = await shell(['/plan 状況 6-2-10 2020年度', ':as coordinator', '/plan 更新 6-2-10 完了', '/plan status --year 2019'], '2021-06-01T09:30');
    const detail = answerTo(printed, '/plan 状況 6-2-10 2020年度');
    expect(detail).toContain('! 2020年度の計画 fy2020「令和2年度');
    expect(detail).toContain('(期間は 2021-04-30 に終了。閲覧のみ)');
    expect(detail).toContain('人手不足');
    expect(answerTo(printed, '/plan 更新 6-2-10 完了')).toMatch(/^! 2020年度の計画「令和2年度.*」は期間\(2021-04-30 まで\)が終了したため閲覧のみです。状況も期限も変更できません\n {2}何も変更していません。/u);
    expect(answerTo(printed, '/plan status --year 2019')).toMatch(/^! 2019年度の計画はありません\n {2}保存されている計画: fy2020\(2020年度「令和2年度/u);
  }, 60_000);

  it('records a reply to last year\'s reminder on last year\'s plan once this year\'s is the default (issue 13)', async () => {
    await shell([':now'], '2020-07-22T09:30');
    const db = await openDatabase(join(dir, 'bot.db'));
    const plans = createPlanStore(db, { today: () => '2021-03-25' });
    await plans.save(nextFiscalYear((await plans.loadKey('fy2020'))!), 'fy2021.yaml', '2021-03-25T00:00:00.000Z', 'fy2021');
    await closeDatabase(db);
    // In April FY2021 is the default; FY2020's overdue reminders still go out until its period ends on April 30.
    const session = await openShell('2021-04-15T09:30');
    const line = /\[(\d+)\] 【期限超過】6-2-3 /u.exec(session.printed())?.[1];
    expect(line).toBeDefined();
    const printed = await session.script([':as 総務部税収確保課', `:reply ${line} 1`, '/plan history 6-2-3 --plan fy2020', '/plan history 6-2-3']);
    expect(answerTo(printed, `:reply ${line} 1`)).toMatch(/^✓ 6-2-3 の状況を「完了」として記録しました\(前回: 未着手\)\n/u);
    expect(answerTo(printed, '/plan history 6-2-3 --plan fy2020')).toMatch(/完了 — 総務部税収確保課 \(シェル\)/u);
    expect(answerTo(printed, '/plan history 6-2-3')).not.toContain('シェル');
  }, 60_000);

  it('opens next year\'s digest with last year\'s unfinished milestones, as the bot wires it (issue 13)', async () => {
    await shell([':as coordinator', '/plan update 1-1-2 delayed 講師が未定'], '2020-10-01T09:30');
    // Next year's plan, imported beside it.
    const db = await openDatabase(join(dir, 'bot.db'));
    const plans = createPlanStore(db, { today: () => '2021-03-25' });
    const fy2020 = (await plans.loadKey('fy2020'))!;
    await plans.save(nextFiscalYear(fy2020), 'fy2021.yaml', '2021-03-25T00:00:00.000Z', 'fy2021');
    await closeDatabase(db);
    const printed = await shell(['/plan digest'], '2021-04-05T09:30');
    const preview = answerTo(printed, '/plan digest');
    expect(preview).toMatch(/前年度からの未完了 \d+ 件\(2020年度の計画 fy2020\)/u);
    expect(preview).toContain('1-1-2');
    expect(preview).toContain('/plan status overdue --plan fy2020');
  }, 60_000);
});
