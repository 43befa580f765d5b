// `/plan dashboard` from parse to reply (shell text, Slack blocks, the
// neutral view Teams renders): a personal link for anyone, read-only links
// minted and revoked by a coordinator only, and clear refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardAccess } from '../../../src/adapters/web/compose-dashboard.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
import { renderReply } from '../../../src/adapters/slack/render-reply.ts';
import { verifyLink } from '../../../src/adapters/web/dashboard-token.ts';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { buildReplyView } from '../../../src/app/views/build-reply-view.ts';
import { openCommandWorld, type CommandWorld } from './command-world.ts';

const SECRET = 'command-test-secret-0123456789abcdef';
const BASE = 'https://dashboard.example.lg.jp';

let world: CommandWorld;
beforeEach(async () => {
  world = await openCommandWorld();
  world.deps.dashboard = dashboardAccess(world.db, { baseUrl: BASE, secret: SECRET });
});
afterEach(async () => {
  await world.close();
});

async function run(user: string, text: string): Promise<Reply> {
  const parsed = parseCommand(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return runCommand(world.deps, user, parsed.value);
}

const tokenOf = (url: string) => /\/d\/([^/]+)\/$/u.exec(url)![1]!;

describe('parsing', () => {
  it('reads the Japanese alias, a name of several words and a validity in days', () => {
    expect(parseCommand('ダッシュボード')).toEqual({ ok: true, value: { kind: 'dashboard', action: { kind: 'open' } } });
    expect(parseCommand('dashboard link 副知事 山田 ９０日')).toEqual({ ok: true, value: { kind: 'dashboard', action: { kind: 'link', name: '副知事 山田', days: '90日' } } });
    expect(parseCommand('dashboard リンク "総務部長"')).toEqual({ ok: true, value: { kind: 'dashboard', action: { kind: 'link', name: '総務部長', days: null } } });
    expect(parseCommand('dashboard revoke K7M2Q9XA')).toEqual({ ok: true, value: { kind: 'dashboard', action: { kind: 'revoke', id: 'k7m2q9xa' } } });
    expect(parseCommand('dashboard link')).toEqual({ ok: false, error: { code: 'missing_argument', usage: 'dashboard' } });
    expect(parseCommand('dashboard open')).toMatchObject({ ok: false, error: { code: 'unexpected_argument', word: 'open' } });
  });
});

describe('answers', () => {
  it('gives anyone a personal link bound to them, valid for 24 hours, shown on every platform', async () => {
    const reply = await run('U0JINJI01', 'dashboard');
    if (reply.kind !== 'dashboard' || reply.answer.kind !== 'personal') throw new Error(JSON.stringify(reply));
    expect(reply.answer.url.startsWith(`${BASE}/d/`)).toBe(true);
    const claims = verifyLink(tokenOf(reply.answer.url), SECRET, world.clock.now().getTime());
    expect(claims).toMatchObject({ kind: 'personal', user: 'U0JINJI01' });
    expect(claims!.expiresAt - world.clock.now().getTime()).toBe(24 * 3_600_000);
    // 2023-09-15 10:00 in Tokyo + 24 h.
    expect(reply.answer.expires).toEqual({ date: '2023-09-16', time: '10:00' });

    const text = renderReplyText(reply, 'ja');
    expect(text).toContain('あなた専用のダッシュボードのリンクです');
    expect(text).toContain(reply.answer.url);
    expect(JSON.stringify(renderReply(reply, 'ja').blocks)).toContain(reply.answer.url);
    const view = buildReplyView(reply, 'en');
    expect(view.blocks.map((b) => (b.kind === 'text' ? b.text : ''))).toEqual([expect.stringContaining('Your personal dashboard link'), reply.answer.url]);
  });

  it('lets a coordinator mint a read-only link and revoke it; the link opens nothing after', async () => {
    const access = world.deps.dashboard as ReturnType<typeof dashboardAccess>;
    const minted = await run('U0COORD01', 'dashboard link 副知事 30日');
    if (minted.kind !== 'dashboard' || minted.answer.kind !== 'minted') throw new Error(JSON.stringify(minted));
    expect(minted.answer.expires).toEqual({ date: '2023-10-15', time: '10:00' });
    expect(renderReplyText(minted, 'ja')).toContain(`「副知事」さん用の閲覧リンクを発行しました(ID ${minted.answer.id}`);
    expect(await access.authorize(tokenOf(minted.answer.url), world.clock.now())).toMatchObject({ kind: 'shared', id: minted.answer.id });

    const revoked = await run('U0COORD01', `dashboard revoke ${minted.answer.id}`);
    expect(revoked).toEqual({ kind: 'dashboard', answer: { kind: 'revoked', id: minted.answer.id, name: '副知事' } });
    expect(await access.authorize(tokenOf(minted.answer.url), world.clock.now())).toBeNull();
    expect(await run('U0COORD01', `dashboard revoke ${minted.answer.id}`)).toEqual({ kind: 'dashboard', answer: { kind: 'refused', reason: { code: 'already_revoked', id: minted.answer.id } } });
  });

  it('refuses a division owner minting or revoking, a bad validity, an unknown id, and says when the dashboard is off', async () => {
    expect(await run('U0JINJI01', 'dashboard link 副知事')).toEqual({ kind: 'dashboard', answer: { kind: 'refused', reason: { code: 'not_coordinator' } } });
    expect(await run('U0JINJI01', 'dashboard revoke abcdefgh')).toEqual({ kind: 'dashboard', answer: { kind: 'refused', reason: { code: 'not_coordinator' } } });
    const bad = await run('U0COORD01', 'dashboard link 副知事 400日');
    expect(bad).toEqual({ kind: 'dashboard', answer: { kind: 'refused', reason: { code: 'bad_days', word: '400日', max: 366 } } });
    expect(renderReplyText(bad, 'ja')).toContain('! 「400日」: 有効期間は 1〜366 日で指定してください');
    expect(await run('U0COORD01', 'dashboard revoke abcdefgh')).toEqual({ kind: 'dashboard', answer: { kind: 'refused', reason: { code: 'unknown_link', id: 'abcdefgh' } } });
    expect(await world.db.selectFrom('dashboard_link').selectAll().execute()).toEqual([]);
    delete world.deps.dashboard;
    expect(renderReplyText(await run('U0JINJI01', 'dashboard'), 'en')).toBe('! The dashboard is not running (DASHBOARD_PORT is not set).');
  });
});
