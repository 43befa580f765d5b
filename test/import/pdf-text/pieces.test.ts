// Unit tests for the small pieces of the PDF-text importer.
import { describe, expect, it } from 'vitest';
import { endsWithSchedule, splitGluedBullets, splitPieces, trailingParen } from '../../../src/import/pdf-text/pieces.ts';
import { rejoinSplitMarks, tokenizeCell } from '../../../src/import/pdf-text/tokens.ts';
import {
  hasWords,
  isDivisionName,
  isPageFooter,
  joinWrapped,
  looksLikeGarbage,
  matchKey,
  normalizeDots,
} from '../../../src/import/pdf-text/text.ts';

const FY = 2020;
const tokens = (text: string) => tokenizeCell({ text, line: 7 }).map((t) => [t.type, t.text]);

describe('splitPieces', () => {
  it('takes the last parenthesis as the schedule and keeps inner ones as text', () => {
    expect(splitPieces('組織運営の見直しの実施(本庁の班に「係長(主査級)」を配置)(4月~)', FY)).toEqual([
      {
        text: '組織運営の見直しの実施(本庁の班に「係長(主査級)」を配置)',
        schedule: { kind: 'from', start: '2020-04' },
        scheduleText: '4月~',
        separator: 'end',
      },
    ]);
  });

  it('splits after each schedule followed by a space or a comma', () => {
    const pieces = splitPieces('設置(4月) 共有(5月)、整備(6月~3月)', FY);
    expect(pieces.map((p) => [p.text, p.scheduleText, p.separator])).toEqual([
      ['設置', '4月', 'space'],
      ['共有', '5月', 'comma'],
      ['整備', '6月~3月', 'end'],
    ]);
  });

  it('does not split after a parenthesis that is text, even before a space', () => {
    const pieces = splitPieces('ここからルーム(健康開発室) での相談(通年)', FY);
    expect(pieces.map((p) => [p.text, p.scheduleText])).toEqual([['ここからルーム(健康開発室) での相談', '通年']]);
  });

  it('reads full-width parentheses and digits, 〜 and ～', () => {
    expect(splitPieces('検討（１０月～３月）', FY)[0]?.schedule).toEqual({ kind: 'range', start: '2020-10', end: '2021-03' });
    expect(splitPieces('検討(4月〜9月)', FY)[0]?.schedule).toEqual({ kind: 'range', start: '2020-04', end: '2020-09' });
  });

  it('leaves a remainder without a schedule as a last piece, with a bad trailing parenthesis', () => {
    expect(splitPieces('会議(5月) 東世界の中佐(済在)', FY)).toEqual([
      { text: '会議', schedule: { kind: 'months', months: ['2020-05'] }, scheduleText: '5月', separator: 'space' },
      { text: '東世界の中佐(済在)', schedule: null, badParen: '済在', separator: 'end' },
    ]);
    expect(splitPieces('', FY)).toEqual([]);
    expect(splitPieces('スケジュールのない取組', FY)).toEqual([
      { text: 'スケジュールのない取組', schedule: null, badParen: undefined, separator: 'end' },
    ]);
  });
});

describe('trailingParen / endsWithSchedule', () => {
  it('finds the trailing parenthesis, nested ones included', () => {
    expect(trailingParen('配置(本庁(主査級))')).toBe('本庁(主査級)');
    expect(trailingParen('研修(6月~1月) ')).toBe('6月~1月');
    expect(trailingParen('研修の実施')).toBeUndefined();
  });

  it('is true only for a schedule at the end', () => {
    expect(endsWithSchedule('研修(6月~1月)', FY)).toBe(true);
    expect(endsWithSchedule('相談(健康開発室)', FY)).toBe(false);
    expect(endsWithSchedule('県民からの意見を', FY)).toBe(false);
  });
});

describe('splitGluedBullets', () => {
  it('splits a ・ glued between two whole clauses', () => {
    expect(
      splitGluedBullets(
        '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施・次長級職員を対象とした指導力向上研修のプログラムの検討、実施(6月~1月)',
        FY,
      ),
    ).toEqual([
      '「三重県職員人づくり基本方針(令和2年3月改定)」をふまえた重点的な取組の実施',
      '次長級職員を対象とした指導力向上研修のプログラムの検討、実施(6月~1月)',
    ]);
  });

  it('always splits after a schedule', () => {
    expect(splitGluedBullets('会議(5月)・報告(6月)', FY)).toEqual(['会議(5月)', '報告(6月)']);
  });

  it('does not split ・ inside a title', () => {
    for (const text of [
      'RPA・AIーOCR対象業務の調査',
      'マネジメント能力の向上に向けた研修のプログラム検討・実施',
      '職員提案制度等を活用した、関係者等との意見交換・ヒアリングの実施',
      '業務ヒアリング・選定、シナリオ作成・テスト',
      '文書管理の徹底に向けた総務部法務・文書課との連携による運用',
      '「挑戦する風土・学習する組織」に向けた業務改善取組の見直しを検討するための調査',
    ]) {
      expect(splitGluedBullets(text, FY), text).toEqual([text]);
    }
  });
});

describe('tokenizeCell', () => {
  it('reads the heading marks, including く…> and lower-cased closing tags', () => {
    expect(tokens('<見出し> ＜全角＞ 〈山括弧〉 《二重》 くコンプライアンス推進体制の確立> <aiの活用>・作業(4月)</aiの活用>')).toEqual([
      ['heading', '見出し'],
      ['heading', '全角'],
      ['heading', '山括弧'],
      ['heading', '二重'],
      ['heading', 'コンプライアンス推進体制の確立'],
      ['heading', 'aiの活用'],
      ['bullet', '作業(4月)'],
    ]);
  });

  it('does not read く inside a word as a heading', () => {
    expect(tokens('・県民に届くよう周知>する(4月)')).toEqual([['bullet', '県民に届くよう周知>する(4月)']]);
  });

  it('reads 【】 groups, 〇/○ sub-groups, bullets and plain text', () => {
    expect(tokens('前文 【変革1 -Smart Government-】 〇自動車税 ・導入開始(5月) ○次 設置(4月)')).toEqual([
      ['text', '前文'],
      ['group', '変革1 -Smart Government-'],
      ['circle', '自動車税'],
      ['bullet', '導入開始(5月)'],
      ['circle', '次 設置(4月)'],
    ]);
  });

  it('keeps ・ and 〇 inside words, and reports an empty bullet', () => {
    expect(tokens('・検討・実施(4月) ・ ・RPA・AI〇導入(5月)')).toEqual([
      ['bullet', '検討・実施(4月)'],
      ['bullet', ''],
      ['bullet', 'RPA・AI〇導入(5月)'],
    ]);
  });

  it('keeps the line of the cell on every token', () => {
    expect(tokenizeCell({ text: '<a> ・b', line: 12 }).map((t) => t.line)).toEqual([12, 12]);
  });
});

describe('rejoinSplitMarks', () => {
  it('moves the rest of a split heading or 【group】 back to the row it starts on', () => {
    expect(
      rejoinSplitMarks([
        { text: '・作業(4月) <事務事業の', line: 3 },
        { text: '見直し> ・見直し(5月) 【市町と', line: 4 },
        { text: '連携】', line: 5 },
      ]),
    ).toEqual([
      { text: '・作業(4月) <事務事業の見直し>', line: 3 },
      // Marked, so that the owner column knows its divisions follow the heading directly.
      { text: '・見直し(5月) 【市町と連携】', line: 4, continuesMark: true },
    ]);
  });

  it('keeps a ・ inside the split heading', () => {
    expect(
      rejoinSplitMarks([
        { text: '<「挑戦する', line: 1 },
        { text: '風土・学習する組織」に向けた見直し> 総務部人事課', line: 2 },
      ]),
    ).toEqual([{ text: '<「挑戦する風土・学習する組織」に向けた見直し>', line: 1 }, { text: '総務部人事課', line: 2, continuesMark: true }]);
  });

  it('leaves cells alone when the next one starts a bullet or a new mark before any closer', () => {
    for (const next of ['・作業(4月) <次>', '作業 くコンプライアンス推進> ・会議(5月)', '〇小見出し 作業(4月)>']) {
      const cells = [
        { text: '<見出し', line: 1 },
        { text: next, line: 2 },
      ];
      expect(rejoinSplitMarks(cells), next).toEqual(cells);
    }
  });
});

describe('joinWrapped', () => {
  it('removes the spaces a line wrap put into Japanese text', () => {
    expect(joinWrapped('改定した「三重県職員人づくり 基本方針」に基づく人材育成')).toBe('改定した「三重県職員人づくり基本方針」に基づく人材育成');
    expect(joinWrapped(' ②スマート自治 体へのチャレン ジ ')).toBe('②スマート自治体へのチャレンジ');
    expect(joinWrapped('「挑戦する風土·学習する組織」 に向けた')).toBe('「挑戦する風土・学習する組織」に向けた');
  });

  it('keeps spaces between Latin words and after a digit', () => {
    expect(joinWrapped('変革1 - Smart Government-')).toBe('変革1 - Smart Government-');
    expect(joinWrapped('AIやRPAの活用等による業 務改善')).toBe('AIやRPAの活用等による業務改善');
  });
});

describe('normalizeDots / matchKey / hasWords', () => {
  it('folds look-alike dots into ・', () => {
    expect(normalizeDots('風土·学習 a･b c•d')).toBe('風土・学習 a・b c・d');
  });

  it('matches a heading across widths, case, spaces and bracket kinds', () => {
    expect(matchKey('<aiやrpaの活用等による業 務改善の推進>')).toBe(matchKey('ＡＩやＲＰＡの活用等による業務改善の推進'));
  });

  it('counts letters, not digits or punctuation', () => {
    expect(hasWords('1月)')).toBe(false);
    expect(hasWords('会議')).toBe(true);
    expect(hasWords('ル')).toBe(false);
  });
});

describe('looksLikeGarbage', () => {
  it('flags simplified Chinese read from a stamp, runs of #, replacement and control characters', () => {
    expect(looksLikeGarbage('秘伤印11别以以早在连床')).toBe(true);
    expect(looksLikeGarbage('スマートウンはに向はも####')).toBe(true);
    expect(looksLikeGarbage('文字\uFFFD化け')).toBe(true);
    expect(looksLikeGarbage('a\u0001b')).toBe(true);
  });

  it('accepts ordinary plan text, full-width forms and symbols', () => {
    for (const text of [
      '令和2年度「第三次三重県行財政改革取組」具体的取組 年次計画(案)',
      '総務部法務・文書課',
      '変革1 -Smart Government-',
      '（１０月～３月）〜①②【】〈〉〇□・',
      '#1',
    ]) {
      expect(looksLikeGarbage(text), text).toBe(false);
    }
  });
});

describe('isDivisionName', () => {
  it('accepts division names, with ・ or Latin letters inside', () => {
    for (const name of ['総務部人事課', '総務部法務・文書課', '出納局出納総務課', '総務部ICT推進課', '医療保健部健康推進室', '防災対策部']) {
      expect(isDivisionName(name), name).toBe(true);
    }
  });

  it('rejects words that are not division names', () => {
    for (const text of ['1 - 37-111', '秘伤印', '総務部行財政改革推', '<見出し>', '課', '研修の実施(4月)']) {
      expect(isDivisionName(text), text).toBe(false);
    }
  });
});

describe('isPageFooter', () => {
  it('accepts page numbers and footers', () => {
    for (const text of ['1 - 37-111', '- 3 -', '3', '－３－', '12/40', '(5)']) {
      expect(isPageFooter(text), text).toBe(true);
    }
  });

  it('rejects text, schedules and empty cells', () => {
    for (const text of ['1月)', '(6月)', '総務部人事課', '', ' - ']) {
      expect(isPageFooter(text), text).toBe(false);
    }
  });
});
