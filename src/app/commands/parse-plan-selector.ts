/**
 * Which stored plan a command speaks of, as people type it (issue 13):
 * `--year 2020`, `年度 2020`, or a fiscal year on its own the way Japanese
 * documents write it (`2020年度`, `令和2年度`, `R2年度`, `FY2020`); and the key
 * chosen at import, `--plan gyokaku-2021` (also `--key`, as the CLI says it)
 * or `計画 gyokaku-2021`. Dashes as a Japanese keyboard or an autocorrect
 * types them (`ーー`, `—`) are dashes too.
 */
import { parseFiscalYear } from '../../domain/era.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { ParseProblem, PlanSelector } from './command.ts';
import type { Token } from './tokenize.ts';

const FLAG = /^[-‐‑–—−ー]{1,2}(year|plan|key)(?:=(.*))?$/u;
const YEAR_WORDS = new Set(['年度']);
const KEY_WORDS = new Set(['計画']);

/** The fiscal year `word` (NFKC-folded, lower case) names, or null. */
export function parseYearWord(word: string): number | null {
  const digits = /^(?:fy)?(\d{4})(?:年度)?$/u.exec(word);
  const reiwa = /^(?:r|令和)(\d{1,2}|元)(?:年度)?$/u.exec(word);
  const year = digits ? Number(digits[1]) : reiwa ? 2018 + (reiwa[1] === '元' ? 1 : Number(reiwa[1])) : parseFiscalYear(word);
  return year !== null && year >= 1990 && year <= 2999 ? year : null;
}

/** A fiscal year standing on its own as a word: `2020年度`, `令和2年度`, `R2年度`, `FY2020` (never a bare number: that is a page). */
function standaloneYear(word: string): number | null {
  return /年度$|^fy\d{4}$/u.test(word) ? parseYearWord(word) : null;
}

export interface TakenSelector {
  selector: PlanSelector | null;
  /** The tokens left, in order. */
  rest: Token[];
}

/**
 * Takes every plan selector out of `tokens` (those at the indexes `where`
 * allows: all by default). A selector given twice must agree with itself.
 */
export function takePlanSelector(tokens: readonly Token[], where: (index: number) => boolean = () => true): Result<TakenSelector, ParseProblem> {
  let year: number | null = null;
  let key: string | null = null;
  const rest: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const word = token.type === 'word' || token.type === 'quoted' ? fold(token.text) : null;
    if (word === null || !where(i)) {
      rest.push(token);
      continue;
    }
    const flag = FLAG.exec(word);
    const kind = flag ? (flag[1] === 'year' ? 'year' : 'key') : YEAR_WORDS.has(word) ? 'year' : KEY_WORDS.has(word) ? 'key' : null;
    const alone = kind === null ? standaloneYear(word) : null;
    if (kind === null && alone === null) {
      rest.push(token);
      continue;
    }
    let value: string | null;
    if (alone !== null) value = word;
    else if (flag?.[2] !== undefined) value = flag[2];
    else {
      const next = tokens[i + 1];
      value = next !== undefined && (next.type === 'word' || next.type === 'quoted') ? fold(next.text) : null;
      if (value !== null) i++;
    }
    const typed = token.type === 'word' || token.type === 'quoted' ? token.text : '';
    if (value === null || value === '') return fail({ code: 'bad_plan', word: typed });
    if (kind === 'key') {
      if (key !== null && key !== value) return fail({ code: 'bad_plan', word: value });
      key = value;
    } else {
      const parsed = alone ?? parseYearWord(value);
      if (parsed === null || (year !== null && year !== parsed)) return fail({ code: 'bad_plan', word: alone !== null ? typed : value });
      year = parsed;
    }
  }
  return ok({ selector: year === null && key === null ? null : { year, key }, rest });
}

/** The selector as a command writes it, after the rest: ` --plan gyokaku-2020`. */
export function selectorSuffix(key: string | null): string {
  return key === null ? '' : ` --plan ${key}`;
}

function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}
