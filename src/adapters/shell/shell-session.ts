/**
 * What the shell does with each line: `/plan …` through the same parser and
 * use cases as Slack (parseCommand, runCommand, recordStatus), rendered as
 * text; the `:` commands for who you play, the numbered replies to
 * reminders, and the clock. Output goes to `write` in the order it happens:
 * a reply, then whatever the dispatcher delivered because of it.
 */
import { instantOfTypedTime } from '../../domain/typed-time.ts';
import { parseCommand } from '../../app/commands/parse-command.ts';
import { findDivision, knownDivisions } from '../../app/commands/find-division.ts';
import type { CommandDeps } from '../../app/commands/ports.ts';
import { recordStatus } from '../../app/commands/record-status.ts';
import { problemReply, type Reply } from '../../app/commands/reply.ts';
import { runCommand } from '../../app/commands/run-command.ts';
import { languageOf } from '../../app/commands/set-language.ts';
import type { Command } from '../../app/commands/command.ts';
import type { BusinessCalendar } from '../../domain/calendar.ts';
import { compactText } from '../../domain/compact-text.ts';
import { instantAt, wallClock } from '../../domain/zoned-time.ts';
import { translator, type Lang, type Translate } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { problemLines } from '../../i18n/problem-lines.ts';
import type { AdjustableClock } from '../clock/adjustable-clock.ts';
import { parseShellLine, MAX_ADVANCE_DAYS, type ShellLine, type ShellProblem } from './parse-shell-line.ts';
import { choicesText, COMMENT_CHOICE, type ReminderChoices } from './reminder-choices.ts';
import { renderShellHelp } from './render-help-text.ts';
import { renderReplyText } from './render-reply-text.ts';
import { COORDINATOR_WORDS, GUEST, GUEST_WORDS, shellDirectoryStore, shellUserId, type ShellIdentity } from './shell-identity.ts';
import type { ShellTimeline } from './shell-timeline.ts';
import { quotePrefix } from '../../domain/quote-prefix.ts';

export interface ShellSessionDeps {
  /** The use cases' dependencies, with the real directory; the session shows them the `:as` overlay. */
  commands: CommandDeps;
  timeline: ShellTimeline;
  choices: ReminderChoices;
  clock: AdjustableClock;
  calendar: BusinessCalendar;
  timeZone: string;
  reminderTime: string;
  /** The plan's coordinator division, for `:as coordinator` without a directory file. */
  planCoordinator: string | undefined;
  /** Delivers what a command put in the outbox (`/plan digest post`); returns how many went out. */
  dispatch(): Promise<number>;
  write(text: string): void;
}

export interface ShellSession {
  /** Handles one line; resolves to false when the line asked to quit. */
  handle(line: string): Promise<boolean>;
  /** The prompt for the current role. */
  prompt(): string;
}

export function createShellSession(deps: ShellSessionDeps): ShellSession {
  let identity: ShellIdentity = GUEST;
  const commands: CommandDeps = {
    ...deps.commands,
    directory: shellDirectoryStore(deps.commands.directory, () => identity, () => deps.planCoordinator),
  };
  const print = (text: string) => deps.write(text.endsWith('\n') ? text : `${text}\n`);
  const userId = () => shellUserId(identity);
  const lang = () => languageOf(commands, userId());

  async function answer(reply: Reply, replyLang: Lang, change: boolean): Promise<void> {
    print(renderReplyText(reply, replyLang, { change }));
    // `/plan digest post` enqueued a message: deliver it now, after the confirmation.
    await deps.dispatch();
  }

  async function runPlan(text: string): Promise<void> {
    const parsed = parseCommand(escapeLikeSlack(text));
    const before = await lang();
    if (!parsed.ok) return answer(problemReply(parsed.error), before, false);
    const reply = await runCommand(commands, userId(), parsed.value, 'shell');
    // A language change answers in the language just chosen, as in Slack.
    await answer(reply, reply.kind === 'lang' ? reply.lang : before, isChange(parsed.value));
  }

  async function playAs(who: string | null, t: Translate): Promise<void> {
    if (who !== null) {
      const chosen = await identityFor(who);
      if (!chosen.ok) return print(chosen.error);
      identity = chosen.value;
    }
    print(describeIdentity(identity, t));
  }

  async function identityFor(who: string): Promise<{ ok: true; value: ShellIdentity } | { ok: false; error: string }> {
    const word = who.normalize('NFKC').trim().toLowerCase();
    if (GUEST_WORDS.has(word)) return { ok: true, value: GUEST };
    const directory = deps.commands.directory.current();
    const coordinatorDivision = directory.coordinator?.division ?? deps.planCoordinator;
    if (COORDINATOR_WORDS.has(word) || (coordinatorDivision !== undefined && compactText(who) === compactText(coordinatorDivision))) {
      return { ok: true, value: { kind: 'coordinator' } };
    }
    const plan = await commands.plans.load();
    const t = translator(await lang());
    if (!plan) return { ok: false, error: `! ${t('plan.problem.no_plan')}` };
    const found = findDivision(who, knownDivisions(plan, directory));
    if (!found.ok) return { ok: false, error: problemLines(found.error, await lang(), t).map((line, i) => (i === 0 ? `! ${line}` : `  ${line}`)).join('\n') };
    return { ok: true, value: { kind: 'division', division: found.value } };
  }

  function describeIdentity(who: ShellIdentity, t: Translate): string {
    const user = shellUserId(who);
    if (who.kind === 'guest') return t('shell.as.guest', { user });
    if (who.kind === 'coordinator') return t('shell.as.coordinator', { division: deps.commands.directory.current().coordinator?.division ?? deps.planCoordinator ?? '', user });
    return t('shell.as.division', { division: who.division, user });
  }

  async function reply(line: Extract<ShellLine, { kind: 'reply' }>, t: Translate): Promise<void> {
    const target = deps.choices.target(line.line);
    if (target === undefined) return print(`! ${t('shell.reply.unknownLine', { line: line.line })}`);
    if (line.choice.kind === 'comment' && line.comment === undefined) return print(`! ${t('shell.reply.commentRequired', { line: line.line, choice: COMMENT_CHOICE })}`);
    const recorded = await recordStatus(commands, {
      userId: userId(),
      via: 'shell',
      milestoneId: target.milestoneId,
      checkpoint: target.checkpoint,
      status: line.choice.kind === 'status' ? line.choice.status : 'keep',
      comment: line.comment,
      revisedDue: null,
      // The plan the numbered line was shown for, whichever is the default now (issue 13).
      plan: target.plan,
    });
    await answer(recorded.ok ? recorded.value : problemReply(recorded.error), await lang(), true);
  }

  async function moveClockTo(target: Date, t: Translate, userLang: Lang): Promise<void> {
    const delivered = await deps.timeline.advanceTo(target);
    print(t('shell.clock.moved', { time: clockText(deps.clock.now(), userLang), count: delivered }));
  }

  function clockText(instant: Date, userLang: Lang): string {
    const { date, time } = wallClock(instant, deps.timeZone);
    return `${formatDate(date, userLang)} ${time}`;
  }

  /** The next time reminders go out: today's reminder time if it is still ahead on a business day, else the next business day's. */
  function nextReminderTime(): Date {
    const { date, time } = wallClock(deps.clock.now(), deps.timeZone);
    const day = deps.calendar.isBusinessDay(date) && time < deps.reminderTime ? date : deps.calendar.nextBusinessDay(date);
    return instantAt(day, deps.reminderTime, deps.timeZone);
  }

  return {
    prompt() {
      const name = identity.kind === 'division' ? identity.division : identity.kind;
      return `${name}> `;
    },
    async handle(text) {
      const line = parseShellLine(text);
      const userLang = await lang();
      const t = translator(userLang);
      switch (line.kind) {
        case 'empty':
          return true;
        case 'quit':
          return false;
        case 'plan':
          await runPlan(line.text);
          return true;
        case 'as':
          await playAs(line.who, t);
          return true;
        case 'reply':
          await reply(line, t);
          return true;
        case 'next':
          await moveClockTo(nextReminderTime(), t, userLang);
          return true;
        case 'advance':
          await moveClockTo(new Date(deps.clock.now().getTime() + line.ms), t, userLang);
          return true;
        case 'now': {
          if (line.to === null) {
            print(t('shell.clock.now', { time: clockText(deps.clock.now(), userLang) }));
            return true;
          }
          const target = instantOfTypedTime(line.to, deps.timeZone);
          if (target <= deps.clock.now()) print(`! ${t('shell.clock.past', { now: clockText(deps.clock.now(), userLang) })}`);
          else await moveClockTo(target, t, userLang);
          return true;
        }
        case 'help':
          print(renderShellHelp(userLang, t));
          return true;
        case 'problem':
          print(`! ${shellProblemText(line.problem, userLang, t)}`);
          return true;
      }
    },
  };
}

/** Commands that change something: a refusal then says that nothing was changed (as in Slack). */
function isChange(command: Command): boolean {
  if (command.kind === 'update' || command.kind === 'due') return true;
  return command.kind === 'owner' && (command.channel !== null || command.users !== null || command.channelMembers !== null);
}

/**
 * Slack sends what a user typed with `&`, `<` and `>` escaped (the manifest's
 * should_escape); the shell does the same, so the shared parser reads a
 * comment such as `a<b & c` exactly as Slack would deliver it.
 */
function escapeLikeSlack(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

function shellProblemText(problem: ShellProblem, lang: Lang, t: Translate): string {
  switch (problem.code) {
    case 'unknown_shell_command':
      return t('shell.problem.unknownCommand', { word: quotePrefix(problem.word) });
    case 'bad_reply':
      return t('shell.problem.badReply', { choices: choicesText(lang) });
    case 'bad_duration':
      return t('shell.problem.badDuration', { word: quotePrefix(problem.word) });
    case 'too_far':
      return t('shell.problem.tooFar', { days: MAX_ADVANCE_DAYS });
    case 'bad_time':
      return t('shell.problem.badTime', { word: quotePrefix(problem.word) });
  }
}
