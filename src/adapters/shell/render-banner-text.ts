/**
 * The first lines the shell prints (issue 7): which mode it runs in and why,
 * which plan, which database and directory, what the clock says, and how to
 * switch to Slack; then where to find help.
 */
import { instantAt, wallClock } from '../../domain/zoned-time.ts';
import { translator, type Lang } from '../../i18n/catalog.ts';
import { formatDate } from '../../i18n/format-date.ts';

export interface BannerFacts {
  lang: Lang;
  planTitle: string;
  fiscalYear: number;
  milestones: number;
  /** The plan file imported into an empty database at this start, if one was. */
  importedFrom: string | null;
  /** DATABASE_URL without its password. */
  database: string;
  directoryFile: string;
  /** False when the directory file does not exist (every division unmapped). */
  directoryFound: boolean;
  now: Date;
  /** True when the clock was set with --now or SHINCHOKU_NOW. */
  clockSet: boolean;
  timeZone: string;
  reminderTime: string;
  /** Lines the start must say at once: the demo's own database, a plan that is over, downtime not caught up. */
  notes?: readonly string[];
}

export function renderBannerText(facts: BannerFacts): string {
  const t = translator(facts.lang);
  const { date, time } = wallClock(facts.now, facts.timeZone);
  const lines = [
    `shinchoku — ${t('shell.banner.mode')}`,
    t('shell.banner.plan', { title: facts.planTitle, fiscalYear: facts.fiscalYear, milestones: facts.milestones }),
    ...(facts.importedFrom === null ? [] : [`  ${t('shell.banner.imported', { file: facts.importedFrom })}`]),
    t('shell.banner.database', { database: facts.database }),
    t(facts.directoryFound ? 'shell.banner.directory' : 'shell.banner.noDirectory', { file: facts.directoryFile }),
    t(facts.clockSet ? 'shell.banner.clockSet' : 'shell.banner.clockReal', { time: `${formatDate(date, facts.lang)} ${time}` }),
  ];
  // A plan speaks for April of its year to April of the next (overdue reminders end then); outside, nothing happens.
  const from = instantAt(`${facts.fiscalYear}-04-01`, '00:00', facts.timeZone);
  const until = instantAt(`${facts.fiscalYear + 1}-05-01`, '00:00', facts.timeZone);
  if (facts.now < from || facts.now >= until) {
    lines.push(`  ${t('shell.banner.outsidePlan', { fiscalYear: facts.fiscalYear, example: `${facts.fiscalYear}-07-22T${facts.reminderTime}` })}`);
  }
  for (const note of facts.notes ?? []) lines.push(`  ${note}`);
  // A blank line between the banner and the reminders the start-up catch-up prints.
  lines.push(t('shell.banner.slack'), t('shell.banner.help'), '', '');
  return lines.join('\n');
}
