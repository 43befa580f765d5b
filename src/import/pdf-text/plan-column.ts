// Reads the annual-plan column (年次計画) of one initiative into sections,
// one per item heading, each with its milestones and their groups.
import type { Schedule } from '../../domain/plan.ts';
import type { Cell, Warn } from './rows.ts';
import { rejoinSplitMarks, tokenizeCell, type Token } from './tokens.ts';
import { endsWithSchedule, splitGluedBullets, splitPieces, type Piece } from './pieces.ts';
import { hasWords, isPageFooter, joinWrapped, looksLikeGarbage } from './text.ts';

export interface DraftMilestone {
  title: string;
  schedule: Schedule;
  scheduleText?: string;
  group?: string;
  line: number;
}

export interface PlanSection {
  /** The item heading; null for lines before the first heading. */
  heading: string | null;
  line: number;
  milestones: DraftMilestone[];
}

type GroupKind = 'bracket' | 'circle' | 'label';

interface Group {
  kind: GroupKind;
  /** Nesting depth: 【】 under a heading 1, 〇 2, a schedule-less ・ line 3, 【】 under it 4. */
  level: number;
  text: string;
}

/**
 * Joins the plan column's cells into one token stream. A row that starts with
 * plain text continues the previous row's unfinished milestone: table rows
 * split 「…県民からの意見を」 / 「募集(6月)」.
 */
function tokenize(cells: Cell[], fiscalYear: number, warn: Warn): Token[] {
  const tokens: Token[] = [];
  for (const cell of rejoinSplitMarks(cells)) {
    // A cell that is only a page footer (「- 2 -」 next to an owner) must not
    // become part of, or the target of, a split-row join.
    if (isPageFooter(cell.text)) {
      warn(cell, 'warn.pageFooter');
      continue;
    }
    const own = tokenizeCell(cell);
    // A cell of nothing but OCR garbage must not be glued onto, nor cut off,
    // an unfinished milestone that the next row completes.
    const only = own.length === 1 ? own[0]! : undefined;
    if (only?.type === 'text' && looksLikeGarbage(only.text) && splitPieces(only.text, fiscalYear).every((p) => !p.schedule)) {
      warn(cell, 'warn.garbage');
      continue;
    }
    const last = tokens[tokens.length - 1];
    const first = own[0];
    if (
      last && first && first.type === 'text' && !isPageFooter(first.text) &&
      (last.type === 'bullet' || last.type === 'text') &&
      !endsWithSchedule(last.text, fiscalYear)
    ) {
      // Only up to the schedule that completes the milestone: what follows
      // on the row keeps the row's own line, so its warnings name it.
      const [head, rest] = splitAfterFirstSchedule(first.text, fiscalYear);
      last.text += head;
      if (rest === '') own.shift();
      else first.text = rest;
    }
    tokens.push(...own);
  }
  return tokens;
}

/** Splits a text after its first complete schedule followed by a space: [head, rest]. */
function splitAfterFirstSchedule(text: string, fiscalYear: number): [string, string] {
  for (let i = 0; i < text.length; i++) {
    if (!/[)）]/.test(text[i]!) || !/\s/.test(text[i + 1] ?? '')) continue;
    if (endsWithSchedule(text.slice(0, i + 1), fiscalYear)) return [text.slice(0, i + 1), text.slice(i + 1).trim()];
  }
  return [text, ''];
}

/** Reads the plan column of one initiative. */
export function readPlanColumn(cells: Cell[], fiscalYear: number, warn: Warn): PlanSection[] {
  const tokens = tokenize(cells, fiscalYear, warn);
  const sections: PlanSection[] = [{ heading: null, line: cells[0]?.line ?? 0, milestones: [] }];
  let stack: Group[] = [];
  const section = () => sections[sections.length - 1]!;
  const push = (group: Group) => {
    stack = stack.filter((g) => g.level < group.level);
    stack.push(group);
  };
  const currentGroup = () => stack[stack.length - 1]?.text;

  const addMilestone = (piece: Piece, line: number, group: string | undefined) => {
    let title = joinWrapped(piece.text);
    if (isPageFooter(title)) {
      warn({ text: piece.text, line }, 'warn.pageFooter');
      return;
    }
    if (!hasWords(title)) {
      warn({ text: piece.text + (piece.scheduleText ? `(${piece.scheduleText})` : ''), line }, 'warn.bulletFragment');
      return;
    }
    if (looksLikeGarbage(title)) {
      warn({ text: piece.text, line }, 'warn.garbage');
      return;
    }
    // A long-vowel mark cannot begin a word: it is the kanji 一 misread.
    if (/^ー\p{Script=Han}/u.test(title)) {
      warn({ text: title, line }, 'warn.ocrFixedDash');
      title = '一' + title.slice(1);
    }
    if (!piece.schedule) {
      warn({ text: piece.text, line }, piece.badParen ? 'warn.notASchedule' : 'warn.unscheduled', {
        text: piece.badParen ?? '',
      });
    }
    section().milestones.push({
      title,
      schedule: piece.schedule ?? { kind: 'unscheduled' },
      ...(piece.scheduleText ? { scheduleText: piece.scheduleText } : {}),
      ...(group ? { group } : {}),
      line,
    });
  };

  const readBullet = (token: Token, next: Token | undefined) => {
    stack = stack.filter((g) => g.level < 3);
    const parts = splitGluedBullets(token.text, fiscalYear);
    if (parts.length > 1) warn(token, 'warn.gluedBullet');
    parts.forEach((part, index) => {
      const pieces = splitPieces(part, fiscalYear);
      const isLast = index === parts.length - 1;
      const only = pieces[0];
      if (pieces.length === 0) {
        warn({ text: '・', line: token.line }, 'warn.bulletFragment');
        return;
      }
      if (pieces.length === 1 && only && !only.schedule) {
        // A schedule-less line that introduces the lines under it is a group.
        if (isLast && next && (next.type === 'text' || next.type === 'group') && !only.badParen) {
          push({ kind: 'label', level: 3, text: joinWrapped(only.text) });
        } else {
          addMilestone(only, token.line, currentGroup());
        }
        return;
      }
      const listed = pieces.some((p) => p.separator === 'space') && pieces.length > 1;
      pieces.forEach((piece, i) => {
        if (listed && i === 0 && /\s/.test(piece.text)) {
          // 「・財産の有効活用… 一般競争入札…(通年) 自動販売機…(通年)」: the words
          // before the first space head the list that follows on the line.
          const space = piece.text.search(/\s/);
          push({ kind: 'label', level: 3, text: joinWrapped(piece.text.slice(0, space)) });
          addMilestone({ ...piece, text: piece.text.slice(space).trim() }, token.line, currentGroup());
          return;
        }
        if (!piece.schedule && i > 0 && !hasWords(piece.text)) {
          warn({ text: piece.text, line: token.line }, isPageFooter(piece.text) ? 'warn.pageFooter' : 'warn.bulletFragment');
          return;
        }
        addMilestone(piece, token.line, currentGroup());
      });
    });
  };

  /**
   * A 〇 line is a sub-heading. When bulletless lines with schedules follow it
   * on the same line (「〇自動車税の納付 導入開始(5月) 周知(6月)」), the words
   * before the first space are the heading and the rest are milestones, as
   * for a schedule-less bullet; without this they vanished into the label.
   */
  const readCircle = (token: Token) => {
    const pieces = splitPieces(token.text, fiscalYear);
    const [first, ...rest] = pieces;
    if (!first || !pieces.some((p) => p.schedule)) {
      push({ kind: 'circle', level: 2, text: joinWrapped(token.text) });
      return;
    }
    const space = first.text.search(/\s/);
    const heading = space > 0 ? first.text.slice(0, space) : first.text;
    push({ kind: 'circle', level: 2, text: joinWrapped(heading) });
    if (space > 0) addMilestone({ ...first, text: first.text.slice(space).trim() }, token.line, currentGroup());
    else addMilestone(first, token.line, currentGroup());
    for (const piece of rest) {
      if (!piece.schedule && !hasWords(piece.text)) {
        warn({ text: piece.text, line: token.line }, isPageFooter(piece.text) ? 'warn.pageFooter' : 'warn.bulletFragment');
      } else {
        addMilestone(piece, token.line, currentGroup());
      }
    }
  };

  const readText = (token: Token) => {
    for (const piece of splitPieces(token.text, fiscalYear)) {
      if (!piece.schedule && isPageFooter(piece.text)) {
        warn({ text: piece.text, line: token.line }, 'warn.pageFooter');
      } else if (!piece.schedule && looksLikeGarbage(piece.text)) {
        warn({ text: piece.text, line: token.line }, 'warn.garbage');
      } else if (section().heading === null && !piece.schedule) {
        warn({ text: piece.text, line: token.line }, 'warn.textBeforeHeading');
      } else if (!piece.schedule) {
        warn({ text: piece.text, line: token.line }, 'warn.textNoBullet');
      } else {
        addMilestone(piece, token.line, currentGroup());
      }
    }
  };

  tokens.forEach((token, index) => {
    switch (token.type) {
      case 'heading':
        sections.push({ heading: joinWrapped(token.text), line: token.line, milestones: [] });
        stack = [];
        break;
      case 'group': {
        // 【…】 under a schedule-less bullet heads the bulletless lines that
        // follow it (「・県税収入の確保 【…】 設置(4月) …」); 【…】 followed by
        // bullets or 〇 is a top-level group again, which ends the label's.
        const next = tokens[index + 1];
        const nested = stack.some((g) => g.kind === 'label') && next?.type === 'text';
        push({ kind: 'bracket', level: nested ? 4 : 1, text: joinWrapped(token.text) });
        break;
      }
      case 'circle':
        readCircle(token);
        break;
      case 'bullet':
        readBullet(token, tokens[index + 1]);
        break;
      case 'text':
        readText(token);
        break;
    }
  });
  return sections;
}
