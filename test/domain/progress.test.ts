import { describe, expect, it } from 'vitest';
import { buildStateLookup } from '../../src/domain/milestone-state.ts';
import { bySoonestDue, planProgress } from '../../src/domain/progress.ts';
import type { StatusUpdate } from '../../src/domain/status-update.ts';
import { closestMatches } from '../../src/domain/similarity.ts';
import { canSpeakFor, divisionsOfUser, memberChannels, type Directory } from '../../src/domain/directory.ts';
import { calendar } from '../app/tick-world.ts';
import { planR5 } from '../fixtures/plan-r5.ts';

const update = (id: number, milestoneId: string, status: StatusUpdate['status'], extra: Partial<StatusUpdate> = {}): StatusUpdate => ({
  id,
  milestoneId,
  status,
  actor: 'U1',
  via: 'slash',
  createdAt: `2023-09-0${id}T01:00:00.000Z`,
  ...extra,
});

describe('planProgress', () => {
  const progressOn = (today: string, updates: StatusUpdate[] = []) =>
    new Map(planProgress(planR5(), buildStateLookup(updates, 'Asia/Tokyo'), calendar, today).map((p) => [p.placed.milestone.id, p]));

  it('gives each checkpoint its due date, status and business days overdue', () => {
    const p = progressOn('2023-09-15');
    // 1-1-2 is due 2023-08-31 and 2024-01-31: the August one is 11 business days late.
    expect(p.get('1-1-2')).toMatchObject({ open: true, status: 'not_started', nextDue: '2023-08-31', daysOverdue: 11, current: { key: '2023-08' } });
    expect(p.get('1-1-1')).toMatchObject({ open: true, nextDue: '2024-01-31', daysOverdue: null, current: { key: null } });
    // `from` has no due date: open until closed as a whole.
    expect(p.get('1-1-3')).toMatchObject({ open: true, checkpoints: [], nextDue: null, daysOverdue: null });
  });

  it('follows the latest update per checkpoint, revised due months, and closes a milestone whose checkpoints are all closed', () => {
    const p = progressOn('2023-09-15', [
      update(1, '1-1-2', 'done', { checkpoint: '2023-08' }),
      update(2, '1-1-1', 'at_risk', { revisedDue: '2024-03' }),
      update(3, '1-1-3', 'cancelled'),
    ]);
    expect(p.get('1-1-2')).toMatchObject({ status: 'not_started', nextDue: '2024-01-31', daysOverdue: null, current: { key: '2024-01' } });
    expect(p.get('1-1-1')).toMatchObject({ status: 'at_risk', checkpoints: [{ month: '2024-03', due: '2024-03-29', revised: true }] });
    expect(p.get('1-1-3')).toMatchObject({ open: false, status: 'cancelled' });
    const closed = progressOn('2023-09-15', [update(1, '1-1-2', 'done')]).get('1-1-2');
    expect(closed).toMatchObject({ open: false, status: 'done', nextDue: null });
  });

  it('sorts soonest due first: overdue, then by date, undated last, closed after all', () => {
    const p = [...progressOn('2023-09-15', [update(1, '1-2-1', 'done')]).values()].sort(bySoonestDue).map((x) => x.placed.milestone.id);
    expect(p).toEqual(['2-1-1', '1-1-2', '1-1-1', '2-1-2', '1-1-3', '1-2-2', '2-1-3', '1-2-1']);
  });
});

describe('closestMatches', () => {
  it('prefers shared bigrams, then a shared prefix, then the given order', () => {
    expect(closestMatches('1-1-9', ['2-1-1', '1-1-1', '1-1-2', '1-2-1', '1-1-3'])).toEqual(['1-1-1', '1-1-2', '1-1-3']);
    expect(closestMatches('総務部人事', ['総務部財政課', '総務部人事課', '出納局出納総務課'], 1)).toEqual(['総務部人事課']);
  });
});

describe('directory membership by channel', () => {
  const directory: Directory = {
    coordinator: { division: '総務部行財政改革推進課', channel: 'C0', users: ['U0'] },
    divisions: new Map([
      ['総務部人事課', { channel: 'C1', users: ['U1'], deputies: [], channelMembers: true }],
      ['総務部財政課', { channel: 'C2', users: ['U2'], deputies: [] }],
    ]),
  };
  const members = (channel: string, user: string) => (channel === 'C1' && user === 'U9') || (channel === 'C2' && user === 'U8');

  it('counts members of a channel only where the entry says so', () => {
    expect(memberChannels(directory)).toEqual(['C1']);
    expect(canSpeakFor(directory, 'U9', '総務部人事課')).toBe(false);
    expect(canSpeakFor(directory, 'U9', '総務部人事課', members)).toBe(true);
    expect(canSpeakFor(directory, 'U8', '総務部財政課', members)).toBe(false);
    expect(divisionsOfUser(directory, 'U9', members)).toEqual(['総務部人事課']);
  });
});
