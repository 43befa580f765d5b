/**
 * `/plan …` text → Command (SPEC §5). English sub-commands and their
 * Japanese aliases mean the same everywhere, whatever the user's language;
 * words are read after NFKC, so full-width letters, digits and spaces work.
 */
import { closestMatches } from '../../domain/similarity.ts';
import { parseStatusWord } from '../../domain/status.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import type { Command, ListTarget, MonthRef, ParseProblem, PlanSelector, UsageKey } from './command.ts';
import { takePlanSelector } from './parse-plan-selector.ts';
import { looksLikeMonth, parseMonthWord } from './parse-month.ts';
import { decodeChatText } from './plain-text.ts';
import { tokenize, type Token } from './tokenize.ts';
import { quotePrefix } from '../../domain/quote-prefix.ts';
import { parseReportCommand } from '../report/parse-report-command.ts';

type Sub = 'help' | 'status' | 'overdue' | 'upcoming' | 'mine' | 'update' | 'due' | 'history' | 'digest' | 'owner' | 'lang' | 'export' | 'report' | 'dashboard';

/** `/plan status done` (完了): the completed milestones; the digest points there for its cut list. */
const DONE_WORDS = new Set(['done', '完了']);

/** Sub-command words, folded (see fold). The English word comes first for each, for suggestions. */
export const SUBCOMMAND_WORDS: Readonly<Record<string, Sub>> = Object.freeze({
  help: 'help',
  ヘルプ: 'help',
  '?': 'help',
  status: 'status',
  状況: 'status',
  overdue: 'overdue',
  遅延中: 'overdue',
  upcoming: 'upcoming',
  今後: 'upcoming',
  mine: 'mine',
  担当: 'mine',
  update: 'update',
  更新: 'update',
  due: 'due',
  期限: 'due',
  history: 'history',
  履歴: 'history',
  digest: 'digest',
  ダイジェスト: 'digest',
  owner: 'owner',
  担当課: 'owner',
  lang: 'lang',
  言語: 'lang',
  export: 'export',
  エクスポート: 'export',
  出力: 'export',
  report: 'report',
  報告: 'report',
  dashboard: 'dashboard',
  ダッシュボード: 'dashboard',
});

/** `update ID all STATUS`: every checkpoint at once, only when said (issue 12). */
const ALL_WORDS = new Set(['all', '全月']);
const POST_WORDS = new Set(['post', '投稿']);
const REPLACE_WORDS = new Set(['replace', '置き換え']);
const MEMBERS_WORDS = new Set(['members', 'メンバー']);
const ON_WORDS = new Set(['on', 'オン']);
const OFF_WORDS = new Set(['off', 'オフ']);
const LINK_WORDS = new Set(['link', 'リンク', '発行']);
const REVOKE_WORDS = new Set(['revoke', '取消', '取り消し', '取消し']);
/** `90日`, `90d`, `90 days`, `90`: a validity in days (range checked by the use case). */
const DAYS_WORD = /^\d+\s*(日|日間|d|days?)?$/u;
const LANG_WORDS: Readonly<Record<string, 'ja' | 'en'>> = { ja: 'ja', japanese: 'ja', 日本語: 'ja', en: 'en', english: 'en', 英語: 'en' };

/** Width- and case-folded: what keywords are compared in. */
export function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** Milestone ids are typed with any dash a Japanese keyboard offers. */
export function foldId(text: string): string {
  return text.normalize('NFKC').trim().replace(/[‐‑–—−ー－]/gu, '-');
}

const ID_LIKE = /^\d+(-\d+)+$/u;

/** Parses the text after `/plan`. Empty text asks for help. */
export function parseCommand(text: string): Result<Command, ParseProblem> {
  const tokens = tokenize(text);
  const [first, ...rest] = tokens;
  if (first === undefined) return ok({ kind: 'help' });
  const head = wordOf(first);
  const sub = head === null ? undefined : SUBCOMMAND_WORDS[fold(head)];
  if (sub !== undefined) return parseSub(sub, rest, text);
  if (head !== null) {
    // `/plan 完了 1-1-2 …` and `/plan 1-1-2` are shortcuts people reach for.
    const status = parseStatusWord(head);
    if (status !== null) return withPlanBeforeComment(rest, text, (tokens, end) => parseUpdate(tokens, text, status, end));
    if (ID_LIKE.test(foldId(head))) return withPlan(rest, (more) => (more.length === 0 ? ok({ kind: 'milestone', id: foldId(head) }) : unexpected(more[0]!, 'status')));
  }
  // Only a prefix is quoted back (and compared): the word may be a whole pasted document.
  const word = quotePrefix(head ?? tokenText(first));
  return fail({ code: 'unknown_command', word, suggestions: closestMatches(fold(word), Object.keys(SUBCOMMAND_WORDS).filter((w) => w !== '?')) });
}

function parseSub(sub: Sub, rest: Token[], text: string): Result<Command, ParseProblem> {
  switch (sub) {
    case 'help':
      return ok({ kind: 'help' });
    case 'status':
      return withPlan(rest, parseStatus);
    case 'overdue':
    case 'upcoming':
    case 'mine':
      return withPlan(rest, (more) => parseList(sub, more, 'list'));
    case 'update':
      return withPlanBeforeComment(rest, text, (tokens, end) => parseUpdate(tokens, text, null, end));
    case 'due':
      return withPlanBeforeComment(rest, text, (tokens, end) => parseDue(tokens, text, end));
    case 'history':
      return withPlan(rest, parseHistory);
    case 'digest':
      return withPlan(rest, parseDigest);
    case 'owner':
      return parseOwner(rest);
    case 'lang':
      return parseLang(rest);
    case 'export':
      return rest.length === 0 ? ok({ kind: 'export' }) : unexpected(rest[0]!, 'export');
    case 'report': {
      // Another plan only right after `report` (`report --plan dx-2020 open …`): answers and comments are free text.
      const leading = takeLeading(rest, 0);
      if (!leading.ok) return leading;
      const tokens = leading.value.rest;
      const parsed = parseReportCommand(tokens, (index) => commentFrom(text, tokens, index));
      return addPlan(parsed.ok ? ok({ kind: 'report', action: parsed.value }) : parsed, leading.value.selector);
    }
    case 'dashboard':
      return parseDashboard(rest);
  }
}

/**
 * A query about another plan (`--year 2020`, `2020年度`, `--plan KEY`, `計画 KEY`), anywhere after
 * the sub-command: the selector is taken out and the rest parsed as without it.
 */
function withPlan(rest: Token[], parse: (tokens: Token[]) => Result<Command, ParseProblem>): Result<Command, ParseProblem> {
  const taken = takePlanSelector(rest);
  if (!taken.ok) return taken;
  return addPlan(parse(taken.value.rest), taken.value.selector);
}

function addPlan(parsed: Result<Command, ParseProblem>, selector: PlanSelector | null): Result<Command, ParseProblem> {
  return parsed.ok && selector !== null ? ok({ ...parsed.value, plan: selector } as Command) : parsed;
}

/**
 * A change aimed at another plan: the selector may come before the id,
 * right after it, or as a `--year`/`--plan` flag at the very end; anywhere
 * else it is part of the comment (which may well say 「2020年度」).
 */
function withPlanBeforeComment(rest: Token[], text: string, parse: (tokens: Token[], end: number) => Result<Command, ParseProblem>): Result<Command, ParseProblem> {
  let tokens = rest;
  let end = text.length;
  // A trailing `--year 2020` / `--plan=KEY` (only the dashed flags: a comment's last word is the comment's).
  for (const size of [1, 2]) {
    const tail = tokens.slice(-size);
    const first = tail[0];
    if (tokens.length <= size || first === undefined || first.type !== 'word' || !/^[-‐‑–—−ー－]{1,2}(year|plan|key)\b/iu.test(first.text.normalize('NFKC'))) continue;
    const taken = takePlanSelector(tail);
    if (taken.ok && taken.value.rest.length === 0 && taken.value.selector !== null) {
      const before = takeHead(tokens.slice(0, -size));
      if (!before.ok) return before;
      const selector = mergeSelectors(before.value.selector, taken.value.selector);
      if (selector === undefined) return fail({ code: 'bad_plan', word: first.text });
      end = first.start;
      return addPlan(parse(before.value.rest, end), selector);
    }
  }
  const head = takeHead(tokens);
  if (!head.ok) return head;
  tokens = head.value.rest;
  return addPlan(parse(tokens, end), head.value.selector);
}

/** Selectors before the id and right after it (`2020年度 1-1-2 …`, `1-1-2 --year 2020 …`). */
function takeHead(tokens: Token[]): Result<{ selector: PlanSelector | null; rest: Token[] }, ParseProblem> {
  const leading = takeLeading(tokens, 0);
  if (!leading.ok) return leading;
  const afterId = takeLeading(leading.value.rest, 1);
  if (!afterId.ok) return afterId;
  const selector = mergeSelectors(leading.value.selector, afterId.value.selector);
  if (selector === undefined) return fail({ code: 'bad_plan', word: tokenText(tokens[0]) });
  return ok({ selector, rest: afterId.value.rest });
}

/** Takes selectors that start at `at`, one after the other. */
function takeLeading(tokens: Token[], at: number): Result<{ selector: PlanSelector | null; rest: Token[] }, ParseProblem> {
  let rest = tokens;
  let selector: PlanSelector | null = null;
  for (;;) {
    const token = rest[at];
    if (token === undefined) break;
    // One selector at `at`: a flag and its value, or a year on its own.
    const probe = takePlanSelector(rest.slice(at, at + 2), (index) => index === 0);
    if (!probe.ok) return probe;
    if (probe.value.selector === null) break;
    const used = 2 - probe.value.rest.length;
    rest = [...rest.slice(0, at), ...rest.slice(at + used)];
    const merged = mergeSelectors(selector, probe.value.selector);
    if (merged === undefined) return fail({ code: 'bad_plan', word: tokenText(token) });
    selector = merged;
  }
  return ok({ selector, rest });
}

/** Both selectors in one; undefined when they disagree. */
function mergeSelectors(a: PlanSelector | null, b: PlanSelector | null): PlanSelector | null | undefined {
  if (a === null || b === null) return a ?? b;
  if ((a.year !== null && b.year !== null && a.year !== b.year) || (a.key !== null && b.key !== null && a.key !== b.key)) return undefined;
  return { year: a.year ?? b.year, key: a.key ?? b.key };
}

/** `dashboard`, `dashboard link NAME [DAYS]`, `dashboard revoke ID`. */
function parseDashboard(rest: Token[]): Result<Command, ParseProblem> {
  const [verb, ...more] = rest;
  if (verb === undefined) return ok({ kind: 'dashboard', action: { kind: 'open' } });
  const word = wordOf(verb);
  const folded = word === null ? '' : fold(word);
  if (REVOKE_WORDS.has(folded)) {
    const [idToken, ...extra] = more;
    const id = idToken === undefined ? null : wordOf(idToken);
    if (id === null) return fail({ code: 'missing_argument', usage: 'dashboard' });
    return extra.length === 0 ? ok({ kind: 'dashboard', action: { kind: 'revoke', id: fold(id) } }) : unexpected(extra[0]!, 'dashboard');
  }
  if (!LINK_WORDS.has(folded)) return unexpected(verb, 'dashboard');
  const last = more[more.length - 1];
  const lastWord = last === undefined || last.type !== 'word' ? null : fold(last.text);
  const days = more.length > 1 && lastWord !== null && DAYS_WORD.test(lastWord) ? lastWord : null;
  const nameTokens = days === null ? more : more.slice(0, -1);
  const stray = nameTokens.find((token) => token.type !== 'word' && token.type !== 'quoted');
  if (stray) return unexpected(stray, 'dashboard');
  const name = nameTokens.map((token) => tokenText(token).normalize('NFKC').trim()).join(' ');
  if (name === '') return fail({ code: 'missing_argument', usage: 'dashboard' });
  return ok({ kind: 'dashboard', action: { kind: 'link', name, days } });
}

function parseStatus(rest: Token[]): Result<Command, ParseProblem> {
  const [target, ...more] = rest;
  if (target === undefined) return ok({ kind: 'overview' });
  const word = wordOf(target);
  const sub = word === null ? undefined : SUBCOMMAND_WORDS[fold(word)];
  if (sub === 'overdue' || sub === 'upcoming' || sub === 'mine') return parseList(sub, more, 'status');
  // Only after `status`: 完了 alone is a status word of `update`.
  if (word !== null && DONE_WORDS.has(fold(word))) return parseList('done', more, 'status');
  if (word !== null && ID_LIKE.test(foldId(word))) {
    return more.length === 0 ? ok({ kind: 'milestone', id: foldId(word) }) : unexpected(more[0]!, 'status');
  }
  if (target.type === 'user' || target.type === 'channel') return unexpected(target, 'status');
  // A division typed with a space in it (`総務部 人事課`) is still one name; a last number is the page.
  const last = more[more.length - 1];
  const pageToken = last !== undefined && last.type === 'word' && /^\d+$/u.test(fold(last.text)) ? last : undefined;
  const nameParts = pageToken ? more.slice(0, -1) : more;
  const stray = nameParts.find((token) => token.type !== 'word' && token.type !== 'quoted');
  if (stray) return unexpected(stray, 'status');
  const division = [target, ...nameParts].map((token) => tokenText(token).normalize('NFKC').trim()).join(' ');
  return parseList({ division }, pageToken ? [pageToken] : [], 'status');
}

function parseList(target: ListTarget, rest: Token[], usage: UsageKey): Result<Command, ParseProblem> {
  const page = parsePage(rest, usage);
  return page.ok ? ok({ kind: 'list', target, page: page.value }) : page;
}

function parsePage(rest: Token[], usage: UsageKey): Result<number, ParseProblem> {
  const [token, ...more] = rest;
  if (token === undefined) return ok(1);
  if (more.length > 0) return unexpected(more[0]!, usage);
  const word = wordOf(token);
  const folded = word === null ? '' : fold(word);
  if (!/^\d{1,4}$/u.test(folded)) return word !== null && /^\d+$/u.test(folded) ? fail({ code: 'bad_page', word }) : unexpected(token, usage);
  const page = Number(folded);
  return page >= 1 ? ok(page) : fail({ code: 'bad_page', word: word ?? '' });
}

function parseHistory(rest: Token[]): Result<Command, ParseProblem> {
  const [idToken, ...more] = rest;
  const id = idToken === undefined ? null : wordOf(idToken);
  if (id === null) return fail({ code: 'missing_argument', usage: 'history' });
  const page = parsePage(more, 'history');
  return page.ok ? ok({ kind: 'history', id: foldId(id), page: page.value }) : page;
}

/** `update ID [MONTH|all] STATUS [COMMENT…]`, or with the status already read (`/plan 完了 ID …`). */
function parseUpdate(rest: Token[], text: string, knownStatus: ReturnType<typeof parseStatusWord>, end = text.length): Result<Command, ParseProblem> {
  const idWord = rest[0] === undefined ? null : wordOf(rest[0]);
  if (idWord === null) return fail({ code: 'missing_argument', usage: 'update' });
  let index = 1;
  let checkpoint: MonthRef | 'all' | null = null;
  const maybeMonth = rest[index];
  if (maybeMonth !== undefined) {
    const word = wordOf(maybeMonth);
    const month = word === null ? null : ALL_WORDS.has(fold(word)) ? 'all' : parseMonthWord(fold(word));
    if (month !== null) {
      checkpoint = month;
      index++;
    } else if (word !== null && looksLikeMonth(fold(word)) && knownStatus === null) {
      return fail({ code: 'bad_month', word, usage: 'update' });
    }
  }
  let status = knownStatus;
  if (status === null) {
    const statusToken = rest[index];
    if (statusToken === undefined) return fail({ code: 'missing_argument', usage: 'update' });
    const word = tokenText(statusToken);
    status = parseStatusWord(word);
    if (status === null) return fail({ code: 'unknown_status', word });
    index++;
  }
  return ok({ kind: 'update', id: foldId(idWord), checkpoint, status, comment: commentFrom(text, rest, index, end) });
}

/** `due ID [CHECKPOINT] MONTH [COMMENT…]`. */
function parseDue(rest: Token[], text: string, end = text.length): Result<Command, ParseProblem> {
  const idWord = rest[0] === undefined ? null : wordOf(rest[0]);
  if (idWord === null || rest[1] === undefined) return fail({ code: 'missing_argument', usage: 'due' });
  const months: MonthRef[] = [];
  let index = 1;
  while (index < rest.length && months.length < 2) {
    const word = wordOf(rest[index]!);
    const month = word === null ? null : parseMonthWord(fold(word));
    if (month === null) break;
    months.push(month);
    index++;
  }
  if (months.length === 0) return fail({ code: 'bad_month', word: tokenText(rest[1]), usage: 'due' });
  const [first, second] = months as [MonthRef, MonthRef | undefined];
  return ok({
    kind: 'due',
    id: foldId(idWord),
    checkpoint: second === undefined ? null : first,
    month: second ?? first,
    comment: commentFrom(text, rest, index, end),
  });
}

/** `digest [post [replace]]`. */
function parseDigest(rest: Token[]): Result<Command, ParseProblem> {
  const [token, modifier, ...more] = rest;
  if (token === undefined) return ok({ kind: 'digest', post: false, replace: false });
  const word = wordOf(token);
  if (word === null || !POST_WORDS.has(fold(word))) return unexpected(token, 'digest');
  if (modifier === undefined) return ok({ kind: 'digest', post: true, replace: false });
  const second = wordOf(modifier);
  if (second === null || !REPLACE_WORDS.has(fold(second))) return unexpected(modifier, 'digest');
  return more.length === 0 ? ok({ kind: 'digest', post: true, replace: true }) : unexpected(more[0]!, 'digest');
}

/** A Slack channel id (`C…`, `G…`) or a Teams channel's conversation id (`19:…@thread.tacv2`), typed with or without `#`. */
const CHANNEL_ID = /^#?(?:[CG][A-Z0-9]{6,}|19:[^\s;@]+@thread\.(?:tacv2|skype))$/u;
/** A Slack user id (`U…`, `W…`) or a Microsoft Entra object id (a GUID: Teams names people by it), typed with or without `@`. */
const USER_ID = /^@?(?:[UW][A-Z0-9]{6,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/u;

/** `owner DIVISION [#channel] [@user…] [members [on|off]]`. */
function parseOwner(rest: Token[]): Result<Command, ParseProblem> {
  const [divisionToken, ...more] = rest;
  if (divisionToken === undefined || divisionToken.type === 'user' || divisionToken.type === 'channel') {
    return fail({ code: 'missing_argument', usage: 'owner' });
  }
  let channel: string | null = null;
  const users: string[] = [];
  let channelMembers: boolean | null = null;
  for (let i = 0; i < more.length; i++) {
    const token = more[i]!;
    const word = token.type === 'word' ? fold(token.text) : null;
    // Slack sends `<#C…|name>` and `<@U…>`; typed by hand (the shell, the usage line, Teams) an id may come bare or as `#C…` / `@U…`.
    if (token.type === 'channel' || (token.type === 'word' && CHANNEL_ID.test(token.text))) {
      if (channel !== null) return unexpected(token, 'owner');
      channel = token.type === 'channel' ? token.id : token.text.replace(/^#/u, '');
    } else if (token.type === 'user' || (token.type === 'word' && USER_ID.test(token.text))) {
      // Entra object ids are compared as the directory holds them: lower case, as activities carry them.
      const id = token.type === 'user' ? token.id : normalizeTypedUser(token.text.replace(/^@/u, ''));
      if (!users.includes(id)) users.push(id);
    } else if (word !== null && MEMBERS_WORDS.has(word)) {
      const next = more[i + 1];
      const nextWord = next?.type === 'word' ? fold(next.text) : null;
      if (nextWord !== null && (ON_WORDS.has(nextWord) || OFF_WORDS.has(nextWord))) {
        channelMembers = ON_WORDS.has(nextWord);
        i++;
      } else {
        channelMembers = true;
      }
    } else {
      return unexpected(token, 'owner');
    }
  }
  return ok({ kind: 'owner', division: divisionToken.text.normalize('NFKC').trim(), channel, users: users.length > 0 ? users : null, channelMembers });
}

/** A typed GUID in lower case (Slack ids are upper case and stay so). */
function normalizeTypedUser(id: string): string {
  return id.includes('-') ? id.toLowerCase() : id;
}

function parseLang(rest: Token[]): Result<Command, ParseProblem> {
  const [token, ...more] = rest;
  if (token === undefined) return ok({ kind: 'lang', lang: null });
  if (more.length > 0) return unexpected(more[0]!, 'lang');
  const word = tokenText(token);
  const lang = LANG_WORDS[fold(word)];
  return lang === undefined ? fail({ code: 'unknown_language', word }) : ok({ kind: 'lang', lang });
}

/** A word or quoted text; null for a mention, which is never an id or a keyword. */
function wordOf(token: Token): string | null {
  return token.type === 'word' || token.type === 'quoted' ? token.text : null;
}

function tokenText(token: Token | undefined): string {
  if (token === undefined) return '';
  if (token.type === 'user') return `@${token.id}`;
  if (token.type === 'channel') return `#${token.id}`;
  return token.text;
}

/**
 * The rest of the text from token `index` on, as typed: one quoted token
 * gives its inside, anything else the text itself (quotes and all).
 */
function commentFrom(text: string, tokens: Token[], index: number, end = text.length): string | undefined {
  const token = tokens[index];
  if (token === undefined || token.start >= end) return undefined;
  if (index === tokens.length - 1 && token.type === 'quoted') return token.text;
  return decodeChatText(text.slice(token.start, end)).trim();
}

function unexpected(token: Token, usage: UsageKey): Result<never, ParseProblem> {
  return fail({ code: 'unexpected_argument', word: tokenText(token), usage });
}
