/**
 * What the command use cases need from the outside world, each as small as
 * the use cases use it (the stores, the directory file, the chat platform's
 * channel membership, the per-user settings).
 */
import type { BusinessCalendar } from '../../domain/calendar.ts';
import type { Directory } from '../../domain/directory.ts';
import type { LocalDate, Plan } from '../../domain/plan.ts';
import type { Problem, Result } from '../../domain/result.ts';
import type { GroupLatest } from '../../domain/status-summary.ts';
import type { NewStatusUpdate, StatusUpdate } from '../../domain/status-update.ts';
import type { Lang } from '../../i18n/catalog.ts';
import type { DigestProblem } from '../build-digest.ts';
import type { PostDigestOutcome } from '../post-digest.ts';
import type { Clock, DigestMessage } from '../ports.ts';
import type { DashboardLinks } from '../dashboard-link-port.ts';
import type { ExportDelivery } from './reply.ts';
import type { ReportDeps } from '../report/report-deps.ts';
import type { PlanShelf } from './choose-plan.ts';

export interface PlanSource {
  /** The stored plan; the same object while it is unchanged (PlanStore.load), which lets readers cache on it. */
  load(): Promise<Plan | null>;
}

export interface StatusHistory {
  append(update: NewStatusUpdate): Promise<StatusUpdate>;
  /** Every update of one milestone, oldest first. */
  history(milestoneId: string): Promise<StatusUpdate[]>;
  /** The latest update per milestone and checkpoint. */
  latest(): Promise<GroupLatest[]>;
  /** Changes with every append. */
  revision(): Promise<number>;
}

/** A change to one division's directory entry; null leaves that part as it is. */
export interface DirectoryChange {
  division: string;
  channel: string | null;
  /** Replaces the division's users. */
  users: string[] | null;
  channelMembers: boolean | null;
}

/**
 * The directory the bot works with, and the file it comes from. A change is
 * written to the file first and takes effect only once written, so the file
 * and the running bot never disagree.
 */
export interface DirectoryStore {
  current(): Directory;
  change(change: DirectoryChange): Promise<Result<Directory, Problem>>;
}

/** Who is in a channel, for divisions whose channel members are their owners. */
export interface ChannelMembers {
  /** The channel's members; an empty set when they cannot be looked up (which grants nothing). */
  membersOf(channel: string): Promise<ReadonlySet<string>>;
}

/** Per-user settings kept in the database. */
export interface UserPrefs {
  /** The user's chosen language, or null when they never chose one. */
  lang(userId: string): Promise<Lang | null>;
  setLang(userId: string, lang: Lang, at: string): Promise<void>;
}

/**
 * The weekly digest's use cases (src/app/build-digest.ts, post-digest.ts)
 * bound to their stores by the composition root.
 */
export interface DigestCommands {
  /** Today's digest as a message in `lang`, posted nowhere. */
  preview(now: Date, lang: Lang): Promise<Result<DigestMessage, DigestProblem>>;
  /** Posts a digest to the coordinator channel now: an extra to the week's digest, or in its place with `replace`. */
  post(now: Date, replace: boolean): Promise<Result<PostDigestOutcome, DigestProblem>>;
}

/** The progress report workbook as a file. */
export interface ExportedFile {
  bytes: Uint8Array;
  /** e.g. `進捗管理表_fy2020_2020-09-30.xlsx`. */
  fileName: string;
  /** The date its figures are of. */
  asOf: LocalDate;
}

/** The workbook of the default plan now: its latest report round, else today (src/adapters/excel/export-workbook.ts). */
export interface ReportFiles {
  build(now: Date, lang: Lang): Promise<Result<ExportedFile, { code: 'no_plan' }>>;
}

/** How this platform hands a file to the person who asked: a DM (Slack), a file here (the shell), a link (Teams). */
export interface FileDelivery {
  deliver(file: ExportedFile, userId: string, lang: Lang): Promise<ExportDelivery>;
}

/** Everything the command use cases are wired to. */
export interface CommandDeps {
  plans: PlanSource;
  statuses: StatusHistory;
  directory: DirectoryStore;
  members: ChannelMembers;
  prefs: UserPrefs;
  calendar: BusinessCalendar;
  clock: Clock;
  /** IANA zone of every schedule and of the times shown. */
  timeZone: string;
  /** SHINCHOKU_LANG: the language of users who did not choose one. */
  defaultLang: Lang;
  /** Absent where the digest is not wired (tests of other commands): `/plan digest` then says it is unavailable. */
  digest?: DigestCommands;
  /** Absent where the workbook is not wired: `/plan export` then says it is unavailable. */
  reports?: ReportFiles;
  files?: FileDelivery;
  /** Absent where report rounds are not wired: `/plan report` then says it is unavailable. */
  reportRounds?: ReportDeps;
  /** Absent when the dashboard is off (DASHBOARD_PORT unset): `/plan dashboard` then says so. */
  dashboard?: DashboardLinks;
  /** Every stored plan, for a command naming one (`--year 2020`, `--plan KEY`); absent, only the default plan is known. */
  shelf?: PlanShelf;
}
