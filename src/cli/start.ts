// `shinchoku start` (npm start): runs the bot until SIGINT or SIGTERM.
import type { Config } from '../config.ts';
import { startBot, StartupError } from '../main.ts';
import { CliFailure, type CliIo } from './io.ts';

export async function startCommand(config: Config, io: CliIo): Promise<void> {
  let bot;
  try {
    bot = await startBot(config, io.out);
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    io.err(`error: ${error.message}`);
    throw new CliFailure(error.message);
  }
  const running = bot;
  await new Promise<void>((resolve) => {
    // Stopping finishes the message in flight, then closes the database.
    const stop = () => void running.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
