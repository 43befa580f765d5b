// Recording statuses from commands: who may, what is checked first, and that a refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { recordStatus } from '../../../src/app/commands/record-status.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
import { renderReplyText } from '../../../src/adapters/shell/render-reply-text.ts';
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

describe('/plan update', () => {
  it('records an owner’s update with who, how and when, and confirms it', async () => {
    const reply = await run('update 1-1-1 on_track 講師と調整中', 'U0JINJI01');
    expect(reply).toMatchObject({ kind: 'updated', status: 'on_track', previous: 'not_started', comment: '講師と調整中', actor: 'U0JINJI01', via: 'slash', at: { date: '2023-09-15', time: '10:00' } });
    expect(await world.updates()).toEqual([
      expect.objectContaining({ milestoneId: '1-1-1', status: 'on_track', comment: '講師と調整中', actor: 'U0JINJI01', via: 'slash', createdAt: '2023-09-15T01:00:00.000Z' }),
    ]);
  });

  it('lets deputies, coordinators and members of a members channel update too', async () => {
    expect(await run('update 1-1-1 done', 'U0JINJI03')).toMatchObject({ kind: 'updated' });
    expect(await run('update 1-1-1 at_risk', 'U0COORD01')).toMatchObject({ kind: 'updated' });
    world.members.set('C0SUITO001', ['U0SUITO99']);
    expect(await run('update 1-2-2 done', 'U0SUITO99')).toMatchObject({ kind: 'updated' });
    expect(await world.updates()).toHaveLength(3);
  });

  it('refuses anyone else, naming the owners, and writes nothing', async () => {
    expect(await run('update 1-1-1 done', 'U0STRANGER')).toEqual({ kind: 'problem', problem: { code: 'not_allowed', action: 'update', owners: ['総務部人事課'] } });
    // Not a member of the channel of 出納局出納総務課, and the 人事課 owner does not own 1-2-2.
    expect(await run('update 1-2-2 done', 'U0JINJI01')).toMatchObject({ kind: 'problem', problem: { code: 'not_allowed' } });
    expect(await world.updates()).toEqual([]);
  });

  it('suggests the three closest ids for an unknown one', async () => {
    expect(await run('update 1-1-9 done', 'U0JINJI01')).toEqual({ kind: 'problem', problem: { code: 'unknown_id', id: '1-1-9', suggestions: ['1-1-1', '1-1-2', '1-1-3'] } });
    expect(await run('status 2-1-4', 'U0JINJI01')).toMatchObject({ problem: { code: 'unknown_id', suggestions: ['2-1-1', '2-1-2', '2-1-3'] } });
  });

  it('refuses a comment over 1,000 characters or with control characters, and takes one of exactly 1,000', async () => {
    expect(await run(`update 1-1-1 done ${'あ'.repeat(1001)}`, 'U0JINJI01')).toMatchObject({ problem: { code: 'comment_too_long', length: 1001, max: 1000 } });
    expect(await run('update 1-1-1 done 途中\u0007ベル', 'U0JINJI01')).toMatchObject({ problem: { code: 'comment_control_characters' } });
    expect(await run('update 1-1-1 done 逆\u202Eさま', 'U0JINJI01')).toMatchObject({ problem: { code: 'comment_control_characters' } });
    expect(await world.updates()).toEqual([]);
    expect(await run(`update 1-1-1 done ${'あ'.repeat(1000)}`, 'U0JINJI01')).toMatchObject({ kind: 'updated' });
  });

  it('reports on one checkpoint of a months schedule, and only on one of its months', async () => {
    expect(await run('update 1-1-2 8月 done', 'U0JINJI01')).toMatchObject({ kind: 'updated', checkpoint: '2023-08' });
    expect(await run('update 1-1-2 9月 done', 'U0JINJI01')).toEqual({
      kind: 'problem',
      problem: { code: 'not_a_checkpoint', id: '1-1-2', month: '2023-09', checkpoints: ['2023-08', '2024-01'] },
    });
    expect(await run('update 1-1-1 8月 done', 'U0JINJI01')).toMatchObject({ problem: { code: 'no_checkpoints', id: '1-1-1' } });
    const months = await run('status 1-1-2', 'U0JINJI01');
    expect(months).toMatchObject({ kind: 'milestone', detail: { checkpoints: [{ key: '2023-08', status: 'done' }, { key: '2024-01', status: 'not_started' }] } });
  });
});

describe('/plan update without a month on a milestone due in several months', () => {
  it('records the month the owner is being asked about, names it, and leaves the other months open', async () => {
    // 2023-09-15: August is past due and open, January is next.
    expect(await run('update 1-1-2 done', 'U0JINJI01')).toMatchObject({ kind: 'updated', checkpoint: '2023-08', picked: true, allCheckpoints: [] });
    expect(await world.updates()).toEqual([expect.objectContaining({ milestoneId: '1-1-2', checkpoint: '2023-08', status: 'done' })]);
    expect(await run('status 1-1-2', 'U0JINJI01')).toMatchObject({
      detail: { summary: { open: true }, checkpoints: [{ key: '2023-08', status: 'done' }, { key: '2024-01', status: 'not_started' }] },
    });
    // August is done: the next report without a month is about January.
    expect(await run('update 1-1-2 on_track', 'U0JINJI01')).toMatchObject({ checkpoint: '2024-01', previous: 'not_started', picked: true });
  });

  it('takes every month at once only with all / 全月, recorded once for the milestone as a whole', async () => {
    expect(await run('update 1-1-2 all done', 'U0JINJI01')).toMatchObject({ kind: 'updated', checkpoint: null, picked: false, allCheckpoints: ['2023-08', '2024-01'] });
    expect(await world.updates()).toEqual([expect.not.objectContaining({ checkpoint: expect.anything() })]);
    expect(await run('status 1-1-2', 'U0JINJI01')).toMatchObject({ detail: { summary: { open: false }, checkpoints: [{ status: 'done' }, { status: 'done' }] } });
    expect(await run('更新 1-1-2 全月 順調', 'U0JINJI01')).toMatchObject({ allCheckpoints: ['2023-08', '2024-01'], status: 'on_track', previous: 'done' });
  });

  it('keeps reading an old update without a month as one for every month', async () => {
    await world.deps.statuses.append({ milestoneId: '1-1-2', status: 'done', actor: 'U0JINJI01', via: 'slash', createdAt: '2023-09-01T01:00:00.000Z' });
    expect(await run('status 1-1-2', 'U0JINJI01')).toMatchObject({ detail: { summary: { open: false }, checkpoints: [{ status: 'done' }, { status: 'done' }] } });
    await run('update 1-1-2 8月 on_track', 'U0JINJI01');
    const history = await run('history 1-1-2', 'U0JINJI01');
    expect(history).toMatchObject({ entries: [{ checkpoint: '2023-08', allCheckpoints: false }, { checkpoint: null, allCheckpoints: true }] });
    expect(renderReplyText(history, 'ja')).toContain('全月');
    // On a milestone with one due date there is no "every month" to speak of.
    await run('update 1-1-1 done', 'U0JINJI01');
    expect(await run('history 1-1-1', 'U0JINJI01')).toMatchObject({ entries: [{ checkpoint: null, allCheckpoints: false }] });
  });

  it('says a comment was recorded when only a comment was given, keeping the status', async () => {
    const recorded = await recordStatus(world.deps, { userId: 'U0JINJI01', via: 'shell', milestoneId: '1-1-1', checkpoint: null, status: 'keep', comment: '講師と調整中', revisedDue: null });
    expect(recorded).toMatchObject({ ok: true, value: { commentOnly: true, status: 'not_started', comment: '講師と調整中' } });
    const text = renderReplyText((recorded as { value: Reply }).value, 'ja');
    expect(text).toContain('コメントを記録しました');
    expect(text).not.toContain('として記録しました');
  });

  it('names the month and how to reach every month in the confirmation', async () => {
    const text = renderReplyText(await run('update 1-1-2 done', 'U0JINJI01'), 'ja');
    expect(text).toContain('令和5年8月分');
    expect(text).toContain('全月');
    const all = renderReplyText(await run('update 1-1-2 all done', 'U0JINJI01'), 'en');
    expect(all).toContain('every month');
  });
});

describe('/plan due', () => {
  it('lets a coordinator move a due month, keeping the status, and the milestone shows the new date', async () => {
    await run('update 1-1-1 at_risk', 'U0JINJI01');
    const reply = await run('due 1-1-1 2024-02 講師の都合', 'U0COORD01');
    expect(reply).toMatchObject({ kind: 'updated', status: 'at_risk', revisedDue: '2024-02', due: '2024-02-29', comment: '講師の都合' });
    expect(await run('status 1-1-1', 'U0STRANGER')).toMatchObject({ detail: { checkpoints: [{ key: null, month: '2024-02', due: '2024-02-29', revised: true, status: 'at_risk' }] } });
  });

  it('is for coordinators only, needs a checkpoint on a months schedule, and a due date to move', async () => {
    expect(await run('due 1-1-1 2024-02', 'U0JINJI01')).toMatchObject({ problem: { code: 'not_allowed', action: 'due' } });
    expect(await run('due 1-1-2 2024-02', 'U0COORD01')).toMatchObject({ problem: { code: 'checkpoint_required', checkpoints: ['2023-08', '2024-01'] } });
    expect(await run('due 1-1-3 2024-02', 'U0COORD01')).toMatchObject({ problem: { code: 'no_due_date', id: '1-1-3' } });
    expect(await world.updates()).toEqual([]);
    expect(await run('due 1-1-2 8月 2023-10', 'U0COORD01')).toMatchObject({ kind: 'updated', checkpoint: '2023-08', revisedDue: '2023-10' });
  });

  it('refuses a month outside the plan’s fiscal year and the next one, saying which months it takes', async () => {
    // The plan is 令和5年度 (2023): April 2023 to March 2025 may be named.
    expect(await run('due 1-1-1 2030-02', 'U0COORD01')).toEqual({
      kind: 'problem',
      problem: { code: 'due_out_of_range', id: '1-1-1', month: '2030-02', from: '2023-04', to: '2025-03' },
    });
    expect(await run('due 1-1-1 2023-03', 'U0COORD01')).toMatchObject({ problem: { code: 'due_out_of_range' } });
    expect(await world.updates()).toEqual([]);
    expect(renderReplyText(await run('due 1-1-1 2030-02', 'U0COORD01'), 'ja')).toContain('令和5年4月');
    expect(await run('due 1-1-1 2025-03', 'U0COORD01')).toMatchObject({ kind: 'updated', revisedDue: '2025-03' });
  });

  it('needs no checkpoint for a milestone due in one month only', async () => {
    const plan = planR5();
    const milestone = plan.pillars[0]!.initiatives[0]!.items[0]!.milestones[1]!;
    milestone.schedule = { kind: 'months', months: ['2023-08'] };
    await world.close();
    world = await openCommandWorld(plan);
    expect(await run('due 1-1-2 2023-11', 'U0COORD01')).toMatchObject({ kind: 'updated', checkpoint: '2023-08', revisedDue: '2023-11' });
  });
});
