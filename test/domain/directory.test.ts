import { describe, expect, it } from 'vitest';
import { canSpeakFor, channelFor, divisionsOfUser, EMPTY_DIRECTORY, isCoordinator, unmappedDivisions, type Directory } from '../../src/domain/directory.ts';

const directory: Directory = {
  coordinator: { division: '総務部行財政改革推進課', channel: 'C0REFORM', users: ['U01', 'U02'] },
  divisions: new Map([
    ['総務部人事課', { channel: 'C0JINJI', users: ['U10', 'U11'], deputies: ['U12'] }],
    ['総務部法務・文書課', { channel: 'C0HOMU', users: ['U20'], deputies: ['U11'] }],
  ]),
};

describe('channelFor', () => {
  it('gives a mapped division its own channel', () => {
    expect(channelFor(directory, '総務部人事課')).toEqual({ channel: 'C0JINJI', unmapped: false });
    expect(channelFor(directory, '総務部法務・文書課')).toEqual({ channel: 'C0HOMU', unmapped: false });
  });

  it('sends an unmapped division to the coordinator channel, flagged', () => {
    expect(channelFor(directory, '総務部管財課')).toEqual({ channel: 'C0REFORM', unmapped: true });
  });

  it('counts the coordinator division as mapped without an entry of its own', () => {
    expect(channelFor(directory, '総務部行財政改革推進課')).toEqual({ channel: 'C0REFORM', unmapped: false });
  });

  it('prefers an explicit entry for the coordinator division', () => {
    const own: Directory = { ...directory, divisions: new Map([['総務部行財政改革推進課', { channel: 'C0OWN', users: [], deputies: [] }]]) };
    expect(channelFor(own, '総務部行財政改革推進課')).toEqual({ channel: 'C0OWN', unmapped: false });
  });

  it('leaves the channel empty when there is no directory at all', () => {
    expect(channelFor(EMPTY_DIRECTORY, '総務部人事課')).toEqual({ channel: '', unmapped: true });
  });
});

describe('directory lookups', () => {
  it('lists unmapped divisions in the order given', () => {
    expect(unmappedDivisions(directory, ['総務部管財課', '総務部人事課', '総務部財政課', '総務部行財政改革推進課'])).toEqual(['総務部管財課', '総務部財政課']);
  });

  it('knows coordinators, members and deputies', () => {
    expect(isCoordinator(directory, 'U01')).toBe(true);
    expect(isCoordinator(directory, 'U10')).toBe(false);
    expect(isCoordinator(EMPTY_DIRECTORY, 'U01')).toBe(false);
    expect(divisionsOfUser(directory, 'U11')).toEqual(['総務部人事課', '総務部法務・文書課']);
    expect(divisionsOfUser(directory, 'U99')).toEqual([]);
  });

  it('lets owners, deputies and coordinators speak for a division, nobody else', () => {
    expect(canSpeakFor(directory, 'U10', '総務部人事課')).toBe(true);
    expect(canSpeakFor(directory, 'U12', '総務部人事課')).toBe(true);
    expect(canSpeakFor(directory, 'U02', '総務部人事課')).toBe(true);
    expect(canSpeakFor(directory, 'U20', '総務部人事課')).toBe(false);
    expect(canSpeakFor(directory, 'U10', '総務部管財課')).toBe(false);
  });
});
