import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/app/commands/parse-command.ts';
import { quotePrefix } from '../../src/domain/quote-prefix.ts';
import { translator } from '../../src/i18n/catalog.ts';
import { problemLines } from '../../src/i18n/problem-lines.ts';

describe('quotePrefix', () => {
  it('keeps a short word, cuts a long one with …, never inside a surrogate pair', () => {
    expect(quotePrefix('statsu')).toBe('statsu');
    expect(quotePrefix('あ'.repeat(50))).toBe(`${'あ'.repeat(40)}…`);
    expect(quotePrefix('𠮷'.repeat(41))).toBe(`${'𠮷'.repeat(40)}…`);
  });

  it('keeps a 200,000-character unknown /plan sub-command out of the answer', () => {
    const parsed = parseCommand('z'.repeat(200_000));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const text = problemLines(parsed.error, 'ja', translator('ja')).join('\n');
    expect(text.length).toBeLessThan(200);
    expect(text).toContain(`${'z'.repeat(40)}…`);
  });
});
