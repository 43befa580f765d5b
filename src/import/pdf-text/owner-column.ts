// Reads the owner column (担当課) of one initiative: divisions under an item
// heading belong to that item; divisions under no heading belong to the whole
// initiative, the fallback for items without their own.
import type { Cell, Warn } from './rows.ts';
import { rejoinSplitMarks, tokenizeCell } from './tokens.ts';
import { isDivisionName, isPageFooter, joinWrapped, looksLikeGarbage } from './text.ts';

export interface OwnerHeading {
  heading: string;
  line: number;
  owners: string[];
  /**
   * The line of the next row whose leading divisions this heading took
   * because its own row named none: owners read from a neighbouring row.
   */
  borrowedFrom?: number;
}

export interface OwnerColumn {
  headings: OwnerHeading[];
  /** Divisions under no heading: the initiative's own owners. */
  initiativeOwners: string[];
}

const addUnique = (list: string[], value: string) => {
  if (!list.includes(value)) list.push(value);
};

/**
 * Splits text into division names. A name the PDF wrapped (総務部行財政改革推
 * 進課) is two words that only together make a division.
 */
function readDivisions(cell: Cell, text: string, warn: Warn): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const divisions: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1] ?? '';
    // 「総務部 人事課」: a line break right after the department; a bare
    // section name after a department is its section, not an owner of its own.
    if (/(部|局)$/.test(word) && !/[部局庁]/.test(next) && isDivisionName(next) && isDivisionName(word + next)) {
      divisions.push(joinWrapped(word + next));
      i++;
      continue;
    }
    if (isDivisionName(word)) {
      divisions.push(joinWrapped(word));
      continue;
    }
    const joined = word + (words[i + 1] ?? '');
    if (i + 1 < words.length && isDivisionName(joined)) {
      divisions.push(joinWrapped(joined));
      i++;
      continue;
    }
    const rest = words.slice(i).join(' ');
    if (isPageFooter(rest)) {
      warn({ text: rest, line: cell.line }, 'warn.pageFooter');
      break;
    }
    warn({ text: word, line: cell.line }, looksLikeGarbage(word) ? 'warn.garbage' : 'warn.ownerNotDivision');
  }
  return divisions;
}

/** Reads the owner column of one initiative. */
export function readOwnerColumn(cells: Cell[], warn: Warn): OwnerColumn {
  const column: OwnerColumn = { headings: [], initiativeOwners: [] };
  let current: OwnerHeading | undefined;
  for (const cell of rejoinSplitMarks(cells)) {
    let atCellStart = true;
    // Owner cells have no bullets: a 「・」 after a line break is the middle
    // of a division name (「総務部法務 ・文書課」).
    for (const token of tokenizeCell({ ...cell, text: cell.text.replace(/(\S)\s+・/gu, '$1・') })) {
      if (token.type === 'heading') {
        current = { heading: joinWrapped(token.text), line: token.line, owners: [] };
        column.headings.push(current);
        atCellStart = false;
        continue;
      }
      const divisions = readDivisions(cell, token.text, warn);
      // Divisions opening a row continue a heading the previous row left
      // without any (「<県民参加型予算の導入>」 / 「総務部財政課 <…>」).
      // After a heading split across the rows the divisions follow it directly.
      const borrow = current !== undefined && atCellStart && current.owners.length === 0 && !cell.continuesMark;
      const target =
        current && (!atCellStart || current.owners.length === 0) ? current.owners : column.initiativeOwners;
      for (const division of divisions) addUnique(target, division);
      if (borrow && divisions.length > 0) current!.borrowedFrom = cell.line;
      atCellStart = false;
    }
  }
  return column;
}
