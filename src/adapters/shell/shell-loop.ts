/**
 * The shell adapter's loop: reads lines (a person at a terminal, or a piped
 * script), hands each to the session one at a time, and keeps the shell's
 * clock-driven jobs running between lines. A prompt is shown only when both
 * ends are a terminal, so piped output is exactly what the bot said. Ends on
 * end of input (Ctrl-D), Ctrl-C, or `:quit`.
 */
import { createInterface, type Interface } from 'node:readline';
import type { ShellSession } from './shell-session.ts';
import type { ShellTimeline } from './shell-timeline.ts';

export interface ShellLoopOptions {
  session: ShellSession;
  timeline: ShellTimeline;
  clock: { now(): Date };
  /** The lines to read; none: the shell only runs its clock and prints (tests, no terminal). */
  input?: NodeJS.ReadableStream;
  /** Where the prompt goes when interactive. */
  output?: NodeJS.WritableStream;
  /** Show a prompt and read with line editing: stdin and stdout are a terminal. */
  interactive: boolean;
  /** Print each line read after `> `, so a piped session reads as a transcript. */
  echo: boolean;
  write(text: string): void;
  /** Told about a line whose handling failed; the shell goes on with the next. */
  onError(error: unknown, line: string): void;
  /** Told about a failed clock-driven job run. */
  onTimerError(error: unknown): void;
}

export interface RunningShellLoop {
  /** Resolves when the shell ended by itself: end of input, Ctrl-C, or `:quit`. */
  ended: Promise<void>;
  /** Ends the shell after the line or job in progress. */
  stop(): Promise<void>;
}

// setTimeout takes at most 2^31-1 ms; the next job is never more than two days away anyway.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function startShellLoop(options: ShellLoopOptions): RunningShellLoop {
  const { session, timeline, clock } = options;
  // Lines and clock-driven jobs take turns, so output never interleaves.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const next = turn.then(work);
    turn = next.catch(() => undefined);
    return next;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let rl: Interface | undefined;
  const showPrompt = () => {
    if (rl && options.interactive && !stopped) {
      rl.setPrompt(session.prompt());
      rl.prompt(true);
    }
  };

  // The clock runs on at real speed: a job that falls due while nobody types runs when it is due.
  const arm = () => {
    clearTimeout(timer);
    if (stopped) return;
    const due = timeline.nextJobAt();
    timer = setTimeout(() => {
      void inTurn(async () => {
        const now = clock.now();
        await timeline.advanceTo(now > due ? now : due);
      })
        .catch(options.onTimerError)
        .finally(() => {
          arm();
          showPrompt();
        });
    }, Math.min(MAX_TIMER_MS, Math.max(0, due.getTime() - clock.now().getTime())));
    // The input keeps the process alive; the timer alone never should.
    timer.unref();
  };
  arm();

  let ended: Promise<void> = new Promise<void>(() => {});
  if (options.input) {
    const reader = createInterface({ input: options.input, output: options.interactive ? options.output : undefined, terminal: options.interactive });
    rl = reader;
    // Ctrl-C at the prompt ends the shell like Ctrl-D (readline otherwise only pauses).
    reader.on('SIGINT', () => reader.close());
    ended = (async () => {
      showPrompt();
      for await (const line of reader) {
        if (stopped) break;
        if (options.echo) options.write(`> ${line}\n`);
        const goOn = await inTurn(() => session.handle(line)).catch((error: unknown) => {
          options.onError(error, line);
          return true;
        });
        if (!goOn) break;
        arm();
        showPrompt();
      }
      reader.close();
    })();
  }

  return {
    ended,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      rl?.close();
      await turn;
    },
  };
}
