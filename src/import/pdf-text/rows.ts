// Splits the extractor's lines into the table's parts: the preamble above the
// table, pillar banners, and one block of cells per initiative (番号).
import type { MessageKey } from '../../i18n/catalog.ts';
import { isDivisionName, isPageFooter } from './text.ts';

export interface Cell {
  text: string;
  line: number;
  /** Its start was the end of a heading the previous row began (rejoinSplitMarks). */
  continuesMark?: boolean;
}

export interface PillarBlock {
  /** The numeral cell as the extractor read it (`I`, or OCR'd `п`). */
  numeral: string;
  /** The banner's cells joined: `~subtitle~「title」`. */
  banner: string;
  line: number;
}

export interface InitiativeBlock {
  number: string;
  line: number;
  pillar: number;
  titleCells: Cell[];
  itemCells: Cell[];
  planCells: Cell[];
  ownerCells: Cell[];
}

export interface TableParts {
  preamble: Cell[];
  pillars: PillarBlock[];
  initiatives: InitiativeBlock[];
  /** Whether a header row (番号 … 担当課) was found at all. */
  hasHeader: boolean;
}

export type Warn = (cell: Cell, key: MessageKey, params?: Record<string, string | number>) => void;

/**
 * Where the plan (年次計画) and owner (担当課) columns sit, counted from the
 * row's end: columns shift between pages, and rows carry a varying number of
 * empty leading schedule cells, but these two are always the last two.
 */
interface Columns {
  plan: number;
  owner: number;
}

const DEFAULT_COLUMNS: Columns = { plan: -2, owner: -1 };

function headerColumns(cells: string[]): Columns | null {
  const trimmed = cells.map((c) => c.trim());
  if (!trimmed.includes('番号') || !trimmed.includes('担当課')) return null;
  const plan = trimmed.indexOf('年次計画');
  const owner = trimmed.indexOf('担当課');
  return {
    plan: plan >= 0 ? plan - cells.length : DEFAULT_COLUMNS.plan,
    owner: owner - cells.length,
  };
}

const TILDES = /[~〜～]/;

function isPillarRow(first: string, cells: string[]): boolean {
  if (first.length === 0 || first.length > 4 || /^\d+$/.test(first)) return false;
  const rest = cells.slice(1).join('');
  return TILDES.test(rest) || /[「【]/.test(rest);
}

const nonBlank = (cells: string[], line: number): Cell[] =>
  cells.filter((c) => c.trim() !== '').map((c) => ({ text: c.trim(), line }));

/**
 * True for a cell only the plan column writes: bullets, 〇, 【…】 or a
 * schedule in parentheses, and no division name. Owner cells hold headings
 * and division names, never these.
 */
function looksLikePlanText(text: string): boolean {
  if (text === '' || text.split(/\s+/).some((word) => isDivisionName(word.replace(/^.*[>＞〉》]/u, '')))) return false;
  return /(^|\s)[・〇○◯]|【|[(（][^()（）]*(月|通年|随時|年\d+回)[^()（）]*[)）]/u.test(text);
}

/** Reads the lines of a PDF-text plan into its table parts. */
export function readTable(lines: string[], warn: Warn): TableParts {
  const parts: TableParts = { preamble: [], pillars: [], initiatives: [], hasHeader: false };
  let columns = DEFAULT_COLUMNS;
  let current: InitiativeBlock | undefined;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const cells = raw.split('\t');
    if (cells.every((c) => c.trim() === '')) return;

    const header = headerColumns(cells);
    if (header) {
      columns = header;
      parts.hasHeader = true;
      return;
    }
    if (!parts.hasHeader) {
      parts.preamble.push(...nonBlank(cells, line));
      return;
    }

    const first = (cells[0] ?? '').normalize('NFKC').trim();
    // A line holding nothing but a page number or footer (「3」, 「- 3 -」) is
    // not a row: a lone 「3」 would otherwise open a bogus initiative 3, and a
    // footer in the plan column would be glued onto an unfinished milestone.
    // A number in the 番号 column of a full table row stays an initiative.
    const filled = nonBlank(cells, line);
    if (filled.length === 1 && isPageFooter(filled[0]!.text) && !(cells.length >= 4 && /^\d+$/.test(first))) {
      warn(filled[0]!, 'warn.pageFooter');
      return;
    }
    if (isPillarRow(first, cells)) {
      parts.pillars.push({ numeral: first, banner: cells.slice(1).map((c) => c.trim()).join(''), line });
      current = undefined;
      return;
    }
    if (/^\d+$/.test(first)) {
      current = {
        number: String(Number(first)),
        line,
        pillar: parts.pillars.length - 1,
        titleCells: [],
        itemCells: [],
        planCells: [],
        ownerCells: [],
      };
      parts.initiatives.push(current);
    } else if (first !== '') {
      warn({ text: first, line }, 'warn.unknownNumberCell', { cell: first });
    }

    if (cells.length < 4 || !current) {
      const key = cells.length < 4 ? 'warn.rowOutsideTable' : 'warn.rowBeforeInitiative';
      for (const cell of nonBlank(cells.slice(1), line)) warn(cell, key);
      return;
    }
    // Counted from the end, but never into the item column: a short row
    // lost its trailing cells, not its item.
    const at = (i: number) => {
      const index = i < 0 ? cells.length + i : i;
      return i < 0 && index <= 2 ? '' : (cells[index] ?? '').trim();
    };
    const push = (list: Cell[], text: string) => {
      if (text !== '') list.push({ text, line });
    };
    let plan = at(columns.plan);
    let owner = at(columns.owner);
    // The extractor drops a row's empty trailing cells: plan text in the
    // owner column is the plan cell of a row whose owner cell was empty.
    if (looksLikePlanText(owner)) {
      plan = owner;
      owner = '';
    }
    push(current.titleCells, at(1));
    push(current.itemCells, at(2));
    push(current.planCells, plan);
    push(current.ownerCells, owner);
    // Columns between the item and plan columns hold the multi-year roadmap
    // (工程表: 2年度 / 3年度 …); the annual plan does not need them.
  });
  return parts;
}
