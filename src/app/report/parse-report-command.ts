/**
 * `/plan report …` (報告) text → ReportAction:
 *   report [status]                               where the open round stands
 *   report open 2020-09-30 締切 2020-10-09         (also `deadline`; the word may be left out)
 *   report answer 1-1 [評価=○ 実績=… 課題=… 方向=…] the form, or the answer typed inline
 *   report return 1-1 コメント                      send an answer back
 *   report close / report history 1-1
 * Sub-command words are read after NFKC, so full-width letters work.
 */
import { parseTypedDate } from '../../domain/typed-time.ts';
import type { ReportField, ReportFields } from '../../domain/report-round.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { ParseProblem } from '../commands/command.ts';
import type { Token } from '../commands/tokenize.ts';
import type { ReportAction } from './report-action.ts';

type Op = ReportAction['op'];

/** Sub-command words of `report`, folded; the English word first. */
export const REPORT_WORDS: Readonly<Record<string, Op>> = Object.freeze({
  status: 'status',
  状況: 'status',
  open: 'open',
  開始: 'open',
  answer: 'answer',
  回答: 'answer',
  return: 'return',
  差し戻し: 'return',
  差戻し: 'return',
  差戻: 'return',
  close: 'close',
  締切る: 'close',
  終了: 'close',
  history: 'history',
  履歴: 'history',
});

const DEADLINE_WORDS = new Set(['deadline', '締切', '締め切り', '〆切', '期限']);

/** The names a field may be typed by in `report answer ID 評価=○ 実績=…`. */
export const FIELD_WORDS: Readonly<Record<string, ReportField>> = Object.freeze({
  評価: 'evaluation',
  進捗評価: 'evaluation',
  evaluation: 'evaluation',
  eval: 'evaluation',
  実績: 'achievement',
  取組実績: 'achievement',
  achievement: 'achievement',
  課題: 'issues',
  issues: 'issues',
  方向: 'nextSteps',
  方向性: 'nextSteps',
  今後の方向性: 'nextSteps',
  next: 'nextSteps',
});

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();
const foldId = (text: string) => text.normalize('NFKC').trim().replace(/[‐‑–—−ー－]/gu, '-');

/**
 * Reads the words after `report`. `textFrom(i)` is the text as typed from
 * token `i` on (Slack's escapes decoded), for comments and inline answers.
 */
export function parseReportCommand(rest: Token[], textFrom: (index: number) => string | undefined): Result<ReportAction, ParseProblem> {
  const [first, ...more] = rest;
  if (first === undefined) return ok({ op: 'status' });
  const op = first.type === 'word' ? REPORT_WORDS[fold(first.text)] : undefined;
  if (op === undefined) return unexpected(first);
  switch (op) {
    case 'status':
    case 'close':
      return more.length === 0 ? ok({ op }) : unexpected(more[0]!);
    case 'open':
      return parseOpen(more);
    case 'history': {
      const id = idOf(more[0]);
      if (id === null) return missing();
      return more.length === 1 ? ok({ op, itemId: id }) : unexpected(more[1]!);
    }
    case 'return': {
      const id = idOf(more[0]);
      if (id === null) return missing();
      return ok({ op, itemId: id, comment: textFrom(2) });
    }
    case 'answer': {
      const id = idOf(more[0]);
      if (id === null) return missing();
      const text = textFrom(2);
      if (text === undefined) return ok({ op, itemId: id, fields: null });
      const fields = parseInlineFields(text);
      return fields.ok ? ok({ op, itemId: id, fields: fields.value }) : fields;
    }
  }
}

function parseOpen(rest: Token[]): Result<ReportAction, ParseProblem> {
  const words = rest.map((token) => (token.type === 'word' || token.type === 'quoted' ? token.text : null));
  const dates = words.filter((word, i) => !(word !== null && DEADLINE_WORDS.has(fold(word)) && i === 1));
  if (dates.length < 2) return missing();
  if (dates.length > 2) return unexpected(rest[rest.length - 1]!);
  const [asOf, deadline] = dates.map((word) => (word === null ? null : parseTypedDate(word)));
  if (asOf === null || asOf === undefined) return badDate(dates[0] ?? '');
  if (deadline === null || deadline === undefined) return badDate(dates[1] ?? '');
  return ok({ op: 'open', asOf, deadline });
}


/**
 * `評価=○ 実績=研修を2回 課題=… 方向=…`: each field from its name to the
 * next field's name (`=`, `＝` or `:`); a value may be quoted (「…」, "…"). `\n` typed as two
 * characters is a line break, so one line can carry several. A word before
 * the first field, or a field named twice, is refused.
 */
export function parseInlineFields(text: string): Result<Partial<ReportFields>, ParseProblem> {
  const names = Object.keys(FIELD_WORDS).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const marker = new RegExp(`(^|\\s)(${names})\\s*[=＝:：]`, 'giu');
  // Matched on the text as typed, so what is stored is exactly what was written.
  const normalized = text;
  const found = [...normalized.matchAll(marker)];
  const before = normalized.slice(0, found[0]?.index ?? normalized.length).trim();
  if (found.length === 0 || before !== '') return fail({ code: 'report', problem: { code: 'bad_field', word: quoteStart(before || normalized) } });
  const fields: Partial<ReportFields> = {};
  found.forEach((match, i) => {
    const field = FIELD_WORDS[match[2]!.toLowerCase()] ?? FIELD_WORDS[match[2]!]!;
    const start = match.index! + match[0].length;
    const end = found[i + 1]?.index ?? normalized.length;
    fields[field] = unquote(normalized.slice(start, end)).replace(/\\n/gu, '\n');
  });
  const named = found.map((m) => FIELD_WORDS[m[2]!.toLowerCase()] ?? FIELD_WORDS[m[2]!]);
  const twice = named.findIndex((f, i) => named.indexOf(f) !== i);
  if (twice !== -1) return fail({ code: 'report', problem: { code: 'bad_field', word: found[twice]![2]! } });
  return ok(fields);
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = /^(?:"([\s\S]*)"|「([\s\S]*)」|“([\s\S]*)”|『([\s\S]*)』)$/u.exec(trimmed);
  return quoted ? (quoted[1] ?? quoted[2] ?? quoted[3] ?? quoted[4] ?? '').trim() : trimmed;
}

function quoteStart(text: string): string {
  const first = text.split(/\s/u)[0] ?? text;
  return first.length > 30 ? `${first.slice(0, 30)}…` : first;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function idOf(token: Token | undefined): string | null {
  if (token === undefined || (token.type !== 'word' && token.type !== 'quoted')) return null;
  return foldId(token.text);
}

function missing(): Result<never, ParseProblem> {
  return fail({ code: 'missing_argument', usage: 'report' });
}

function unexpected(token: Token): Result<never, ParseProblem> {
  const word = token.type === 'user' ? `@${token.id}` : token.type === 'channel' ? `#${token.id}` : token.text;
  return fail({ code: 'unexpected_argument', word, usage: 'report' });
}

function badDate(word: string): Result<never, ParseProblem> {
  return fail({ code: 'report', problem: { code: 'bad_date', word } });
}
