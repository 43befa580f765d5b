/**
 * One line typed at the shell prompt (or piped in), read into what it asks
 * for. `/plan …` text is handed on untouched to the same parser Slack uses;
 * the `:` commands are the shell's own (who you play, the clock, the
 * numbered replies to reminders). Pure: no clock, no I/O.
 */
import { parseTypedTime, type TypedTime } from '../../domain/typed-time.ts';
import { parseStatusWord } from '../../domain/status.ts';
import { choiceOfNumber, type Choice } from './reminder-choices.ts';

/** The furthest one `:advance` goes: a whole fiscal year and a day. */
export const MAX_ADVANCE_DAYS = 366;

export type ShellLine =
  | { kind: 'empty' }
  /** The text after `/plan` (also typed without `/plan`). */
  | { kind: 'plan'; text: string }
  /** `:as` alone shows who you are. */
  | { kind: 'as'; who: string | null }
  | { kind: 'reply'; line: number; choice: Choice; comment: string | undefined }
  | { kind: 'next' }
  | { kind: 'advance'; ms: number }
  /** `:now` alone shows the clock; with a wall-clock time it moves there. */
  | { kind: 'now'; to: TypedTime | null }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'problem'; problem: ShellProblem };

export type ShellProblem =
  | { code: 'unknown_shell_command'; word: string }
  | { code: 'bad_reply'; word: string | null }
  | { code: 'bad_duration'; word: string }
  | { code: 'too_far' }
  | { code: 'bad_time'; word: string };

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  min: 60_000,
  分: 60_000,
  h: 3_600_000,
  時間: 3_600_000,
  d: 86_400_000,
  日: 86_400_000,
  w: 7 * 86_400_000,
  週: 7 * 86_400_000,
  週間: 7 * 86_400_000,
};

const COMMENT_WORDS = new Set(['comment', 'コメント']);

/** Reads one line. */
export function parseShellLine(raw: string): ShellLine {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return { kind: 'empty' };
  // A Japanese keyboard types `：` and `／`; NFKC reads them as `:` and `/`.
  const head = line.slice(0, 6).normalize('NFKC');
  if (head.startsWith(':')) return parseColonCommand(line);
  if (head.startsWith('/')) {
    const match = /^\/plan(?=\s|$)/iu.exec(`/${line.slice(1).normalize('NFKC')}`);
    if (!match) return problem({ code: 'unknown_shell_command', word: line.split(/\s/u)[0] ?? line });
    return { kind: 'plan', text: line.slice(line.search(/\s|$/u)).trim() };
  }
  return { kind: 'plan', text: line };
}

function parseColonCommand(line: string): ShellLine {
  const [word = '', ...restWords] = line.slice(1).split(/\s+/u);
  const rest = line.slice(1 + word.length).trim();
  switch (word.normalize('NFKC').toLowerCase()) {
    case 'as':
      return { kind: 'as', who: rest === '' ? null : rest };
    case 'reply':
    case 'r':
      return parseReply(rest);
    case 'next':
    case 'n':
      return restWords.length === 0 ? { kind: 'next' } : problem({ code: 'unknown_shell_command', word: line });
    case 'advance':
    case 'a':
      return parseAdvance(rest);
    case 'now':
      return rest === '' ? { kind: 'now', to: null } : parseTime(rest);
    case 'help':
    case 'h':
    case '?':
      return { kind: 'help' };
    case 'quit':
    case 'exit':
    case 'q':
      return { kind: 'quit' };
    default:
      return problem({ code: 'unknown_shell_command', word: `:${word}` });
  }
}

/** `:reply LINE CHOICE [COMMENT]`: CHOICE is 1–5, a status word (完了, done …) or コメント. */
function parseReply(rest: string): ShellLine {
  const match = /^(\S+)\s+(\S+)(?:\s+([\s\S]*))?$/u.exec(rest);
  if (!match) return problem({ code: 'bad_reply', word: null });
  const [, lineWord = '', choiceWord = '', commentText] = match;
  const line = Number(lineWord.normalize('NFKC'));
  if (!Number.isInteger(line) || line < 1) return problem({ code: 'bad_reply', word: lineWord });
  const choice = readChoice(choiceWord);
  if (choice === null) return problem({ code: 'bad_reply', word: choiceWord });
  return { kind: 'reply', line, choice, comment: unquote(commentText) };
}

function readChoice(word: string): Choice | null {
  const folded = word.normalize('NFKC').toLowerCase();
  if (/^\d+$/u.test(folded)) return choiceOfNumber(Number(folded));
  if (COMMENT_WORDS.has(folded)) return { kind: 'comment' };
  const status = parseStatusWord(word);
  return status === null ? null : { kind: 'status', status };
}

/** A comment typed as "…" or 「…」 is its inside, as in `/plan update`. */
function unquote(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const quoted = /^(?:"([\s\S]*)"|「([\s\S]*)」|“([\s\S]*)”)$/u.exec(trimmed);
  return quoted ? (quoted[1] ?? quoted[2] ?? quoted[3] ?? '').trim() || undefined : trimmed;
}

/** `7d`, `2w`, `3h`, `30m`, `1d12h`, `7日`. */
function parseAdvance(rest: string): ShellLine {
  const text = rest.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  if (!/^(\d+(min|m|h|d|w|分|時間|日|週間|週))+$/u.test(text)) return problem({ code: 'bad_duration', word: rest });
  let ms = 0;
  for (const [, amount = '0', unit = ''] of text.matchAll(/(\d+)(min|m|h|d|w|分|時間|日|週間|週)/gu)) ms += Number(amount) * (UNIT_MS[unit] ?? 0);
  if (ms <= 0) return problem({ code: 'bad_duration', word: rest });
  if (ms > MAX_ADVANCE_DAYS * 86_400_000) return problem({ code: 'too_far' });
  return { kind: 'advance', ms };
}

/** `2020-08-03` (00:00), `2020-08-03T09:30`, `2020-08-03 09:30:15`, `…+09:00`: on the plan's wall clock unless an offset says otherwise. */
function parseTime(rest: string): ShellLine {
  const typed = parseTypedTime(rest);
  return typed ? { kind: 'now', to: typed } : problem({ code: 'bad_time', word: rest });
}

function problem(p: ShellProblem): ShellLine {
  return { kind: 'problem', problem: p };
}
