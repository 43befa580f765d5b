/**
 * The shell adapter as the composition root starts it (SPEC §7: no Slack
 * settings): the banner, the start-up catch-up (one tick and one digest
 * check, as the scheduler does at start), then the line loop. Everything it
 * runs is handed in already bound: the same use cases, outbox and dispatcher
 * the Slack bot runs, with the terminal as the chat platform.
 */
import type { CommandDeps } from '../../app/commands/ports.ts';
import type { Dispatcher } from '../../app/dispatch-outbox.ts';
import type { BusinessCalendar } from '../../domain/calendar.ts';
import type { AdjustableClock } from '../clock/adjustable-clock.ts';
import type { ReminderChoices } from './reminder-choices.ts';
import { renderBannerText, type BannerFacts } from './render-banner-text.ts';
import { startShellLoop, type RunningShellLoop } from './shell-loop.ts';
import { createShellSession } from './shell-session.ts';
import { createShellTimeline } from './shell-timeline.ts';

export interface ShellAdapterOptions {
  commands: CommandDeps;
  /** The reminder tick and the digest check, bound; each reports its own outcome and failures. */
  jobs: { tick(now: Date): Promise<void>; digest(now: Date): Promise<void> };
  dispatcher: Pick<Dispatcher, 'runOnce'>;
  /** The numbers the terminal notifier gives reminder lines; `:reply` reads them back. */
  choices: ReminderChoices;
  clock: AdjustableClock;
  calendar: BusinessCalendar;
  timeZone: string;
  reminderTime: string;
  digestTime: string;
  planCoordinator: string | undefined;
  banner: Omit<BannerFacts, 'now'>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  interactive: boolean;
  echo: boolean;
  write(text: string): void;
  onError(error: unknown, context: string): void;
}

export async function startShell(options: ShellAdapterOptions): Promise<RunningShellLoop> {
  const dispatch = async () => {
    const summary = await options.dispatcher.runOnce();
    return summary.sent;
  };
  const timeline = createShellTimeline({
    clock: options.clock,
    jobs: { ...options.jobs, dispatch },
    reminderTime: options.reminderTime,
    digestTime: options.digestTime,
    timeZone: options.timeZone,
  });
  options.write(renderBannerText({ ...options.banner, now: options.clock.now() }));
  await timeline.start();
  const session = createShellSession({
    commands: options.commands,
    timeline,
    choices: options.choices,
    clock: options.clock,
    calendar: options.calendar,
    timeZone: options.timeZone,
    reminderTime: options.reminderTime,
    planCoordinator: options.planCoordinator,
    dispatch,
    write: options.write,
  });
  return startShellLoop({
    session,
    timeline,
    clock: options.clock,
    ...(options.input ? { input: options.input } : {}),
    ...(options.output ? { output: options.output } : {}),
    interactive: options.interactive,
    echo: options.echo,
    write: options.write,
    onError: (error, line) => options.onError(error, line),
    onTimerError: (error) => options.onError(error, 'clock'),
  });
}
