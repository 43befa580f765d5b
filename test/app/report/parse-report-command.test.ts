import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';

describe('parsing /plan report', () => {
  it('reads every action, in English and Japanese, full-width too', () => {
    expect(parseCommand('report')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'status' } } });
    expect(parseCommand('報告 状況')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'status' } } });
    expect(parseCommand('report open 2020-09-30 締切 2020-10-09')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'open', asOf: '2020-09-30', deadline: '2020-10-09' } } });
    expect(parseCommand('ｒｅｐｏｒｔ　ｏｐｅｎ　２０２０/９/３０ deadline 2020年10月9日')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'open', asOf: '2020-09-30', deadline: '2020-10-09' } } });
    expect(parseCommand('報告 回答 １ー１')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'answer', itemId: '1-1', fields: null } } });
    expect(parseCommand('report return 1-1 数字を &lt;添えて&gt;')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'return', itemId: '1-1', comment: '数字を <添えて>' } } });
    expect(parseCommand('report close')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'close' } } });
    expect(parseCommand('報告 履歴 1-1')).toEqual({ ok: true, value: { kind: 'report', action: { op: 'history', itemId: '1-1' } } });
  });

  it('reads an answer typed inline, each field to the next, quotes and \\n kept as meant', () => {
    const parsed = parseCommand('report answer 1-1 評価＝○ 実績=研修を2回実施（受講者 120名）\\n他1件 課題=「講師 確保」 方向=継続');
    expect(parsed).toEqual({
      ok: true,
      value: { kind: 'report', action: { op: 'answer', itemId: '1-1', fields: { evaluation: '○', achievement: '研修を2回実施（受講者 120名）\n他1件', issues: '講師 確保', nextSteps: '継続' } } },
    });
    expect(parseCommand('report answer 1-1 evaluation=A next=x')).toMatchObject({ ok: true, value: { action: { fields: { evaluation: 'A', nextSteps: 'x' } } } });
  });

  it('says what is wrong', () => {
    expect(parseCommand('report open 2020-09-30')).toEqual({ ok: false, error: { code: 'missing_argument', usage: 'report' } });
    expect(parseCommand('report open 2020-02-30 2020-10-09')).toEqual({ ok: false, error: { code: 'report', problem: { code: 'bad_date', word: '2020-02-30' } } });
    expect(parseCommand('report reopen')).toEqual({ ok: false, error: { code: 'unexpected_argument', word: 'reopen', usage: 'report' } });
    expect(parseCommand('report answer')).toEqual({ ok: false, error: { code: 'missing_argument', usage: 'report' } });
    expect(parseCommand('report answer 1-1 よろしく 評価=○')).toEqual({ ok: false, error: { code: 'report', problem: { code: 'bad_field', word: 'よろしく' } } });
    expect(parseCommand('report answer 1-1 評価=○ 評価=×')).toEqual({ ok: false, error: { code: 'report', problem: { code: 'bad_field', word: '評価' } } });
  });
});
