// `shinchoku report …`: report rounds from the command line (issue 15 §1),
// through the same use cases as `/plan report`. Whoever runs the CLI can
// write the database anyway, so the CLI acts with a coordinator's rights,
// recorded as `cli:USER` (the operating-system user) with via `cli`.
import { userInfo } from 'node:os';
import type { Config } from '../config.ts';
import { choosePlan } from '../app/commands/choose-plan.ts';
import { problemReply, type Reply } from '../app/commands/reply.ts';
import type { CommandDeps } from '../app/commands/ports.ts';
import type { ReportAction } from '../app/report/report-action.ts';
import { parseTypedDate } from '../domain/typed-time.ts';
import { openRound } from '../app/report/open-round.ts';
import { runReportCommand } from '../app/report/run-report-command.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createReportEntryStore, createReportRoundStore } from '../adapters/db/report-store.ts';
import { createOutboxStore } from '../adapters/db/outbox-store.ts';
import { runRoundTick } from '../app/report/run-round-tick.ts';
import { directoryForPlan } from '../domain/directory.ts';
import { createStatusStore } from '../adapters/db/status-store.ts';
import { createUserPrefsStore } from '../adapters/db/user-prefs-store.ts';
import { createDirectoryFile } from '../adapters/directory/directory-file.ts';
import { loadDirectory } from '../adapters/directory/load-directory.ts';
import { renderReplyText } from '../adapters/shell/render-reply-text.ts';
import { parseEvaluationScale, type EvaluationScale, type ReportFields } from '../domain/report-round.ts';
import { wallClock } from '../domain/zoned-time.ts';
import { translate, translator } from '../i18n/catalog.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface ReportOpenOptions {
  asOf: string;
  deadline: string;
  scale?: string;
  /** The key of the plan whose round it is; the default plan without it. */
  plan?: string;
}

export interface ReportAnswerOptions {
  evaluation?: string;
  achievement?: string;
  issues?: string;
  nextSteps?: string;
  plan?: string;
}

/** `report open --as-of D --deadline D [--scale A:達成,B:順調,C:遅れ*]`. */
export async function reportOpenCommand(options: ReportOpenOptions, config: Config, io: CliIo, now: Date): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const asOf = parseTypedDate(options.asOf);
  const deadline = parseTypedDate(options.deadline);
  if (asOf === null || deadline === null) return fail(io, config, t('reports.problem.bad_date', { word: asOf === null ? options.asOf : options.deadline }));
  let scale: EvaluationScale | undefined;
  if (options.scale !== undefined) {
    const parsed = parseEvaluationScale(options.scale);
    if (parsed === null) return fail(io, config, t('reports.cli.badScale', { scale: options.scale }));
    scale = parsed;
  }
  await withDeps(config, io, now, (deps, actor) => openRound(deps, actor, { asOf, deadline }, scale), options.plan);
}

/** `report status|close`, `report return ITEM --comment …`, `report history ITEM`, `report answer ITEM --evaluation …`. */
export async function reportActionCommand(action: ReportAction, config: Config, io: CliIo, now: Date, plan?: string): Promise<void> {
  await withDeps(config, io, now, (deps, actor) => runReportCommand(deps, actor, action, 'cli'), plan);
}

/** The fields given as options; those left out keep the round's earlier answer. */
export function answerFieldsOf(options: ReportAnswerOptions): Partial<ReportFields> {
  const fields: Partial<ReportFields> = {};
  if (options.evaluation !== undefined) fields.evaluation = options.evaluation;
  if (options.achievement !== undefined) fields.achievement = options.achievement;
  if (options.issues !== undefined) fields.issues = options.issues;
  if (options.nextSteps !== undefined) fields.nextSteps = options.nextSteps;
  return fields;
}

async function withDeps(config: Config, io: CliIo, now: Date, work: (deps: CommandDeps, actor: string) => Promise<Reply>, planKey?: string): Promise<void> {
  const loaded = await loadDirectory(config.SHINCHOKU_DIRECTORY, config.SHINCHOKU_LANG);
  if (!loaded.ok) return fail(io, config, loaded.error.message);
  const actor = `cli:${operatorName()}`;
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const plans = createPlanStore(db, { today: () => wallClock(now, config.SHINCHOKU_TIMEZONE).date });
    const file = createDirectoryFile(config.SHINCHOKU_DIRECTORY, loaded.value, config.SHINCHOKU_LANG);
    const deps: CommandDeps = {
      plans,
      statuses: createStatusStore(db, () => plans.scopeOf()),
      // The operator as one of the coordinators, for the commands only; the file is not changed.
      directory: {
        current: () => {
          const directory = file.current();
          const coordinator = directory.coordinator ?? { division: '', channel: '', users: [] };
          return { ...directory, coordinator: { ...coordinator, users: [...coordinator.users, actor] } };
        },
        change: (change) => file.change(change),
      },
      members: { membersOf: async () => new Set<string>() },
      prefs: createUserPrefsStore(db),
      calendar: createJapaneseCalendar(),
      clock: { now: () => now },
      timeZone: config.SHINCHOKU_TIMEZONE,
      defaultLang: config.SHINCHOKU_LANG,
      reportRounds: {
        rounds: createReportRoundStore(db),
        entries: createReportEntryStore(db),
        planKey: async () => (await plans.scopeOf())?.key ?? null,
        // The requests go into the outbox at once; a running bot's dispatcher delivers them at its next look (SPEC §4).
        onOpened: async (planKey, at) => {
          const ref = (await plans.list()).find((stored) => stored.key === planKey);
          await runRoundTick(
            at,
            {
              plans: { load: () => plans.loadKey(planKey) },
              planKey,
              rounds: createReportRoundStore(db),
              entries: createReportEntryStore(db),
              outbox: createOutboxStore(db),
              directory: directoryForPlan(file.current(), planKey),
              calendar: createJapaneseCalendar(),
              timeZone: config.SHINCHOKU_TIMEZONE,
              reminderTime: config.REMINDER_TIME,
              lang: config.SHINCHOKU_LANG,
              keyPrefix: ref?.prefix ?? '',
            },
            { opening: true },
          );
        },
      },
    };
    // `report --plan KEY …`: that plan's rounds, as `/plan report --plan KEY …` in chat.
    const chosen = await choosePlan(
      { ...deps, shelf: { list: () => plans.list(), open: (key) => ({ plans: { load: () => plans.loadKey(key) }, statuses: createStatusStore(db, () => plans.scopeOf(key)) }) } },
      planKey === undefined ? undefined : { key: planKey, year: null },
    );
    const reply = chosen.ok ? await work(chosen.value.deps, actor) : problemReply(chosen.error);
    const text = renderReplyText(reply, config.SHINCHOKU_LANG, { change: true });
    if (reply.kind === 'problem') return fail(io, config, text.replace(/^! /u, ''));
    io.out(text);
  } finally {
    await closeDatabase(db);
  }
}

function operatorName(): string {
  try {
    return userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}

function fail(io: CliIo, config: Config, message: string): never {
  io.err(`${translate(config.SHINCHOKU_LANG, 'cli.errorPrefix')}${message}`);
  throw new CliFailure(message);
}
