import { describe, expect, it } from 'vitest';
import { checkComment } from '../../src/domain/comment.ts';

describe('checkComment', () => {
  it('keeps line breaks, folds CRLF, trims, and treats an empty comment as none', () => {
    expect(checkComment(' 一行目\r\n二行目 ')).toEqual({ ok: true, value: '一行目\n二行目' });
    expect(checkComment('   ')).toEqual({ ok: true, value: undefined });
    expect(checkComment(undefined)).toEqual({ ok: true, value: undefined });
  });

  it('counts characters as people do: an emoji or a rare kanji is one', () => {
    expect(checkComment('𠮷'.repeat(1000)).ok).toBe(true);
    expect(checkComment('𠮷'.repeat(1001))).toEqual({ ok: false, error: { code: 'comment_too_long', length: 1001, max: 1000 } });
  });

  it('refuses control characters and bidirectional overrides', () => {
    for (const text of ['a\u0000b', 'a\tb', 'a\u001bb', 'a\u0085b', 'a\u202Eb', 'a\u2066b']) {
      expect(checkComment(text)).toEqual({ ok: false, error: { code: 'comment_control_characters' } });
    }
  });
});
