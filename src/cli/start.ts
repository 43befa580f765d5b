// `shinchoku start` (npm start): runs the bot until SIGINT or SIGTERM, or,
// in the shell, until its input ends (Ctrl-D, or the end of a piped script).
import type { Config } from '../config.ts';
import { startBot, StartupError } from '../main.ts';
import { CliFailure, type CliIo } from './io.ts';
import { translate } from '../i18n/catalog.ts';

export interface StartOptions {
  /** Print each line the shell reads, so a piped session reads as a transcript. */
  echo?: boolean;
}

export async function startCommand(config: Config, io: CliIo, options: StartOptions = {}): Promise<void> {
  let bot;
  try {
    bot = await startBot(config, io.out, {
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
      echo: options.echo === true,
    });
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    io.err(`${translate(config.SHINCHOKU_LANG, 'cli.errorPrefix')}${error.message}`);
    throw new CliFailure(error.message);
  }
  const running = bot;
  await new Promise<void>((resolve) => {
    let stopping = false;
    // Stopping finishes the line or message in flight, then closes the database.
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void running.stop().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void running.ended.then(stop);
  });
  // A shell that ended leaves stdin open when it was a terminal; let the process end.
  process.stdin.pause();
}
