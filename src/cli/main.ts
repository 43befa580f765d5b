// The `shinchoku` command line: one file per sub-command, wired here.
import { Command, CommanderError } from 'commander';
import { loadConfig, startTimeOf, type Config } from '../config.ts';
import { CliFailure, processIo, type CliIo } from './io.ts';
import { digestCommand, type DigestOptions } from './digest.ts';
import { exportCommand, type ExportOptions } from './export.ts';
import { importCommand, type ImportOptions } from './import.ts';
import { outboxListCommand, outboxRetryCommand, type OutboxListOptions } from './outbox.ts';
import { planCommand, type PlanOptions } from './plan.ts';
import { previewCommand, type PreviewOptions } from './preview.ts';
import { startCommand, type StartOptions } from './start.ts';
import { backupCommand, type BackupOptions } from './backup.ts';
import { doctorCommand } from './doctor.ts';
import { translate, translator } from '../i18n/catalog.ts';
import { explainCommanderError, explainUncaught } from './explain-cli-error.ts';
import { teamsPackageCommand, type TeamsPackageOptions } from './teams-package.ts';
import { readVersion } from './read-version.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';

/** The current time: SHINCHOKU_NOW when set (shell runs, simulations), else the clock. */
function clock(config: Config): Date {
  return startTimeOf(config) ?? new Date();
}

/** Runs the CLI and returns the process exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env, io: CliIo = processIo): Promise<number> {
  // Answered before the settings are read: a broken .env must not hide which version is installed.
  if (argv[2] === '--version' || argv[2] === '-V') {
    io.out(translate(env.SHINCHOKU_LANG === 'en' ? 'en' : 'ja', 'deploy.version', { version: readVersion(), node: process.version }));
    return 0;
  }
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    if (argv[2] === 'doctor') {
      // The doctor still answers, with the settings as its failing check.
      const lang = env.SHINCHOKU_LANG === 'en' ? 'en' : 'ja';
      io.out(`✗ ${translate(lang, 'doctor.settingsFailed', { reason: loaded.error.problems.join('; ') })}\n    → ${translate(lang, 'doctor.fixSettings')}`);
      return 1;
    }
    io.err(`error: ${loaded.error.message}`);
    return 1;
  }
  const config = loaded.value;

  const t = translator(config.SHINCHOKU_LANG);

  const program = new Command()
    .name('shinchoku')
    .description('進捗 — keeps a reform plan on schedule')
    .version(readVersion(), '-V, --version', translate(config.SHINCHOKU_LANG, 'deploy.versionOption'))
    .exitOverride()
    // commander's own error lines are English: say them from the catalogue instead (below).
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });

  program
    .command('import')
    .description('read a plan (PDF text, YAML or JSON), review it, and store it')
    .argument('<file>', 'plan document')
    .option('--dry-run', 'show what would be stored and changed; write nothing')
    .option('--json', 'print the canonical plan JSON on stdout (the report goes to stderr)')
    .option('--yaml', 'print the canonical plan YAML on stdout, to correct by hand and re-import')
    .option('--key <key>', 'the plan to revise or create, e.g. gyokaku-2021 (default: the stored plan of the same fiscal year and title, else a new plan fyYYYY)')
    .action((file: string, options: ImportOptions) => importCommand(file, options, config, io, clock(config)));

  program
    .command('plan')
    .description('print the stored plan with due dates')
    .option('--json', 'print the canonical plan JSON')
    .option('--key <key>', 'the plan stored under this key (default: the current fiscal year\'s)')
    .option('--year <year>', 'the plan of this fiscal year, e.g. 2020')
    .option('--list', 'list the stored plans')
    .action((options: PlanOptions) => planCommand(options, config, io, clock(config)));

  program
    .command('preview')
    .description('print, day by day, every reminder that would be sent and to whom; sends nothing')
    .option('--plan <file>', 'preview this plan file (no statuses) instead of the stored plan')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--json', 'print one JSON array, one object per reminder')
    .action((options: PreviewOptions) => previewCommand(options, config, io));

  const outbox = program
    .command('outbox')
    .description('list the reminder messages delivered, waiting, or failed (failed ones stay until retried)')
    .option('--failed', 'only the messages that could not be delivered')
    .option('--json', 'print one JSON array, one object per message')
    .action((options: OutboxListOptions) => outboxListCommand(options, config, io));
  outbox
    .command('retry')
    .description('send a failed message again, to the channel the directory names now')
    .argument('<id>', 'message id, as shinchoku outbox lists it')
    .action((id: string) => outboxRetryCommand(id, config, io, clock(config)));

  program
    .command('doctor')
    .description('check the settings, database, plan, directory and Slack; print a fix for each problem')
    .action(() => doctorCommand(config, io));

  program
    .command('digest')
    .description('print the weekly digest of a day (today by default) without posting it')
    .option('--date <date>', 'the digest of this day, YYYY-MM-DD')
    .option('--json', 'print the digest model as JSON, every list whole')
    .action((options: DigestOptions) => digestCommand(options, config, io, clock(config)));

  program
    .command('export')
    .description('write the progress report (進捗管理表) as an Excel workbook and/or CSV')
    .option('--xlsx <file>', 'write the workbook here')
    .option('--csv <file>', 'write the main sheet as CSV (UTF-8 with BOM, for Excel)')
    .option('--date <date>', 'the report as of this day, YYYY-MM-DD (with the answers of a round of that date)')
    .option('--round <id>', 'the report of this report round (its plan and date)')
    .option('--plan <key>', "the plan stored under this key (default: the date's fiscal year's)")
    .action((options: ExportOptions) => exportCommand(options, config, io, clock(config)));

  program
    .command('start')
    .description('run the bot: Slack with SLACK_BOT_TOKEN, else the shell in this terminal (/plan at a prompt, :help)')
    .option('--now <time>', 'start the clock here, e.g. 2020-06-01T09:30 (as SHINCHOKU_NOW: wall-clock time in SHINCHOKU_TIMEZONE)')
    .option('--echo', 'shell: print each line read after "> ", so a piped session reads as a transcript')
    .action((options: StartOptions & { now?: string }) => {
      if (options.now === undefined) return startCommand(config, io, options);
      // --now is SHINCHOKU_NOW given on the command line: the same check, the same meaning.
      const withNow = loadConfig({ ...env, SHINCHOKU_NOW: options.now });
      if (!withNow.ok) {
        io.err(`error: --now ${quotePrefix(options.now)}: ${withNow.error.message}`);
        throw new CliFailure(withNow.error.message);
      }
      return startCommand(withNow.value, io, options);
    });

  program
    .command('backup')
    .description('copy the SQLite database to FILE while the bot runs (SQLite online backup); PostgreSQL: prints the pg_dump command')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite FILE if it exists')
    .action((file: string, options: BackupOptions) => backupCommand(file, options, config, io));

  program
    .command('teams-package')
    .description('write the Teams app package (manifest.json and icons, zipped) to upload to a team')
    .argument('[file]', 'where to write it', 'shinchoku-teams.zip')
    .option('--app-version <semver>', "the app's version; raise it for each upload of a changed package", '1.0.0')
    .option('--domain <host>', "the bot's host name (its messaging endpoint), repeatable", (value: string, list: string[] = []) => [...list, value])
    .option('--website <url>', "your organisation's https page, for the developer links")
    .action((file: string, options: TeamsPackageOptions) => teamsPackageCommand(file, options, config, io));

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) return 1;
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      io.err(`error: ${explainCommanderError(error, t)}`);
      return 1;
    }
    // One line, never a stack trace; the stack only when asked for.
    io.err(`error: ${explainUncaught(error, t)}`);
    if ((config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
