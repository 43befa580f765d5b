// Recording statuses from commands: who may, what is checked first, and that a refusal writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import type { Reply } from '../../../src/app/commands/reply.ts';
import { runCommand } from '../../../src/app/commands/run-command.ts';
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
});
