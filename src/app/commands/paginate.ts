/**
 * Pages of a long list. Chat messages hold a few dozen lines at most (Block
 * Kit: 50 blocks), so a list shows one page and names the command for the next.
 */
import { fail, ok, type Result } from '../../domain/result.ts';
import type { CommandProblem, Paging } from './reply.ts';

/** Lines per page of a list reply: one block each, well inside Block Kit's 50. */
export const PAGE_SIZE = 20;

/**
 * Page `page` (1-based) of `items`. `commandFor(n)` is the command that shows
 * page n. Page 1 of an empty list is fine (an empty list); any other page
 * past the end is `page_out_of_range`.
 */
export function paginate<T>(items: readonly T[], page: number, commandFor: (page: number) => string, size = PAGE_SIZE): Result<{ items: T[]; paging: Paging }, CommandProblem> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  if (page > pageCount) return fail({ code: 'page_out_of_range', page, pageCount });
  const start = (page - 1) * size;
  const shown = items.slice(start, start + size);
  const remaining = items.length - start - shown.length;
  return ok({
    items: shown,
    paging: { page, pageCount, total: items.length, remaining, nextCommand: remaining > 0 ? commandFor(page + 1) : null },
  });
}
