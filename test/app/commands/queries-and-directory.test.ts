// The queries (lists, paging, the summary), /plan owner against the directory file, /plan lang, /plan digest without a digest.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/adapters/directory/load-directory.ts';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { languageOf } from '../../../src/app/commands/set-language.ts';
import { buildHome } from '../../../src/app/build-home.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
import type { Milestone, Plan } from '../../../src/domain/plan.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { openCommandWorld, type CommandWorld } from './command-world.ts';

let world: CommandWorld;
beforeEach(async () => {
  world = await openCommandWorld();
});
afterEach(async () => {
  await world.close();
});

async function run(text: string, user: string): Promise<Reply> {
  const command = parseCommand(text);
  if (!command.ok) throw new Error(JSON.stringify(command.error));
  return runCommand(world.deps, user, command.value);
}

describe('queries', () => {
  it('summarises the plan: counts by status, per pillar, the overdue', async () => {
    await run('update 1-1-1 done', 'U0JINJI01');
    const reply = await run('status', 'U0STRANGER');
    expect(reply).toMatchObject({ kind: 'overview', overview: { today: '2023-09-15', total: 8, byStatus: { done: 1, not_started: 7 } } });
    if (reply.kind !== 'overview') return;
    expect(reply.overview.pillars.map((p) => [p.id, p.total])).toEqual([['I', 5], ['II', 3]]);
    // 1-1-2's August checkpoint and 2-1-1's April–August months are past due.
    expect(reply.overview.overdue.map((m) => m.id)).toEqual(['2-1-1', '1-1-2']);
    // The digest counts each month: 2-1-1's five and 1-1-2's August. The summary says both, naming the unit.
    expect(reply.overview).toMatchObject({ overdueTotal: 2, overdueDueDates: 6 });
    const text = renderReplyText(reply, 'ja');
    expect(text).toContain('期限超過の取組 2 件(月ごとの期限で数えると 6 件。ダイジェストはこの数え方です)');
    expect(text).toContain('I スマート改革の推進: 取組 5 件');
  });

  it('lists a division’s milestones soonest due first, and mine from the directory', async () => {
    const division = await run('status 総務部 人事課', 'U0STRANGER');
    expect(division).toMatchObject({ kind: 'list', scope: { kind: 'division', division: '総務部人事課' } });
    if (division.kind === 'list') expect(division.items.map((i) => i.id)).toEqual(['2-1-1', '1-1-2', '1-1-1', '2-1-2', '1-1-3', '2-1-3']);
    const mine = await run('mine', 'U0JINJI03');
    expect(mine).toMatchObject({ kind: 'list', scope: { kind: 'mine', divisions: ['総務部人事課'] }, paging: { total: 6 } });
    expect(await run('mine', 'U0STRANGER')).toMatchObject({ scope: { divisions: [] }, items: [] });
  });

  it('lists the completed milestones, where the digest sends readers of its cut list', async () => {
    expect(await run('status done', 'U0STRANGER')).toMatchObject({ kind: 'list', scope: { kind: 'done' }, items: [] });
    await run('update 1-1-3 done', 'U0JINJI01');
    await run('update 1-1-1 done', 'U0JINJI01');
    await run('update 2-1-2 on_track', 'U0JINJI01');
    const done = await run('状況 完了', 'U0STRANGER');
    expect(done).toMatchObject({ kind: 'list', scope: { kind: 'done' }, paging: { total: 2, nextCommand: null } });
    if (done.kind === 'list') expect(done.items.map((i) => [i.id, i.status]).sort()).toEqual([['1-1-1', 'done'], ['1-1-3', 'done']]);
  });

  it('lists what is coming due by the month coming due, not by an older month that is overdue', async () => {
    // 2-1-1 is monthly: April–August are overdue on 2023-09-15, September is due on the 29th.
    const upcoming = await run('status upcoming', 'U0STRANGER');
    expect(upcoming).toMatchObject({ kind: 'list', scope: { kind: 'upcoming' } });
    if (upcoming.kind !== 'list') return;
    expect(upcoming.items).toEqual([expect.objectContaining({ id: '2-1-1', checkpoint: '2023-09', nextDue: '2023-09-29', daysOverdue: null })]);
    expect(upcoming.items.every((item) => item.daysOverdue === null)).toBe(true);
  });

  it('keeps a done milestone’s due date on its line', async () => {
    await run('update 1-1-1 done', 'U0JINJI01');
    await run('update 1-1-2 all done', 'U0JINJI01');
    expect(await run('status 1-1-1', 'U0STRANGER')).toMatchObject({ detail: { summary: { open: false, status: 'done', nextDue: '2024-01-31' } } });
    expect(await run('status 1-1-2', 'U0STRANGER')).toMatchObject({ detail: { summary: { open: false, checkpoint: '2024-01', nextDue: '2024-01-31' } } });
  });

  it('suggests the division meant', async () => {
    expect(await run('status 総務部人事', 'U0STRANGER')).toMatchObject({ problem: { code: 'unknown_division', division: '総務部人事', suggestions: expect.arrayContaining(['総務部人事課']) } });
  });

  it('pages long lists and names the command for the next page', async () => {
    await world.close();
    world = await openCommandWorld(bigPlan(45));
    const first = await run('status 総務部人事課', 'U0STRANGER');
    expect(first).toMatchObject({ paging: { page: 1, pageCount: 3, total: 45, remaining: 25, nextCommand: '/plan status 総務部人事課 2' } });
    const last = await run('status 総務部人事課 3', 'U0STRANGER');
    expect(last).toMatchObject({ paging: { page: 3, remaining: 0, nextCommand: null } });
    if (last.kind === 'list') expect(last.items).toHaveLength(5);
    expect(await run('status 総務部人事課 4', 'U0STRANGER')).toMatchObject({ problem: { code: 'page_out_of_range', page: 4, pageCount: 3 } });
  });

  it('shows the history newest first with who and how', async () => {
    await run('update 1-1-1 on_track 着手', 'U0JINJI01');
    world.clock.advance(3_600_000);
    await run('update 1-1-1 done 完了', 'U0COORD01');
    expect(await run('history 1-1-1', 'U0STRANGER')).toMatchObject({
      kind: 'history',
      entries: [
        { status: 'done', actor: 'U0COORD01', via: 'slash', comment: '完了', at: { time: '11:00' } },
        { status: 'on_track', actor: 'U0JINJI01', comment: '着手', at: { time: '10:00' } },
      ],
    });
  });

  it('builds the Home tab: open milestones of the viewer’s divisions, and the summary for coordinators', async () => {
    await run('update 1-1-1 done', 'U0JINJI01');
    const home = await buildHome(world.deps, 'U0JINJI01');
    expect(home.divisions).toEqual(['総務部人事課']);
    expect(home.items.map((i) => i.id)).toEqual(['2-1-1', '1-1-2', '2-1-2', '1-1-3', '2-1-3']);
    expect(home.overview).toBeNull();
    expect((await buildHome(world.deps, 'U0COORD01')).overview).toMatchObject({ total: 8 });
  });
});

describe('/plan owner', () => {
  it('shows an entry to anyone', async () => {
    expect(await run('owner 総務部人事課', 'U0STRANGER')).toMatchObject({ kind: 'owner', changed: false, entry: { channel: 'C0JINJI001', users: ['U0JINJI01'] } });
  });

  it('lets a coordinator change the file, keeping its comments, and the bot uses the change at once', async () => {
    const reply = await run('owner 総務部人事課 <#C0JINJI099|jinji2> <@U0JINJI55|sato> members', 'U0COORD01');
    expect(reply).toMatchObject({ kind: 'owner', changed: true, entry: { channel: 'C0JINJI099', users: ['U0JINJI55'], deputies: ['U0JINJI03'], channelMembers: true } });
    const text = readFileSync(world.directoryPath, 'utf8');
    expect(text).toContain('# members of the channel speak for the division');
    const reloaded = await loadDirectory(world.directoryPath);
    expect(reloaded.ok && reloaded.value.divisions.get('総務部人事課')).toEqual({ channel: 'C0JINJI099', users: ['U0JINJI55'], deputies: ['U0JINJI03'], channelMembers: true });
    expect(world.deps.directory.current().divisions.get('総務部人事課')?.channel).toBe('C0JINJI099');
    // The old owner is no longer one.
    expect(await run('update 1-1-1 done', 'U0JINJI01')).toMatchObject({ problem: { code: 'not_allowed' } });
  });

  it('adds a division of the plan that had no entry, which needs a channel', async () => {
    expect(await run('owner 総務部法務・文書課 <@U0HOMU001|homu>', 'U0COORD01')).toMatchObject({ problem: { code: 'channel_required', division: '総務部法務・文書課' } });
    expect(await run('owner 総務部法務・文書課 <#C0HOMU0001|homu> <@U0HOMU001|homu>', 'U0COORD01')).toMatchObject({ changed: true, entry: { channel: 'C0HOMU0001', users: ['U0HOMU001'], deputies: [] } });
    expect(readFileSync(world.directoryPath, 'utf8')).toContain('総務部法務・文書課: { channel: C0HOMU0001, users: [ U0HOMU001 ], deputies: [] }');
  });

  it('says how to make the directory file when it is gone, writing none', async () => {
    rmSync(world.directoryPath);
    const reply = await run('owner 総務部人事課 #C0JINJI099', 'U0COORD01');
    expect(reply).toMatchObject({ kind: 'problem', problem: { code: 'directory_missing' } });
    expect(existsSync(world.directoryPath)).toBe(false);
  });

  it('refuses anyone but a coordinator, and an unknown division, leaving the file as it was', async () => {
    const before = readFileSync(world.directoryPath, 'utf8');
    expect(await run('owner 総務部人事課 <#C0EVIL0001|x>', 'U0JINJI01')).toMatchObject({ problem: { code: 'not_allowed', action: 'owner' } });
    expect(await run('owner 総務部人事 <#C0JINJI099|x>', 'U0COORD01')).toMatchObject({ problem: { code: 'unknown_division', suggestions: expect.arrayContaining(['総務部人事課']) } });
    expect(readFileSync(world.directoryPath, 'utf8')).toBe(before);
  });
});

describe('/plan lang and /plan digest', () => {
  it('keeps a user’s language', async () => {
    expect(await run('lang', 'U0JINJI01')).toEqual({ kind: 'lang', lang: 'ja', changed: false });
    expect(await run('lang en', 'U0JINJI01')).toEqual({ kind: 'lang', lang: 'en', changed: true });
    expect(await languageOf(world.deps, 'U0JINJI01')).toBe('en');
    expect(await languageOf(world.deps, 'U0OTHER01')).toBe('ja');
  });

  it('says the digest is unavailable where it is not wired, and keeps posting to coordinators', async () => {
    expect(await run('digest', 'U0JINJI01')).toEqual({ kind: 'problem', problem: { code: 'digest_unavailable' } });
  });
});

/** The fixture plan with `count` more range milestones for 総務部人事課. */
function bigPlan(count: number): Plan {
  const plan = planR5();
  const item = plan.pillars[0]!.initiatives[0]!.items[0]!;
  const extra: Milestone[] = Array.from({ length: count - item.milestones.length - 3 }, (_, i) => ({
    id: `1-1-${i + 10}`,
    title: `追加の取組 ${i + 10}`,
    schedule: { kind: 'range', start: '2023-06', end: '2024-02' },
  }));
  item.milestones.push(...extra);
  return plan;
}
