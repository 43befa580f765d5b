/**
 * What a `/plan …` command asks for (SPEC §5), as a typed value: the parser
 * turns text into a Command or a CommandProblem, and each use case takes
 * the Command of its family. Platform-neutral: Slack and the shell parse into this.
 */
import type { StatusCode } from '../../domain/status.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { ReportAction } from '../report/report-action.ts';
import type { ReportProblem } from '../report/report-reply.ts';

/** A month as the user wrote it; the use case places a month without a year in the plan's fiscal year. */
export type MonthRef = { year: number; month: number } | { year: null; month: number };

export type ListTarget = 'overdue' | 'upcoming' | 'done' | 'mine' | { division: string };

/**
 * Another stored plan than the default one (issue 13): by fiscal year
 * (`--year 2020`, `2020年度`), by the key chosen at import
 * (`--plan gyokaku-2021`, `計画 gyokaku-2021`), or both. Absent: the default plan.
 */
export interface PlanSelector {
  year: number | null;
  key: string | null;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'overview'; plan?: PlanSelector }
  | { kind: 'milestone'; id: string; plan?: PlanSelector }
  | { kind: 'list'; target: ListTarget; page: number; plan?: PlanSelector }
  | { kind: 'history'; id: string; page: number; plan?: PlanSelector }
  /** `checkpoint`: a month, `all` (全月) for every one, or null for the one the owner is being asked about. */
  | { kind: 'update'; id: string; checkpoint: MonthRef | 'all' | null; status: StatusCode; comment: string | undefined; plan?: PlanSelector }
  | { kind: 'due'; id: string; checkpoint: MonthRef | null; month: MonthRef; comment: string | undefined; plan?: PlanSelector }
  /** `replace`: the post takes the place of the week's digest instead of adding to it. */
  | { kind: 'digest'; post: boolean; replace: boolean; plan?: PlanSelector }
  | { kind: 'owner'; division: string; channel: string | null; users: string[] | null; channelMembers: boolean | null }
  | { kind: 'lang'; lang: Lang | null }
  /** The progress report workbook (進捗管理表), handed to the asker. */
  | { kind: 'export' }
  /** `/plan report …` (報告): report rounds (issue 15 §1). */
  | { kind: 'report'; action: ReportAction; plan?: PlanSelector }
  /** `/plan dashboard`: the asker's own link; `link NAME [DAYS]` / `revoke ID`: a coordinator's read-only links. */
  | { kind: 'dashboard'; action: DashboardAction };

/** `days`: the word as typed (`90日`), checked by the use case; null for the default. */
export type DashboardAction = { kind: 'open' } | { kind: 'link'; name: string; days: string | null } | { kind: 'revoke'; id: string };

export type CommandKind = Command['kind'];

/** Why a text is not a command; each names what the user should type instead. */
export type ParseProblem =
  | { code: 'unknown_command'; word: string; suggestions: string[] }
  | { code: 'missing_argument'; usage: UsageKey }
  | { code: 'unexpected_argument'; word: string; usage: UsageKey }
  | { code: 'unknown_status'; word: string }
  | { code: 'bad_month'; word: string; usage: UsageKey }
  | { code: 'bad_page'; word: string }
  | { code: 'unknown_language'; word: string }
  /** `--year`/`--plan` (年度/計画) without a fiscal year or key after it, or one that is not. */
  | { code: 'bad_plan'; word: string }
  /** A report command's own refusals, worded by src/i18n/report-problem-lines.ts. */
  | { code: 'report'; problem: ReportProblem };

/** The sub-command whose usage line a problem points to. */
export type UsageKey = 'status' | 'update' | 'due' | 'history' | 'owner' | 'lang' | 'digest' | 'list' | 'export' | 'report' | 'dashboard';
