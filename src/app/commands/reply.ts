/**
 * What a command answers, as plain data (STYLE: "replies are data, rendering
 * is separate"). Each platform renders a Reply its own way: Block Kit for
 * Slack, text for the shell. Nothing here is a user-facing string; the
 * renderers take every word from the catalogue.
 */
import type { DivisionEntry } from '../../domain/directory.ts';
import type { CommentProblem } from '../../domain/comment.ts';
import type { LocalDate, YearMonth } from '../../domain/plan.ts';
import type { CheckpointProgress } from '../../domain/progress.ts';
import type { StatusCode } from '../../domain/status.ts';
import type { UpdateVia } from '../../domain/status-update.ts';
import type { WallClock } from '../../domain/zoned-time.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { DigestMessage } from '../ports.ts';
import type { ParseProblem } from './command.ts';
import type { ReportReply } from '../report/report-reply.ts';
import type { AddressedPlan } from './choose-plan.ts';

/** One milestone in a list: enough to read where it stands and to report on it. */
export interface MilestoneSummary {
  id: string;
  title: string;
  owners: string[];
  status: StatusCode;
  /** The checkpoint a report would be about (see checkpointAskedAbout); null for the milestone as a whole. */
  checkpoint: YearMonth | null;
  /** The due date the line is about: the checkpoint's; for a closed milestone, when it was due. */
  nextDue: LocalDate | null;
  daysOverdue: number | null;
  open: boolean;
}

/** One status update as a history line shows it. */
export interface HistoryEntry {
  status: StatusCode;
  checkpoint: YearMonth | null;
  /** No month on a milestone due in several: the update stands for every month (全月). */
  allCheckpoints: boolean;
  comment: string | null;
  revisedDue: YearMonth | null;
  /** A chat user id, or the operator's name for CLI updates. */
  actor: string;
  via: UpdateVia;
  /** When, on the plan's wall clock. */
  at: WallClock;
}

/** Where a page of a list sits in the whole, and the command that shows the next one. */
export interface Paging {
  page: number;
  pageCount: number;
  total: number;
  /** Items after this page. */
  remaining: number;
  /** `/plan status overdue 2`: null on the last page. */
  nextCommand: string | null;
}

export type ListScope =
  | { kind: 'overdue' }
  | { kind: 'upcoming'; days: number }
  | { kind: 'done' }
  | { kind: 'mine'; divisions: string[] }
  | { kind: 'division'; division: string };

export interface PillarSummary {
  id: string;
  title: string;
  total: number;
  byStatus: Record<StatusCode, number>;
  overdue: number;
}

export interface PlanOverview {
  title: string;
  fiscalYear: number;
  today: LocalDate;
  total: number;
  byStatus: Record<StatusCode, number>;
  /** Milestones with a due date past. */
  overdueTotal: number;
  /**
   * Due dates past, a milestone due in several months counted once per month:
   * the digest's unit, so that the two numbers can be told apart and checked.
   */
  overdueDueDates: number;
  pillars: PillarSummary[];
  /** The most overdue milestones, most days first. */
  overdue: MilestoneSummary[];
}

export interface MilestoneDetail {
  summary: MilestoneSummary;
  scheduleText: string | null;
  group: string | null;
  pillar: { id: string; title: string };
  initiative: { id: string; title: string };
  item: { id: string; title: string };
  checkpoints: CheckpointProgress[];
  /** The latest updates, newest first. */
  history: HistoryEntry[];
  historyTotal: number;
}

/** A use case's refusal: nothing was written. */
export type CommandProblem =
  | ParseProblem
  | CommentProblem
  | { code: 'no_plan' }
  | { code: 'unknown_id'; id: string; suggestions: string[] }
  | { code: 'unknown_division'; division: string; suggestions: string[] }
  | { code: 'not_allowed'; action: 'update' | 'due' | 'owner' | 'digest_post' | 'export'; owners: string[] }
  | { code: 'not_a_checkpoint'; id: string; month: YearMonth; checkpoints: YearMonth[] }
  | { code: 'no_checkpoints'; id: string }
  | { code: 'checkpoint_required'; id: string; checkpoints: YearMonth[] }
  | { code: 'no_due_date'; id: string }
  /** A due month outside the plan's fiscal year and the next one (`from`–`to`). */
  | { code: 'due_out_of_range'; id: string; month: YearMonth; from: YearMonth; to: YearMonth }
  | { code: 'channel_required'; division: string }
  | { code: 'directory_not_saved'; reason: string }
  /** No directory file to change yet (only the shell's stand-in coordinator can ask). */
  | { code: 'directory_missing' }
  | { code: 'page_out_of_range'; page: number; pageCount: number }
  | { code: 'digest_unavailable' }
  | { code: 'export_unavailable' }
  /** No stored plan matches `--year`/`--plan`; `plans` are the stored ones, to choose from. */
  | { code: 'unknown_plan'; key: string | null; year: number | null; plans: { key: string; title: string; fiscalYear: number }[] }
  /** An update or due change on a plan whose period is over (issue 13: last year's plan stays as it was). */
  | { code: 'plan_read_only'; title: string; fiscalYear: number; end: LocalDate };

export type Reply =
  | { kind: 'help'; coordinator: boolean }
  /** `plan`: set when the command named a plan (`--year 2020`), so the reply says which. */
  | { kind: 'overview'; overview: PlanOverview; plan?: AddressedPlan }
  | { kind: 'milestone'; detail: MilestoneDetail; plan?: AddressedPlan }
  | { kind: 'list'; scope: ListScope; today: LocalDate; items: MilestoneSummary[]; paging: Paging; plan?: AddressedPlan }
  | { kind: 'history'; milestone: { id: string; title: string }; entries: HistoryEntry[]; paging: Paging; plan?: AddressedPlan }
  | {
      kind: 'updated';
      milestone: { id: string; title: string };
      checkpoint: YearMonth | null;
      status: StatusCode;
      previous: StatusCode;
      /** Only a comment was given: the status stayed as it was. */
      commentOnly: boolean;
      /** No month was named and `checkpoint` is the one, of several, the owner was being asked about. */
      picked: boolean;
      /** Every checkpoint at once (`all` / `全月`), in order; empty otherwise (then `checkpoint` says which, if any). */
      allCheckpoints: YearMonth[];
      comment: string | null;
      /** Set when the update moved the due month; `due` is then the new due date. */
      revisedDue: YearMonth | null;
      due: LocalDate | null;
      actor: string;
      via: UpdateVia;
      at: WallClock;
    }
  | { kind: 'owner'; division: string; entry: DivisionEntry | null; changed: boolean }
  | { kind: 'lang'; lang: Lang; changed: boolean }
  | { kind: 'digest'; message: DigestMessage }
  | { kind: 'digest_posted'; channel: string; week: string }
  /** `/plan export`: the workbook of `asOf`, and where it went. */
  | { kind: 'exported'; asOf: LocalDate; fileName: string; delivery: ExportDelivery }
  /** `/plan report …`: its own replies (src/app/report/report-reply.ts), worded by src/app/views/build-report-view.ts. */
  | { kind: 'report'; report: ReportReply }
  | { kind: 'dashboard'; answer: DashboardAnswer }
  | { kind: 'problem'; problem: CommandProblem };

/** What `/plan dashboard` answers; always to the asker alone, since a link is a key. */
export type DashboardAnswer =
  | { kind: 'personal'; url: string; expires: WallClock }
  | { kind: 'minted'; id: string; name: string; url: string; expires: WallClock }
  | { kind: 'revoked'; id: string; name: string }
  | { kind: 'refused'; reason: DashboardRefusal };

export type DashboardRefusal =
  /** DASHBOARD_PORT is not set. */
  | { code: 'off' }
  | { code: 'not_coordinator' }
  | { code: 'unknown_link'; id: string }
  | { code: 'already_revoked'; id: string }
  | { code: 'bad_days'; word: string; max: number }
  | { code: 'bad_name'; max: number };

/** Where `/plan export` put the workbook: each platform hands a file over its own way. */
export type ExportDelivery =
  /** Sent to the asker's direct messages (Slack). */
  | { kind: 'dm' }
  /** Written to a file on this machine (the shell). */
  | { kind: 'file'; path: string }
  /** A download link (the dashboard's). */
  | { kind: 'link'; url: string }
  /** The platform cannot take a file and there is no dashboard: the CLI writes it (Teams). */
  | { kind: 'cli' }
  /** The platform refused the file; nothing was sent. */
  | { kind: 'failed'; reason: string };

/** A refusal as a Reply. */
export function problemReply(problem: CommandProblem): Reply {
  return { kind: 'problem', problem };
}
