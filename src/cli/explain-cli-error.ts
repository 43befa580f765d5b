// The one line a person reads when the command line itself was wrong
// (commander's own errors) or a command failed in a way no command
// handles: the database out of reach, or a fault of ours. Worded in the
// catalogue, in SHINCHOKU_LANG; never a stack trace.
import type { CommanderError } from 'commander';
import { DatabaseUnavailableError } from '../adapters/db/connect.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';
import type { Translate } from '../i18n/catalog.ts';

/**
 * commander's error, in the catalogue's words. commander puts the offending
 * flag or word between single quotes in its English message, and a
 * suggestion in `(Did you mean …?)`; both are quoted back, shortened.
 */
export function explainCommanderError(error: CommanderError, t: Translate): string {
  const quoted = quotePrefix(/'([^']*)'/u.exec(error.message)?.[1] ?? '');
  const suggestion = /\(Did you mean (.+?)\?\)/u.exec(error.message)?.[1];
  const hint = suggestion === undefined ? t('net.cliSeeHelp') : `${t('net.cliDidYouMean', { suggestion: quotePrefix(suggestion) })} ${t('net.cliSeeHelp')}`;
  switch (error.code) {
    case 'commander.unknownCommand':
      return `${t('net.cliUnknownCommand', { command: quoted })} ${hint}`;
    case 'commander.unknownOption':
      return `${t('net.cliUnknownOption', { option: quoted })} ${hint}`;
    case 'commander.missingArgument':
      return `${t('net.cliMissingArgument', { argument: quoted })} ${hint}`;
    case 'commander.optionMissingArgument':
      return `${t('net.cliOptionMissingArgument', { option: quoted })} ${hint}`;
    case 'commander.missingMandatoryOptionValue':
      return `${t('net.cliMissingOption', { option: quoted })} ${hint}`;
    case 'commander.excessArguments':
      return `${t('net.cliExcessArguments')} ${hint}`;
    case 'commander.conflictingOption':
      return `${t('net.cliConflictingOptions')} ${hint}`;
    default:
      return `${t('net.cliUsageError')} ${hint}`;
  }
}

/** A failure that reached the top of the CLI: the database out of reach, or anything unforeseen. */
export function explainUncaught(error: unknown, t: Translate): string {
  if (error instanceof DatabaseUnavailableError) {
    const fix = error.kind === 'PostgreSQL' ? t('doctor.fixPostgres') : t('doctor.fixSqlite');
    return `${t('net.databaseUnavailable', { kind: error.kind, where: error.where, reason: error.reason })} → ${fix}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('net.unexpected', { message: quotePrefix(message.split('\n')[0] ?? '', 200) });
}
