import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands/parse-command.ts';
import { tokenize } from '../../../src/app/commands/tokenize.ts';
import { decodeChatText } from '../../../src/app/commands/plain-text.ts';

const parsed = (text: string) => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`${text}: ${JSON.stringify(result.error)}`);
  return result.value;
};
const problem = (text: string) => {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`${text} parsed as ${JSON.stringify(result.value)}`);
  return result.error;
};

describe('tokenize', () => {
  it('splits on ASCII, ideographic and repeated spaces', () => {
    expect(tokenize('update\u30001-1-2  done').map((t) => t.type === 'word' && t.text)).toEqual(['update', '1-1-2', 'done']);
  });

  it('keeps "…", “…”, 「…」 and 『…』 together, and runs an unclosed quote to the end', () => {
    expect(tokenize('a "b c" “d e” 「f g」 『h』 "i j').map((t) => (t.type === 'word' || t.type === 'quoted' ? `${t.type}:${t.text}` : t.type))).toEqual([
      'word:a',
      'quoted:b c',
      'quoted:d e',
      'quoted:f g',
      'quoted:h',
      'quoted:i j',
    ]);
  });

  it('reads mentions as Slack sends them with should_escape', () => {
    expect(tokenize('owner 総務部人事課 <#C0JINJI001|jinji> <@U0ABC123|tanaka> <@W0XYZ999>')).toEqual([
      { type: 'word', text: 'owner', start: 0 },
      { type: 'word', text: '総務部人事課', start: 6 },
      { type: 'channel', id: 'C0JINJI001', start: 13 },
      { type: 'user', id: 'U0ABC123', start: 33 },
      { type: 'user', id: 'W0XYZ999', start: 52 },
    ]);
  });

  it('decodes entities and Slack markup into what the person typed', () => {
    expect(decodeChatText('a &amp; b &lt;tag&gt; <!channel> <!here> <@U1|tanaka> <#C1|general> <https://example.jp|example> <!subteam^S1|@team>')).toBe(
      'a & b <tag> @channel @here @tanaka #general example (https://example.jp) @team',
    );
  });
});

describe('parseCommand', () => {
  it('reads every sub-command of SPEC §5 in English', () => {
    expect(parsed('')).toEqual({ kind: 'help' });
    expect(parsed('help')).toEqual({ kind: 'help' });
    expect(parsed('status')).toEqual({ kind: 'overview' });
    expect(parsed('status 1-1-2')).toEqual({ kind: 'milestone', id: '1-1-2' });
    expect(parsed('status 総務部人事課')).toEqual({ kind: 'list', target: { division: '総務部人事課' }, page: 1 });
    expect(parsed('status overdue')).toEqual({ kind: 'list', target: 'overdue', page: 1 });
    expect(parsed('status upcoming 2')).toEqual({ kind: 'list', target: 'upcoming', page: 2 });
    expect(parsed('status done')).toEqual({ kind: 'list', target: 'done', page: 1 });
    expect(parsed('mine')).toEqual({ kind: 'list', target: 'mine', page: 1 });
    expect(parsed('update 1-1-2 done 研修実施済み')).toEqual({ kind: 'update', id: '1-1-2', checkpoint: null, status: 'done', comment: '研修実施済み' });
    expect(parsed('due 1-1-2 2021-02')).toEqual({ kind: 'due', id: '1-1-2', checkpoint: null, month: { year: 2021, month: 2 }, comment: undefined });
    expect(parsed('history 1-1-2')).toEqual({ kind: 'history', id: '1-1-2', page: 1 });
    expect(parsed('digest')).toEqual({ kind: 'digest', post: false, replace: false });
    expect(parsed('digest post')).toEqual({ kind: 'digest', post: true, replace: false });
    expect(parsed('digest post replace')).toEqual({ kind: 'digest', post: true, replace: true });
    expect(parsed('owner 総務部人事課 <#C0JINJI002|jinji>')).toEqual({ kind: 'owner', division: '総務部人事課', channel: 'C0JINJI002', users: null, channelMembers: null });
    // Typed by hand, as the usage line shows it (the shell, where nothing turns #channel into <#C…>).
    expect(parsed('owner 総務部人事課 #C0JINJI002 @U0JINJI01 U0JINJI02')).toEqual({ kind: 'owner', division: '総務部人事課', channel: 'C0JINJI002', users: ['U0JINJI01', 'U0JINJI02'], channelMembers: null });
    // Teams (issue 14 §3): a channel's conversation id, people by their Entra object id (a GUID, kept in lower case as activities carry it).
    expect(parsed('owner 総務部人事課 19:jinji-ch@thread.tacv2 3F2504E0-4F89-11D3-9A0C-0305E82C3301 @7c9e6679-7425-40de-944b-e07fc1f90ae7')).toEqual({
      kind: 'owner',
      division: '総務部人事課',
      channel: '19:jinji-ch@thread.tacv2',
      users: ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
      channelMembers: null,
    });
    expect(parsed('owner 総務部人事課 #19:abc@thread.skype')).toMatchObject({ channel: '19:abc@thread.skype' });
    // Not an id: a thread's conversation (with ;messageid=), a lower-case word that starts like a Slack id, a GUID cut short.
    expect(problem('owner 総務部人事課 19:abc@thread.tacv2;messageid=1')).toMatchObject({ code: 'unexpected_argument', usage: 'owner' });
    expect(problem('owner 総務部人事課 umbrella1')).toMatchObject({ code: 'unexpected_argument', word: 'umbrella1' });
    expect(problem('owner 総務部人事課 3f2504e0-4f89-11d3-9a0c')).toMatchObject({ code: 'unexpected_argument' });
    expect(parsed('lang en')).toEqual({ kind: 'lang', lang: 'en' });
  });

  it('reads the Japanese aliases', () => {
    expect(parsed('ヘルプ')).toEqual({ kind: 'help' });
    expect(parsed('状況')).toEqual({ kind: 'overview' });
    expect(parsed('状況 遅延中')).toEqual({ kind: 'list', target: 'overdue', page: 1 });
    expect(parsed('状況 今後')).toEqual({ kind: 'list', target: 'upcoming', page: 1 });
    expect(parsed('状況 完了 2')).toEqual({ kind: 'list', target: 'done', page: 2 });
    expect(parsed('遅延中')).toEqual({ kind: 'list', target: 'overdue', page: 1 });
    expect(parsed('担当')).toEqual({ kind: 'list', target: 'mine', page: 1 });
    expect(parsed('更新 1-1-2 完了 研修実施済み')).toMatchObject({ kind: 'update', status: 'done', comment: '研修実施済み' });
    expect(parsed('完了 1-1-2')).toMatchObject({ kind: 'update', id: '1-1-2', status: 'done', comment: undefined });
    // Every month at once only when said; a comment starting with "all" stays a comment.
    expect(parsed('update 1-1-2 all done')).toMatchObject({ kind: 'update', checkpoint: 'all', status: 'done' });
    expect(parsed('更新 1-1-2 全月 完了')).toMatchObject({ kind: 'update', checkpoint: 'all', status: 'done' });
    expect(parsed('完了 1-1-2 ＡＬＬ')).toMatchObject({ kind: 'update', checkpoint: 'all', comment: undefined });
    expect(parsed('update 1-1-2 done all good')).toMatchObject({ checkpoint: null, comment: 'all good' });
    expect(parsed('期限 1-1-2 令和3年2月')).toMatchObject({ kind: 'due', month: { year: 2021, month: 2 } });
    expect(parsed('履歴 1-1-2')).toMatchObject({ kind: 'history' });
    expect(parsed('ダイジェスト 投稿')).toEqual({ kind: 'digest', post: true, replace: false });
    expect(parsed('担当課 総務部人事課 <#C0JINJI002|jinji> メンバー')).toMatchObject({ kind: 'owner', channelMembers: true });
    expect(parsed('言語 英語')).toEqual({ kind: 'lang', lang: 'en' });
  });

  it('folds full-width letters, digits, dashes and spaces', () => {
    expect(parsed('ｕｐｄａｔｅ\u3000１－１－２\u3000ｄｏｎｅ')).toMatchObject({ kind: 'update', id: '1-1-2', status: 'done' });
    expect(parsed('状況　１ー１ー２')).toEqual({ kind: 'milestone', id: '1-1-2' });
    expect(parsed('担当　２')).toEqual({ kind: 'list', target: 'mine', page: 2 });
  });

  it('takes the comment as typed: quoted, or the rest of the line with its spacing', () => {
    expect(parsed('update 1-1-2 on_track "研修 準備中"')).toMatchObject({ comment: '研修 準備中' });
    expect(parsed('update 1-1-2 on_track 「研修 準備中」')).toMatchObject({ comment: '研修 準備中' });
    expect(parsed('update 1-1-2 at_risk 講師の  日程が未定 (8月)')).toMatchObject({ comment: '講師の  日程が未定 (8月)' });
    expect(parsed('update 1-1-2 done 周知 <!channel> &amp; 共有')).toMatchObject({ comment: '周知 @channel & 共有' });
  });

  it('reads a checkpoint month before the status, and two months for due', () => {
    expect(parsed('update 4-2-3 8月 done')).toMatchObject({ checkpoint: { year: null, month: 8 }, status: 'done' });
    expect(parsed('update 4-2-3 2020-08 done')).toMatchObject({ checkpoint: { year: 2020, month: 8 } });
    expect(parsed('due 6-2-2 5月 2020-07 会議の延期')).toEqual({ kind: 'due', id: '6-2-2', checkpoint: { year: null, month: 5 }, month: { year: 2020, month: 7 }, comment: '会議の延期' });
    expect(parsed('due 1-1-2 R3.2')).toMatchObject({ month: { year: 2021, month: 2 } });
  });

  it('reads owners: channel, users, the members switch', () => {
    expect(parsed('owner 総務部人事課 <#C0NEW0001|new> <@U0AAA0001|a> <@U0BBB0002|b> members off')).toEqual({
      kind: 'owner',
      division: '総務部人事課',
      channel: 'C0NEW0001',
      users: ['U0AAA0001', 'U0BBB0002'],
      channelMembers: false,
    });
    expect(parsed('owner 総務部人事課')).toEqual({ kind: 'owner', division: '総務部人事課', channel: null, users: null, channelMembers: null });
  });

  it('says what is wrong, with what was meant', () => {
    expect(problem('stauts')).toEqual({ code: 'unknown_command', word: 'stauts', suggestions: expect.arrayContaining(['status']) });
    expect(problem('update 1-1-2 finished')).toEqual({ code: 'unknown_status', word: 'finished' });
    expect(problem('update 1-1-2')).toEqual({ code: 'missing_argument', usage: 'update' });
    expect(problem('update')).toEqual({ code: 'missing_argument', usage: 'update' });
    expect(problem('due 1-1-2 someday')).toEqual({ code: 'bad_month', word: 'someday', usage: 'due' });
    expect(problem('update 1-1-2 13月 done')).toEqual({ code: 'bad_month', word: '13月', usage: 'update' });
    expect(problem('mine please')).toEqual({ code: 'unexpected_argument', word: 'please', usage: 'list' });
    expect(problem('status overdue 0')).toEqual({ code: 'bad_page', word: '0' });
    expect(problem('lang fr')).toEqual({ code: 'unknown_language', word: 'fr' });
    expect(problem('digest now')).toEqual({ code: 'unexpected_argument', word: 'now', usage: 'digest' });
    expect(problem('owner <#C0JINJI001|jinji>')).toEqual({ code: 'missing_argument', usage: 'owner' });
  });
});

describe('another plan than the default one (issue 13)', () => {
  const fy2020 = { year: 2020, key: null };
  it('reads a fiscal year as a flag, as 年度 and as a Japanese coordinator writes it, anywhere in a query', () => {
    expect(parsed('status --year 2020')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('status --year=2020')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('状況 2020年度')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('状況 令和2年度')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('状況 Ｒ２年度')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('状況 年度 2020')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('状況 年度 令和2')).toEqual({ kind: 'overview', plan: fy2020 });
    // The dashes a Japanese keyboard or an autocorrect gives.
    expect(parsed('状況 ーーyear ２０２０')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('status —year 2020')).toEqual({ kind: 'overview', plan: fy2020 });
    expect(parsed('状況 1-1-2 2020年度')).toEqual({ kind: 'milestone', id: '1-1-2', plan: fy2020 });
    expect(parsed('状況 2020年度 1-1-2')).toEqual({ kind: 'milestone', id: '1-1-2', plan: fy2020 });
    expect(parsed('1-1-2 --year 2020')).toEqual({ kind: 'milestone', id: '1-1-2', plan: fy2020 });
    expect(parsed('状況 総務部 人事課 2 2020年度')).toEqual({ kind: 'list', target: { division: '総務部 人事課' }, page: 2, plan: fy2020 });
    expect(parsed('status overdue 3 --year 2020')).toEqual({ kind: 'list', target: 'overdue', page: 3, plan: fy2020 });
    expect(parsed('遅延中 令和2年度')).toEqual({ kind: 'list', target: 'overdue', page: 1, plan: fy2020 });
    expect(parsed('履歴 1-1-2 2020年度')).toEqual({ kind: 'history', id: '1-1-2', page: 1, plan: fy2020 });
    expect(parsed('history 1-1-2 2 --year 2020')).toEqual({ kind: 'history', id: '1-1-2', page: 2, plan: fy2020 });
    // A bare number is still a page.
    expect(parsed('status overdue 2020')).toEqual({ kind: 'list', target: 'overdue', page: 2020 });
  });

  it('reads a plan key as --plan, --key and 計画, alone or with a year', () => {
    expect(parsed('status --plan gyokaku-2021')).toEqual({ kind: 'overview', plan: { year: null, key: 'gyokaku-2021' } });
    expect(parsed('状況 計画 GYOKAKU-2021')).toEqual({ kind: 'overview', plan: { year: null, key: 'gyokaku-2021' } });
    expect(parsed('history 1-1-2 --key=dx-2020')).toEqual({ kind: 'history', id: '1-1-2', page: 1, plan: { year: null, key: 'dx-2020' } });
    expect(parsed('状況 総務部人事課 計画 dx-2020 2020年度')).toEqual({ kind: 'list', target: { division: '総務部人事課' }, page: 1, plan: { year: 2020, key: 'dx-2020' } });
  });

  it('reads the plan of an update or due before the comment, or as a flag at its end; in the comment, 2020年度 is the comment', () => {
    expect(parsed('update --year 2020 1-1-2 done')).toMatchObject({ kind: 'update', id: '1-1-2', status: 'done', plan: fy2020 });
    expect(parsed('更新 1-1-2 2020年度 完了 済み')).toMatchObject({ kind: 'update', id: '1-1-2', status: 'done', comment: '済み', plan: fy2020 });
    expect(parsed('更新 1-1-2 完了 研修を実施 --year 2020')).toMatchObject({ kind: 'update', comment: '研修を実施', plan: fy2020 });
    expect(parsed('完了 1-1-2 --plan=fy2020')).toMatchObject({ kind: 'update', comment: undefined, plan: { year: null, key: 'fy2020' } });
    expect(parsed('期限 1-1-2 2021-02 --year 2020')).toMatchObject({ kind: 'due', comment: undefined, plan: fy2020 });
    const plain = parsed('更新 1-1-2 完了 2020年度 分も含めて実施');
    expect(plain).toMatchObject({ kind: 'update', comment: '2020年度 分も含めて実施' });
    expect(plain).not.toHaveProperty('plan');
  });

  it('says what it could not read as a year or key, and where two disagree', () => {
    expect(problem('status --year')).toEqual({ code: 'bad_plan', word: '--year' });
    expect(problem('status --year twenty')).toEqual({ code: 'bad_plan', word: 'twenty' });
    expect(problem('状況 年度 来年')).toEqual({ code: 'bad_plan', word: '来年' });
    expect(problem('状況 2020年度 --year 2021')).toEqual({ code: 'bad_plan', word: '2021' });
    expect(problem('状況 計画')).toEqual({ code: 'bad_plan', word: '計画' });
    expect(problem('update 1-1-2 --year 2020 done --year 2021')).toMatchObject({ code: 'bad_plan' });
  });
});
