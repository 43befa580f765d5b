import { describe, expect, it } from 'vitest';
import { escapeCardText } from '../../../../src/adapters/teams/cards/escape-card-text.ts';
import { shown } from './check-card.ts';

// What a comment or a title could try: Teams renders markdown in TextBlocks
// and `<at>` as a mention. Each must reach the reader as typed.
const INJECTIONS = ['**x**', '[a](http://x)', '<at>all</at>', '<script>', '&lt;', '_x_', '# h', '- x', '1. x', '`code`', '~~s~~', '> quote', '+ y', '![i](http://x/i.png)', '\\*'];

describe('escapeCardText', () => {
  it.each(INJECTIONS)('leaves no markup in %j, and the reader sees it as typed', (input) => {
    const escaped = escapeCardText(input);
    // Every markup character is preceded by a backslash (an escape), so none starts markup.
    expect(escaped).not.toMatch(/(?<!\\)(?:\\\\)*[*_[\]<>`~&!]/u);
    expect(escaped).not.toMatch(/^(?:[#>+-]|\d+[.)])/mu);
    expect(shown(escaped)).toBe(input);
  });

  it('escapes list and heading markers at the start of every line of a comment', () => {
    const escaped = escapeCardText('進捗\n- 資料\n  2. 会議\n# 見出し');
    expect(escaped).toBe('進捗\n\\- 資料\n  2\\. 会議\n\\# 見出し');
  });

  it('leaves ordinary text, dates and Japanese as they are', () => {
    for (const plain of ['令和2年7月31日(金) · 2020-07-31', '総務部人事課', '期限 2020-08 ／ 状況 順調', 'A-1 plan 3.5']) expect(escapeCardText(plain)).toBe(plain);
  });
});
