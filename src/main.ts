// The composition root: builds the adapters from the configuration and hands
// them to the use cases. Nothing else in the code base news up an adapter.
// One core (database, plan, directory, outbox, the reminder tick, the weekly
// digest, the /plan use cases) serves three chat adapters: Teams when
// TEAMS_APP_ID is set, Slack when its settings are there, else the shell in
// this terminal (SPEC §7).
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { DEMO_DATABASE, dashboardSettingsOf, digestScheduleOf, reminderPolicyOf, slackModeOf, startTimeOf, teamsSettingsOf, type Config } from './config.ts';
import type { TeamsParts } from './adapters/teams/compose-teams.ts';
import type { OutboxAdmin } from './app/outbox-port.ts';
import type { Clock, Notifier } from './app/ports.ts';
import type { CommandDeps } from './app/commands/ports.ts';
import { REMINDER_TICK, runReminderTick, type TickSummary } from './app/run-reminder-tick.ts';
import { postEveryPlanDigest, tickEveryPlan, type PlanRef } from './app/run-every-plan.ts';
import type { ReminderOutbox } from './app/outbox-port.ts';
import type { DigestCommands } from './app/commands/ports.ts';
import type { BusinessCalendar } from './domain/calendar.ts';
import { addDays, compareLocalDates } from './domain/local-date.ts';
import { planPeriodOf } from './domain/plan-period.ts';
import { directoryForPlan } from './domain/directory.ts';
import { wallClock } from './domain/zoned-time.ts';
import type { LocalDate } from './domain/plan.ts';
import { createDispatcher, type Dispatcher } from './app/dispatch-outbox.ts';
import { postDigest } from './app/post-digest.ts';
import { openDatabase, closeDatabase, redactUrl } from './adapters/db/connect.ts';
import { createPlanStore, type PlanStore } from './adapters/db/plan-store.ts';
import { createStatusStore } from './adapters/db/status-store.ts';
import { createOutboxStore } from './adapters/db/outbox-store.ts';
import { createDigestStore } from './adapters/db/digest-store.ts';
import { loadDirectory } from './adapters/directory/load-directory.ts';
import { createDirectoryFile } from './adapters/directory/directory-file.ts';
import { createUserPrefsStore } from './adapters/db/user-prefs-store.ts';
import { startSlackApp, type RunningSlackApp } from './adapters/slack/app/start-slack-app.ts';
import { bindDigestCommands } from './app/commands/bind-digest.ts';
import { createJapaneseCalendar } from './adapters/calendar/japan-holidays.ts';
import { createAdjustableClock } from './adapters/clock/adjustable-clock.ts';
import { createLogger, type Logger } from './adapters/log/create-logger.ts';
import { logStatusAppends } from './adapters/log/log-status-appends.ts';
import { createSlackNotifier } from './adapters/slack/slack-notifier.ts';
import { findChartFont } from './adapters/charts/find-chart-font.ts';
import { createDigestChartRenderer } from './adapters/charts/render-png.ts';
import { createTerminalNotifier } from './adapters/shell/terminal-notifier.ts';
import { createReminderChoices } from './adapters/shell/reminder-choices.ts';
import { startShell } from './adapters/shell/start-shell.ts';
import { startScheduler } from './adapters/scheduler/schedule-reminders.ts';
import { startDigestScheduler } from './adapters/scheduler/schedule-digest.ts';
import { readPlanSource } from './import/read-plan-source.ts';
import { digestRoundFor } from './app/report/digest-round.ts';
import { runRoundTick } from './app/report/run-round-tick.ts';
import { createReportSources } from './adapters/db/report-sources.ts';
import { createReportEntryStore, createReportRoundStore } from './adapters/db/report-store.ts';
import { createReportFiles } from './adapters/excel/report-files.ts';
import { createShellFileDelivery } from './adapters/shell/write-export-file.ts';
import { createTeamsFileDelivery } from './adapters/teams/export-link.ts';
import { listMilestones, type Plan } from './domain/plan.ts';
import { translator, type Lang } from './i18n/catalog.ts';
import type { Problem } from './domain/result.ts';
import { dashboardAccess, dashboardWorkbook, startDashboard } from './adapters/web/compose-dashboard.ts';
import type { RunningDashboard } from './adapters/web/start-dashboard-server.ts';

export type BotMode = 'slack' | 'teams' | 'shell';

export interface RunningBot {
  mode: BotMode;
  /** The port the Slack app listens on in HTTP mode (the real one when PORT is 0); null otherwise. */
  slackPort: number | null;
  /** The port the Teams app serves /api/messages on (the real one when PORT is 0); null otherwise. */
  teamsPort: number | null;
  /** The dashboard's port (the real one when DASHBOARD_PORT is 0); null when it is off. */
  dashboardPort: number | null;
  /** Resolves when the bot ends by itself: the shell's input ended (Ctrl-D, end of a piped script) or `:quit`. Never in Slack mode. */
  ended: Promise<void>;
  stop(): Promise<void>;
}

/** How the shell adapter meets the person (or script) at the terminal; ignored in Slack mode. */
export interface ShellTerminal {
  /** Lines typed or piped in; without it the shell only prints what the bot sends. */
  input?: NodeJS.ReadableStream;
  /** Where the prompt goes. */
  output?: NodeJS.WritableStream;
  /** Prompt and line editing: stdin and stdout are a terminal. */
  interactive?: boolean;
  /** Repeat each line read, so a piped session reads as a transcript. */
  echo?: boolean;
}

export class StartupError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/**
 * Starts the bot: database (migrated), plan (the bundled one imported when
 * the database has none), directory, then the chat adapter. Slack: the app,
 * a catch-up tick and digest check, and the daily schedules. Shell: the same
 * catch-up, then the prompt, with the clock under the user's control.
 * `write` is where the terminal output goes.
 */
export async function startBot(config: Config, write: (text: string) => void, terminal: ShellTerminal = {}): Promise<RunningBot> {
  const mode = modeOf(config);
  const logger = createLogger({ level: logLevel(config, mode) });
  const start = startTimeOf(config);
  // Starts at SHINCHOKU_NOW (or now) and runs at real speed; only the shell ever moves it forward (`:next`, `:advance`).
  const clock = createAdjustableClock(start);
  const db = await openDatabase(config.DATABASE_URL);
  let dashboard: RunningDashboard | null = null;
  try {
    // The default plan is the one of the fiscal year on the bot's clock (the shell's virtual one included).
    const plans = createPlanStore(db, { today: () => wallClock(clock.now(), config.SHINCHOKU_TIMEZONE).date });
    const { plan, importedFrom } = await ensurePlan(plans, config, clock, logger);
    const loaded = await loadDirectory(config.SHINCHOKU_DIRECTORY, config.SHINCHOKU_LANG);
    if (!loaded.ok) throw new StartupError(loaded.error);
    // `/plan owner` changes the directory while the bot runs: everything reads it through this.
    const directory = createDirectoryFile(config.SHINCHOKU_DIRECTORY, loaded.value, config.SHINCHOKU_LANG);
    // Commands speak for the default plan: the current fiscal year's, followed as plans are imported.
    const statuses = logStatusAppends(createStatusStore(db, () => plans.scopeOf()), logger);
    const calendar = createJapaneseCalendar();
    const digests = createDigestStore(db, (await plans.scopeOf())?.prefix ?? '');
    const policy = reminderPolicyOf(config);
    const digestSchedule = digestScheduleOf(config);
    const timeZone = config.SHINCHOKU_TIMEZONE;
    const lang = config.SHINCHOKU_LANG;

    const outbox = createOutboxStore(db);
    const choices = createReminderChoices();
    const teamsSettings = teamsSettingsOf(config);
    // Loaded only for Teams: the SDK (Express, MSAL, axios) would slow every other start and CLI command.
    // The digest's chart (issue 15 §4) on the chat platforms; the terminal shows text. The font is looked for, and its absence logged, once.
    const chart = mode === 'shell' ? undefined : createDigestChartRenderer(findChartFont(), logger);
    const teams: TeamsParts | null = mode === 'teams' && teamsSettings ? (await import('./adapters/teams/compose-teams.ts')).composeTeams(teamsSettings, db, logger, config.proxy, chart) : null;
    const notifier: Notifier = teams
      ? teams.notifier
      : mode === 'slack' && config.SLACK_BOT_TOKEN
        ? createSlackNotifier({ token: config.SLACK_BOT_TOKEN, ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}), proxy: config.proxy, logger, ...(chart ? { chart } : {}) })
        : createTerminalNotifier(write, { choices });
    const dispatcher = createDispatcher({
      outbox,
      notifier,
      clock,
      owner: `${hostname()}:${process.pid}`,
      // Slack allows about one message per second per channel; the terminal has no such limit.
      ...(mode === 'shell' ? { minIntervalPerChannelMs: 0 } : {}),
      // Teams counts per conversation in sliding windows (7/1 s, 8/2 s, 60/30 s, 1,800/h).
      ...(teams ? { pacer: teams.pacer } : {}),
      onEvent: (event) => (event.kind === 'error' || event.kind === 'failed' ? logger.warn(event, 'outbox delivery') : logger.info(event, 'outbox delivery')),
    });

    // Each stored plan has its own tick and digest, with its statuses and keys (issue 13).
    const reportRounds = createReportRoundStore(db);
    const reportEntries = createReportEntryStore(db);
    const planParts = (ref: PlanRef) => ({
      plans: { load: () => plans.loadKey(ref.key) },
      statuses: createStatusStore(db, async () => ref),
      digests: createDigestStore(db, ref.prefix),
      keyPrefix: ref.prefix,
      // The digest shows the plan's open report round: who has not answered.
      reportRound: (plan: Plan, date: LocalDate) => digestRoundFor({ rounds: reportRounds, entries: reportEntries, planKey: ref.key, timeZone }, plan, date),
      // Its first digests list what last year's plan of its series left open (issue 13).
      carryOver: { key: ref.key, plans, latestOf: (key: string) => createStatusStore(db, () => plans.scopeOf(key)).latest(), calendar, timeZone },
    });
    const roundTick = async (now: Date, ref: PlanRef, opening = false) => {
      const summary = await runRoundTick(
        now,
        {
          plans: { load: () => plans.loadKey(ref.key) },
          planKey: ref.key,
          rounds: reportRounds,
          entries: reportEntries,
          outbox,
          directory: directoryForPlan(directory.current(), ref.key),
          calendar,
          timeZone,
          reminderTime: config.REMINDER_TIME,
          lang,
          keyPrefix: ref.prefix,
        },
        { opening },
      );
      logger.info({ plan: ref.key, ...summary }, 'report round tick');
      return summary;
    };
    const tick = async (now: Date): Promise<TickSummary> => {
      const summary = await tickEveryPlan(await plans.list(), async (ref) => {
        const one = await runReminderTick(now, {
          ...planParts(ref),
          // Its buttons record on this plan, whichever is the default when they are clicked.
          planKey: ref.key,
          outbox,
          // The plan's own coordinator channel, when the directory names one (`plans:` under coordinator).
          directory: directoryForPlan(directory.current(), ref.key),
          calendar,
          policy,
          timeZone,
          reminderTime: config.REMINDER_TIME,
          lang,
          catchUpBusinessDays: config.REMINDER_CATCHUP_BUSINESS_DAYS,
        });
        logger.info({ plan: ref.key, ...one }, 'reminder tick');
        // The plan's open report round: its requests and reminders, on the same business-day rules.
        const rounds = await roundTick(now, ref);
        return { ...one, messages: one.messages + rounds.messages };
      });
      return summary ?? { today: wallClock(now, timeZone).date, outcome: 'no_plan', messages: 0, reminders: 0, missed: 0, skipped: 0 };
    };
    const digestDeps = { plans, statuses, digests, calendar, policy, timeZone, schedule: digestSchedule, lang };
    // `/plan digest [post]` of one plan: its statuses, its ledger, its coordinator channel.
    const digestOf = (ref: PlanRef) =>
      bindDigestCommands({ ...digestDeps, ...planParts(ref), directory: () => directoryForPlan(directory.current(), ref.key), onPosted: () => dispatcher.wake() });
    const weeklyDigest = async (now: Date) => {
      const result = await postEveryPlanDigest(await plans.list(), async (ref) => {
        const one = await postDigest(now, { ...digestDeps, ...planParts(ref), directory: directoryForPlan(directory.current(), ref.key) });
        logger.info({ plan: ref.key, ...(one.ok ? one.value : { problem: one.error }) }, 'weekly digest');
        return one;
      });
      return result ?? postDigest(now, { ...digestDeps, directory: directory.current() });
    };
    // The dashboard (issue 15 §3), beside whichever chat adapter runs: off unless DASHBOARD_PORT is set.
    const dashboardSettings = dashboardSettingsOf(config);
    const access = dashboardSettings ? dashboardAccess(db, dashboardSettings) : null;
    const commands: Omit<CommandDeps, 'members'> = {
      plans,
      statuses,
      directory,
      prefs: createUserPrefsStore(db),
      calendar,
      clock,
      timeZone,
      defaultLang: lang,
      // `/plan report …` speaks for the default plan, as every command does.
      reportRounds: {
        rounds: createReportRoundStore(db),
        entries: createReportEntryStore(db),
        planKey: async () => (await plans.scopeOf())?.key ?? null,
        // The round's requests go out as it opens; a failure here is the next tick's to mend (the keys say what went out).
        onOpened: async (planKey, now) => {
          const ref = (await plans.list()).find((plan) => plan.key === planKey);
          if (!ref) return;
          try {
            if ((await roundTick(now, ref, true)).messages > 0) dispatcher.wake();
          } catch (error) {
            logger.error({ err: error, plan: planKey }, 'report round requests not enqueued');
          }
        },
      },
      // `/plan digest post` enqueues; the dispatcher is woken (Slack) or run after the command (shell).
      digest: defaultPlanDigest(plans, digestOf),
      // `/plan export`: the default plan's workbook; each platform hands it over its own way (files, below and in the Slack app).
      reports: createReportFiles(
        createReportSources(db, { calendar, policy, timeZone, rounds: createReportRoundStore(db), entries: createReportEntryStore(db) }),
        () => plans.scopeOf(),
      ),
      // Teams: the dashboard's download through the asker's own link when the dashboard runs, else the CLI.
      ...(teams
        ? {
            files: createTeamsFileDelivery(
              access
                ? async (userId) => {
                    const scope = await plans.scopeOf();
                    return scope ? `${access.personal(userId, clock.now()).url}p/${encodeURIComponent(scope.key)}/report.xlsx` : null;
                  }
                : null,
            ),
          }
        : {}),
      ...(access ? { dashboard: access } : {}),
      // `/plan status --year 2020`, `--plan KEY`: any stored plan, with its own statuses and digest (issue 13).
      shelf: {
        list: () => plans.list(),
        open: (key) => ({
          plans: { load: () => plans.loadKey(key) },
          statuses: logStatusAppends(createStatusStore(db, () => plans.scopeOf(key)), logger),
          digest: keyedPlanDigest(plans, key, digestOf),
        }),
      },
    };
    if (dashboardSettings && access) {
      const settings = { calendar, policy, timeZone };
      const workbook = dashboardWorkbook(db, settings, lang);
      dashboard = await startDashboard(db, { plans, directory: () => directory.current(), access, settings, clock, lang, logger, workbook }, dashboardSettings);
      write(translator(lang)('web.start.listening', { url: dashboardSettings.baseUrl, port: dashboard.port }));
    }
    const runningDashboard = dashboard;
    const stopDashboard = async () => {
      await runningDashboard?.stop();
    };

    // What a person starting the bot must know at once: a plan that is over, days of downtime not caught up.
    const notes = await startNotes(plan, config, clock, calendar, outbox, (await plans.scopeOf())?.prefix ?? '');

    if (mode === 'slack' || teams) {
      write(translator(lang)('start.banner', { mode, plan: plan.title, database: redactUrl(config.DATABASE_URL), directory: config.SHINCHOKU_DIRECTORY }));
      for (const line of notes) write(line);
      const parts = { commands, dispatcher, clock, logger, tick, weeklyDigest, digestTime: digestSchedule.time };
      const running = teams ? await runChat(config, parts, 'teams', () => startTeams(teams, commands, lang, outbox)) : await runChat(config, parts, 'slack', () => startChatApp(config, commands, logger));
      return {
        mode,
        slackPort: teams ? null : running.port,
        teamsPort: teams ? running.port : null,
        dashboardPort: dashboard?.port ?? null,
        ended: new Promise<void>(() => {}),
        async stop() {
          await stopDashboard();
          await running.stop();
          await closeDatabase(db);
          logger.info('stopped');
        },
      };
    }

    const shell = await startShell({
      // The terminal is nobody's channel: membership grants nothing there.
      commands: { ...commands, members: { membersOf: async () => new Set<string>() }, files: createShellFileDelivery() },
      // As on the scheduler: a failed run is reported, and the next one tries again.
      jobs: {
        tick: (now) => tick(now).then(
          () => undefined,
          (error: unknown) => logger.error({ err: error }, 'reminder tick failed'),
        ),
        digest: (now) => weeklyDigest(now).then(
          () => undefined,
          (error: unknown) => logger.error({ err: error }, 'weekly digest failed'),
        ),
      },
      dispatcher,
      choices,
      clock,
      calendar,
      timeZone,
      reminderTime: config.REMINDER_TIME,
      digestTime: digestSchedule.time,
      planCoordinator: plan.coordinator,
      banner: {
        lang,
        planTitle: plan.title,
        fiscalYear: plan.fiscalYear,
        milestones: listMilestones(plan).length,
        importedFrom,
        database: redactUrl(config.DATABASE_URL),
        directoryFile: config.SHINCHOKU_DIRECTORY,
        directoryFound: existsSync(config.SHINCHOKU_DIRECTORY),
        clockSet: start !== undefined,
        timeZone,
        reminderTime: config.REMINDER_TIME,
        notes,
      },
      ...terminalParts(terminal),
      write,
      onError: (error, context) => {
        logger.error({ err: error, line: context }, 'shell line failed');
        write(`! ${translator(lang)('plan.problem.internal')}\n`);
      },
    });
    logger.info({ mode, now: clock.now().toISOString() }, 'started');
    return {
      mode,
      slackPort: null,
      teamsPort: null,
      dashboardPort: dashboard?.port ?? null,
      ended: shell.ended,
      async stop() {
        await stopDashboard();
        await shell.stop();
        await dispatcher.stop();
        await closeDatabase(db);
        logger.info('stopped');
      },
    };
  } catch (error) {
    await dashboard?.stop();
    await closeDatabase(db);
    throw error;
  }
}

/**
 * LOG_LEVEL when set. Otherwise `info` for a bot on Slack (a service whose
 * logs go to journald or a file), and `warn` for the shell: whether it is
 * typed at a terminal or piped from a script, its logs would land in the
 * same screen or transcript as the conversation, and the shell prints what
 * happened anyway. Only warnings and errors interrupt it.
 */
function logLevel(config: Config, mode: BotMode): string {
  if (config.LOG_LEVEL) return config.LOG_LEVEL;
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return mode === 'shell' ? 'warn' : 'info';
}

function terminalParts(terminal: ShellTerminal): Pick<Parameters<typeof startShell>[0], 'input' | 'output' | 'interactive' | 'echo'> {
  return {
    ...(terminal.input ? { input: terminal.input } : {}),
    ...(terminal.output ? { output: terminal.output } : {}),
    interactive: terminal.interactive ?? false,
    echo: terminal.echo ?? false,
  };
}

/** The DigestCommands of the plan stored under `key` (`/plan digest --plan KEY`). */
function keyedPlanDigest(plans: PlanStore, key: string, bind: (ref: PlanRef) => DigestCommands): DigestCommands {
  const bound = async () => {
    const ref = (await plans.list()).find((stored) => stored.key === key);
    return bind(ref ?? { key, prefix: '' });
  };
  return {
    preview: async (now, lang) => (await bound()).preview(now, lang),
    post: async (now, replace) => (await bound()).post(now, replace),
  };
}

/** The DigestCommands of the default plan, bound afresh at each call: an import may change which plan that is. */
function defaultPlanDigest(plans: PlanStore, bind: (ref: PlanRef) => DigestCommands): DigestCommands {
  const current = async () => {
    const ref = await plans.scopeOf();
    return bind(ref ?? { key: '', prefix: '' });
  };
  return {
    preview: async (now, lang) => (await current()).preview(now, lang),
    post: async (now, replace) => (await current()).post(now, replace),
  };
}

/**
 * The lines a start begins with (issue 12): the demo's own database, the
 * default plan's period being over, and downtime longer than the catch-up
 * window. Read without writing anything.
 */
async function startNotes(plan: Plan, config: Config, clock: Clock, calendar: BusinessCalendar, outbox: ReminderOutbox, prefix: string): Promise<string[]> {
  const t = translator(config.SHINCHOKU_LANG);
  const notes: string[] = [];
  if (config.DATABASE_URL === DEMO_DATABASE) notes.push(t('plans.demo.database', { path: DEMO_DATABASE }));
  const today = wallClock(clock.now(), config.SHINCHOKU_TIMEZONE).date;
  const period = planPeriodOf(plan.fiscalYear);
  if (compareLocalDates(today, period.end) > 0) {
    notes.push(t('plans.start.periodOver', { title: plan.title, end: period.end }));
    return notes;
  }
  const lastDay = await lastTickDay(outbox, `${prefix}${REMINDER_TICK}`, clock.now());
  if (lastDay && compareLocalDates(lastDay, today) < 0) {
    let days = 0;
    for (let d = addDays(lastDay, 1); compareLocalDates(d, today) < 0; d = addDays(d, 1)) if (calendar.isBusinessDay(d)) days++;
    if (days > config.REMINDER_CATCHUP_BUSINESS_DAYS) notes.push(t('plans.start.downtime', { lastDay, days, window: config.REMINDER_CATCHUP_BUSINESS_DAYS }));
  }
  return notes;
}

/** The last day the reminder tick handled, read in a transaction that changes nothing. */
async function lastTickDay(outbox: ReminderOutbox, name: string, now: Date): Promise<LocalDate | null> {
  return outbox.tickTransaction(name, now, async (tx) => tx.lastDay);
}

/** The stored plan, or SHINCHOKU_PLAN imported into an empty database (then `importedFrom` names it). */
async function ensurePlan(plans: PlanStore, config: Config, clock: Clock, logger: Logger): Promise<{ plan: Plan; importedFrom: string | null }> {
  const stored = await plans.load();
  if (stored) return { plan: stored, importedFrom: null };
  const source = await readPlanSource(config.SHINCHOKU_PLAN, config.SHINCHOKU_LANG);
  if (!source.ok) throw new StartupError(source.error);
  await plans.save(source.value, config.SHINCHOKU_PLAN, clock.now().toISOString());
  logger.info({ plan: config.SHINCHOKU_PLAN, warnings: source.value.warnings.length }, 'imported the plan into an empty database');
  return { plan: source.value, importedFrom: config.SHINCHOKU_PLAN };
}

interface SlackParts {
  commands: Omit<CommandDeps, 'members'>;
  dispatcher: Dispatcher;
  clock: Clock;
  logger: Logger;
  tick: Parameters<typeof startScheduler>[0]['tick'];
  weeklyDigest: Parameters<typeof startDigestScheduler>[0]['post'];
  digestTime: string;
}

/** Teams when TEAMS_APP_ID is set (loadConfig refuses it together with Slack), else Slack when set, else the shell. */
function modeOf(config: Config): BotMode {
  if (teamsSettingsOf(config)) return 'teams';
  return slackModeOf(config).kind === 'none' ? 'shell' : 'slack';
}

/** The chat app of either platform, as runChat starts it. */
interface ChatApp {
  port: number | null;
  stop(): Promise<void>;
}

/**
 * Slack or Teams (SPEC §7): the app for commands, buttons and forms, then
 * the daily reminder tick and digest check on node-cron, each run once at
 * start (the catch-up after a restart).
 */
async function runChat(config: Config, parts: SlackParts, mode: 'slack' | 'teams', startApp: () => Promise<ChatApp>): Promise<{ port: number | null; stop(): Promise<void> }> {
  const { dispatcher, clock, logger } = parts;
  // Commands, buttons and the App Home start before the schedules, so a bad token stops the start cleanly.
  const slack = await startApp();
  const scheduler = await startScheduler({
    tick: parts.tick,
    dispatcher,
    clock,
    reminderTime: config.REMINDER_TIME,
    timeZone: config.SHINCHOKU_TIMEZONE,
    onError: (error) => logger.error({ err: error }, 'reminder tick failed'),
  });
  // The weekly digest (SPEC §6) goes out through the same outbox and dispatcher.
  const digestScheduler = await startDigestScheduler({
    post: parts.weeklyDigest,
    dispatcher,
    clock,
    time: parts.digestTime,
    timeZone: config.SHINCHOKU_TIMEZONE,
    onError: (error) => logger.error({ err: error }, 'weekly digest failed'),
  });
  logger.info({ mode, port: slack.port, nextTick: scheduler.nextRun()?.toISOString(), nextDigestCheck: digestScheduler.nextRun()?.toISOString() }, 'started');
  return {
    port: slack.port,
    async stop() {
      await slack.stop();
      await digestScheduler.stop();
      // Stops the dispatcher too, after the message in flight.
      await scheduler.stop();
    },
  };
}

/** The Slack app for `/plan`, buttons, modals and the App Home. */
async function startChatApp(config: Config, commands: Omit<CommandDeps, 'members'>, logger: Logger): Promise<RunningSlackApp> {
  const mode = slackModeOf(config);
  if (mode.kind === 'none') throw new Error('startChatApp needs Slack settings');
  const started = await startSlackApp({
    botToken: mode.botToken,
    mode: mode.kind === 'socket' ? { kind: 'socket', appToken: mode.appToken } : { kind: 'http', signingSecret: mode.signingSecret, port: mode.port },
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    proxy: config.proxy,
    deps: commands,
    channelLang: config.SHINCHOKU_LANG,
    logger,
  });
  if (!started.ok) throw new StartupError(started.error);
  return started.value;
}

/** The Teams app (issue 14): /api/messages on PORT, commands, cards, installs. */
async function startTeams(teams: TeamsParts, commands: Omit<CommandDeps, 'members'>, lang: Lang, outbox: Pick<OutboxAdmin, 'byKey'>): Promise<ChatApp> {
  const started = await teams.start(commands, lang, outbox);
  if (!started.ok) throw new StartupError(started.error);
  return started.value;
}
