/**
 * What a status comment may contain (SPEC §5): at most 1,000 characters and
 * no control characters. Line breaks are allowed, since the comment modal is
 * multi-line; everything else in Unicode's control category, and the
 * bidirectional overrides that make text read differently than it is stored,
 * are refused rather than silently removed, so what is stored is what was typed.
 */
import { fail, ok, type Result } from './result.ts';

export const MAX_COMMENT_LENGTH = 1000;

export type CommentProblem = { code: 'comment_too_long'; length: number; max: number } | { code: 'comment_control_characters' };

// C0 and C1 controls except LF, plus the bidi embeddings, overrides and isolates.
const FORBIDDEN = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/**
 * The comment as it will be stored: CRLF folded to LF, surrounding space
 * trimmed; `undefined` for an empty one. Length counts code points, as a
 * person counts characters (an emoji is one).
 */
export function checkComment(text: string | undefined): Result<string | undefined, CommentProblem> {
  if (text === undefined) return ok(undefined);
  const comment = text.replace(/\r\n?/gu, '\n').trim();
  if (comment === '') return ok(undefined);
  if (FORBIDDEN.test(comment)) return fail({ code: 'comment_control_characters' });
  const length = Array.from(comment).length;
  if (length > MAX_COMMENT_LENGTH) return fail({ code: 'comment_too_long', length, max: MAX_COMMENT_LENGTH });
  return ok(comment);
}
