import { describe, expect, it } from 'vitest';
import { directoryAs, shellUserId } from '../../../src/adapters/shell/shell-identity.ts';
import { canSpeakFor, channelFor, divisionsOfUser, EMPTY_DIRECTORY, isCoordinator, type Directory } from '../../../src/domain/directory.ts';

const DIRECTORY: Directory = {
  coordinator: { division: '総務部行財政改革推進課', channel: 'C0REFORM01', users: ['U0COORD01'] },
  divisions: new Map([['総務部人事課', { channel: 'C0JINJI001', users: ['U0JINJI01'], deputies: [] }]]),
};

describe('the shell user in the directory', () => {
  it('owns the division it plays, next to the real owners, reached as before', () => {
    const as = { kind: 'division', division: '総務部人事課' } as const;
    const seen = directoryAs(DIRECTORY, as, undefined);
    expect(shellUserId(as)).toBe('shell:総務部人事課');
    expect(divisionsOfUser(seen, 'shell:総務部人事課')).toEqual(['総務部人事課']);
    expect(seen.divisions.get('総務部人事課')?.users).toEqual(['U0JINJI01', 'shell:総務部人事課']);
    expect(canSpeakFor(seen, 'shell:総務部人事課', '総務部財政課')).toBe(false);
    expect(isCoordinator(seen, 'shell:総務部人事課')).toBe(false);
    // The real directory is left as it was.
    expect(DIRECTORY.divisions.get('総務部人事課')?.users).toEqual(['U0JINJI01']);
  });

  it('owns an unmapped division too, whose messages still go where they went', () => {
    const seen = directoryAs(DIRECTORY, { kind: 'division', division: '総務部管財課' }, undefined);
    expect(canSpeakFor(seen, 'shell:総務部管財課', '総務部管財課')).toBe(true);
    expect(channelFor(seen, '総務部管財課').channel).toBe('C0REFORM01');
    expect(divisionsOfUser(directoryAs(EMPTY_DIRECTORY, { kind: 'division', division: '総務部管財課' }, undefined), 'shell:総務部管財課')).toEqual(['総務部管財課']);
  });

  it('is a coordinator when it plays one, with or without a directory file', () => {
    expect(isCoordinator(directoryAs(DIRECTORY, { kind: 'coordinator' }, undefined), 'shell:coordinator')).toBe(true);
    const bare = directoryAs(EMPTY_DIRECTORY, { kind: 'coordinator' }, '総務部行財政改革推進課');
    expect(isCoordinator(bare, 'shell:coordinator')).toBe(true);
    expect(bare.coordinator?.division).toBe('総務部行財政改革推進課');
    expect(directoryAs(DIRECTORY, { kind: 'guest' }, undefined)).toBe(DIRECTORY);
  });
});
