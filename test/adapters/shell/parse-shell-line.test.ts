import { describe, expect, it } from 'vitest';
import { parseShellLine } from '../../../src/adapters/shell/parse-shell-line.ts';

const DAY = 86_400_000;

describe('parseShellLine', () => {
  it('hands /plan text on as typed, with or without /plan', () => {
    expect(parseShellLine('/plan update 1-1-2 done "研修 実施済み"')).toEqual({ kind: 'plan', text: 'update 1-1-2 done "研修 実施済み"' });
    expect(parseShellLine('／ｐｌａｎ　mine')).toEqual({ kind: 'plan', text: 'mine' });
    expect(parseShellLine('/plan')).toEqual({ kind: 'plan', text: '' });
    expect(parseShellLine('status 1-1-2')).toEqual({ kind: 'plan', text: 'status 1-1-2' });
    expect(parseShellLine('/help')).toEqual({ kind: 'problem', problem: { code: 'unknown_shell_command', word: '/help' } });
  });

  it('skips blank lines and # comments', () => {
    expect(parseShellLine('   ')).toEqual({ kind: 'empty' });
    expect(parseShellLine('# the script starts here')).toEqual({ kind: 'empty' });
  });

  it('reads :as, also typed with a full-width colon', () => {
    expect(parseShellLine(':as 総務部人事課')).toEqual({ kind: 'as', who: '総務部人事課' });
    expect(parseShellLine('：as coordinator')).toEqual({ kind: 'as', who: 'coordinator' });
    expect(parseShellLine(':as')).toEqual({ kind: 'as', who: null });
  });

  it('reads :reply LINE CHOICE [COMMENT], the choice as a number, a status word or コメント', () => {
    expect(parseShellLine(':reply 3 1')).toEqual({ kind: 'reply', line: 3, choice: { kind: 'status', status: 'done' }, comment: undefined });
    expect(parseShellLine(':reply ３ ４ 人手が足りません')).toEqual({ kind: 'reply', line: 3, choice: { kind: 'status', status: 'delayed' }, comment: '人手が足りません' });
    expect(parseShellLine(':reply 3 5 「来週 実施」')).toEqual({ kind: 'reply', line: 3, choice: { kind: 'comment' }, comment: '来週 実施' });
    expect(parseShellLine(':r 2 注意')).toEqual({ kind: 'reply', line: 2, choice: { kind: 'status', status: 'at_risk' }, comment: undefined });
    expect(parseShellLine(':reply 2 コメント ok')).toEqual({ kind: 'reply', line: 2, choice: { kind: 'comment' }, comment: 'ok' });
    expect(parseShellLine(':reply 3 6')).toEqual({ kind: 'problem', problem: { code: 'bad_reply', word: '6' } });
    expect(parseShellLine(':reply x 1')).toEqual({ kind: 'problem', problem: { code: 'bad_reply', word: 'x' } });
    expect(parseShellLine(':reply 3')).toEqual({ kind: 'problem', problem: { code: 'bad_reply', word: null } });
  });

  it('reads the clock commands', () => {
    expect(parseShellLine(':next')).toEqual({ kind: 'next' });
    expect(parseShellLine(':advance 7d')).toEqual({ kind: 'advance', ms: 7 * DAY });
    expect(parseShellLine(':advance 1d12h')).toEqual({ kind: 'advance', ms: 1.5 * DAY });
    expect(parseShellLine(':advance 2週')).toEqual({ kind: 'advance', ms: 14 * DAY });
    expect(parseShellLine(':advance 30m')).toEqual({ kind: 'advance', ms: 30 * 60_000 });
    expect(parseShellLine(':advance soon')).toEqual({ kind: 'problem', problem: { code: 'bad_duration', word: 'soon' } });
    expect(parseShellLine(':advance 400d')).toEqual({ kind: 'problem', problem: { code: 'too_far' } });
    expect(parseShellLine(':now')).toEqual({ kind: 'now', to: null });
    expect(parseShellLine(':now 2020-08-03T09:30')).toEqual({ kind: 'now', to: { date: '2020-08-03', time: '09:30:00', offsetMinutes: null } });
    expect(parseShellLine(':now 2020-08-03 9:30:15')).toEqual({ kind: 'now', to: { date: '2020-08-03', time: '09:30:15', offsetMinutes: null } });
    expect(parseShellLine(':now 2020-08-03T09:30+09:00')).toEqual({ kind: 'now', to: { date: '2020-08-03', time: '09:30:00', offsetMinutes: 540 } });
    expect(parseShellLine(':now 2020-08-03')).toEqual({ kind: 'now', to: { date: '2020-08-03', time: '00:00:00', offsetMinutes: null } });
    expect(parseShellLine(':now 2020-02-30')).toEqual({ kind: 'problem', problem: { code: 'bad_time', word: '2020-02-30' } });
  });

  it('reads :help and :quit, and names an unknown command', () => {
    expect(parseShellLine(':help')).toEqual({ kind: 'help' });
    expect(parseShellLine(':quit')).toEqual({ kind: 'quit' });
    expect(parseShellLine(':exit')).toEqual({ kind: 'quit' });
    expect(parseShellLine(':jump 3')).toEqual({ kind: 'problem', problem: { code: 'unknown_shell_command', word: ':jump' } });
  });
});
