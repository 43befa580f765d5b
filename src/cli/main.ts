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
import { localizeHelp } from './localize-help.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';
import { answerFieldsOf, reportActionCommand, reportOpenCommand, type ReportAnswerOptions, type ReportOpenOptions } from './report.ts';
import { parseTypedTime, TYPED_TIME_FORMS } from '../domain/typed-time.ts';

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
    io.err(`${translate(env.SHINCHOKU_LANG === 'en' ? 'en' : 'ja', 'cli.errorPrefix')}${loaded.error.message}`);
    return 1;
  }
  const config = loaded.value;

  const t = translator(config.SHINCHOKU_LANG);

  const program = new Command()
    .name('shinchoku')
    .description(t('help.program'))
    .version(readVersion(), '-V, --version', translate(config.SHINCHOKU_LANG, 'deploy.versionOption'))
    .exitOverride()
    // commander's own error lines are English: say them from the catalogue instead (below).
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} });
  localizeHelp(program, t);

  program
    .command('import')
    .description(t('help.import'))
    .argument('<file>', t('help.import.file'))
    .option('--dry-run', t('help.import.dryRun'))
    .option('--json', t('help.import.json'))
    .option('--yaml', t('help.import.yaml'))
    .option('--key <key>', t('help.import.key'))
    .option('--apply', t('help.import.apply'))
    .action((file: string, options: ImportOptions) => importCommand(file, options, config, io, clock(config)));

  program
    .command('plan')
    .description(t('help.plan'))
    .option('--json', t('help.plan.json'))
    .option('--key <key>', t('help.plan.key'))
    .option('--year <year>', t('help.plan.year'))
    .option('--list', t('help.plan.list'))
    .action((options: PlanOptions) => planCommand(options, config, io, clock(config)));

  program
    .command('preview')
    .description(t('help.preview'))
    .option('--plan <file>', t('help.preview.plan'))
    .requiredOption('--from <date>', t('help.preview.from'))
    .requiredOption('--to <date>', t('help.preview.to'))
    .option('--json', t('help.preview.json'))
    .action((options: PreviewOptions) => previewCommand(options, config, io));

  const outbox = program
    .command('outbox')
    .description(t('help.outbox'))
    .option('--failed', t('help.outbox.failed'))
    .option('--json', t('help.outbox.json'))
    .action((options: OutboxListOptions) => outboxListCommand(options, config, io));
  outbox
    .command('retry')
    .description(t('help.outbox.retry'))
    .argument('<id>', t('help.outbox.retry.id'))
    .action((id: string) => outboxRetryCommand(id, config, io, clock(config)));

  program
    .command('doctor')
    .description(t('help.doctor'))
    .action(() => doctorCommand(config, io));

  program
    .command('digest')
    .description(t('help.digest'))
    .option('--date <date>', t('help.digest.date'))
    .option('--json', t('help.digest.json'))
    .action((options: DigestOptions) => digestCommand(options, config, io, clock(config)));

  const report = program.command('report').description(t('help.report'));
  const planOption = ['--plan <key>', t('help.report.plan')] as const;
  report
    .command('open')
    .description(t('help.report.open'))
    .requiredOption('--as-of <date>', t('help.report.asOf'))
    .requiredOption('--deadline <date>', t('help.report.deadline'))
    .option('--scale <grades>', t('help.report.scale'))
    .option(...planOption)
    .action((options: ReportOpenOptions) => reportOpenCommand(options, config, io, clock(config)));
  report
    .command('status')
    .description(t('help.report.status'))
    .option(...planOption)
    .action((options: { plan?: string }) => reportActionCommand({ op: 'status' }, config, io, clock(config), options.plan));
  report
    .command('answer')
    .description(t('help.report.answer'))
    .argument('<item>', t('help.report.item'))
    .option('--evaluation <grade>', t('help.report.evaluation'))
    .option('--achievement <text>', t('help.report.achievement'))
    .option('--issues <text>', t('help.report.issues'))
    .option('--next-steps <text>', t('help.report.nextSteps'))
    .option(...planOption)
    .action((item: string, options: ReportAnswerOptions) => reportActionCommand({ op: 'answer', itemId: item, fields: answerFieldsOf(options) }, config, io, clock(config), options.plan));
  report
    .command('return')
    .description(t('help.report.return'))
    .argument('<item>', t('help.report.item'))
    .requiredOption('--comment <text>', t('help.report.comment'))
    .option(...planOption)
    .action((item: string, options: { comment: string; plan?: string }) => reportActionCommand({ op: 'return', itemId: item, comment: options.comment }, config, io, clock(config), options.plan));
  report
    .command('close')
    .description(t('help.report.close'))
    .option(...planOption)
    .action((options: { plan?: string }) => reportActionCommand({ op: 'close' }, config, io, clock(config), options.plan));
  report
    .command('history')
    .description(t('help.report.history'))
    .argument('<item>', t('help.report.item'))
    .option(...planOption)
    .action((item: string, options: { plan?: string }) => reportActionCommand({ op: 'history', itemId: item }, config, io, clock(config), options.plan));

  program
    .command('export')
    .description(t('help.export'))
    .option('--xlsx <file>', t('help.export.xlsx'))
    .option('--csv <file>', t('help.export.csv'))
    .option('--date <date>', t('help.export.date'))
    .option('--round <id>', t('help.export.round'))
    .option('--plan <key>', t('help.export.plan'))
    .action((options: ExportOptions) => exportCommand(options, config, io, clock(config)));

  program
    .command('start')
    .description(t('help.start'))
    .option('--now <time>', t('help.start.now'))
    .option('--echo', t('help.start.echo'))
    .action((options: StartOptions & { now?: string }) => {
      if (options.now === undefined) return startCommand(config, io, options);
      // --now is SHINCHOKU_NOW given on the command line: the same check, the same meaning.
      if (parseTypedTime(options.now) === null) {
        const message = t('cli.badNow', { value: quotePrefix(options.now), forms: TYPED_TIME_FORMS });
        io.err(`${t('cli.errorPrefix')}${message}`);
        throw new CliFailure(message);
      }
      const withNow = loadConfig({ ...env, SHINCHOKU_NOW: options.now });
      if (!withNow.ok) {
        io.err(`${t('cli.errorPrefix')}--now ${quotePrefix(options.now)}: ${withNow.error.message}`);
        throw new CliFailure(withNow.error.message);
      }
      return startCommand(withNow.value, io, options);
    });

  program
    .command('backup')
    .description(t('help.backup'))
    .argument('<file>', t('help.backup.file'))
    .option('--force', t('help.backup.force'))
    .action((file: string, options: BackupOptions) => backupCommand(file, options, config, io));

  program
    .command('teams-package')
    .description(t('help.teamsPackage'))
    .argument('[file]', t('help.teamsPackage.file'), 'shinchoku-teams.zip')
    .option('--app-version <semver>', t('help.teamsPackage.appVersion'), '1.0.0')
    .option('--domain <host>', t('help.teamsPackage.domain'), (value: string, list: string[] = []) => [...list, value])
    .option('--website <url>', t('help.teamsPackage.website'))
    .action((file: string, options: TeamsPackageOptions) => teamsPackageCommand(file, options, config, io));

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) return 1;
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      io.err(`${t('cli.errorPrefix')}${explainCommanderError(error, t)}`);
      return 1;
    }
    // One line, never a stack trace; the stack only when asked for.
    io.err(`${t('cli.errorPrefix')}${explainUncaught(error, t)}`);
    if ((config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}
