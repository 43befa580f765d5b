// Finds the schedules in a milestone's text: the last parenthesised
// expression of a milestone, where inner parentheses are text
// (「係長(主査級)」, (令和2年3月改定)) and one line may hold several milestones.
import type { Schedule } from '../../domain/plan.ts';
import { parseSchedule } from '../../domain/schedule.ts';

export interface Piece {
  /** The text before the schedule (or the whole text when there is none). */
  text: string;
  schedule: Schedule | null;
  scheduleText?: string;
  /** The trailing parenthesis when it is there but is not a schedule (済在). */
  badParen?: string;
  /** What separated this piece from the next one. */
  separator: 'space' | 'comma' | 'end';
}

const OPEN = '(（';
const CLOSE = ')）';

/**
 * Splits a text after each schedule that is followed by a space or a comma:
 * 「設置(4月) 共有(5月)」 and 「検討・実施(6月~3月)、整備(6月~3月)」 are two
 * milestones each. A remainder without a schedule becomes a last piece.
 */
export function splitPieces(text: string, fiscalYear: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let depth = 0;
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPEN.includes(c)) {
      if (depth === 0) openAt = i;
      depth++;
    } else if (CLOSE.includes(c) && depth > 0) {
      depth--;
      if (depth !== 0) continue;
      const next = text[i + 1];
      const atEnd = next === undefined || text.slice(i + 1).trim() === '';
      const separator = atEnd ? 'end' : /\s/.test(next!) ? 'space' : /[、,，]/.test(next!) ? 'comma' : null;
      if (!separator) continue;
      const inner = text.slice(openAt + 1, i);
      const schedule = parseSchedule(inner, fiscalYear);
      if (!schedule) continue;
      pieces.push({ text: text.slice(start, openAt).trim(), schedule, scheduleText: inner.trim(), separator });
      start = separator === 'comma' ? i + 2 : i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest !== '') pieces.push({ text: rest, schedule: null, badParen: trailingParen(rest), separator: 'end' });
  return pieces;
}

/** The content of a trailing `(…)`, if the text ends with one. */
export function trailingParen(text: string): string | undefined {
  const t = text.trim();
  if (!CLOSE.includes(t[t.length - 1] ?? '')) return undefined;
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    const c = t[i]!;
    if (CLOSE.includes(c)) depth++;
    else if (OPEN.includes(c) && --depth === 0) return t.slice(i + 1, -1);
  }
  return undefined;
}

/** True when the text ends with a schedule, i.e. a milestone is complete. */
export function endsWithSchedule(text: string, fiscalYear: number): boolean {
  const inner = trailingParen(text);
  return inner !== undefined && parseSchedule(inner, fiscalYear) !== null;
}

/**
 * A `・` glued to the text before it (「…取組の実施・次長級職員を…」) is a
 * bullet when both sides are whole clauses; inside a title it joins two short
 * words (検討・実施, RPA・AI). Returns the text split at such bullets.
 */
export function splitGluedBullets(text: string, fiscalYear: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ('(（「『【'.includes(c)) depth++;
    else if (')）」』】'.includes(c)) depth = Math.max(0, depth - 1);
    if (c !== '・' || depth !== 0) continue;
    const prev = text[i - 1] ?? '';
    const next = text[i + 1] ?? '';
    if (/[A-Za-z0-9\s]/.test(prev) || /[A-Za-z0-9\s]/.test(next)) continue;
    const before = text.slice(start, i);
    const clauseBefore = before.split(/[、・,，]/).pop() ?? '';
    const clauseAfter = text.slice(i + 1).split(/[、・,，(（]/)[0] ?? '';
    const strong = endsWithSchedule(before, fiscalYear);
    // 「…法務・文書課との連携…」: a short word ending in 課/室 after the dot
    // is the second half of a division name, never a new bullet.
    const divisionName = /^[^、,，\s]{1,6}?(課|室)/u.test(clauseAfter);
    if (strong || (!divisionName && clauseBefore.length >= 12 && clauseAfter.length >= 8)) {
      parts.push(before.trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
