// `shinchoku preview [--plan FILE] --from YYYY-MM-DD --to YYYY-MM-DD [--json]`:
// every reminder the policy would send, day by day, without sending anything.
import type { Config } from '../config.ts';
import { reminderPolicyOf } from '../config.ts';
import { translator, type Translate } from '../i18n/catalog.ts';
import { readPlanSource } from '../import/read-plan-source.ts';
import { openDatabase, closeDatabase } from '../adapters/db/connect.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createStatusStore } from '../adapters/db/status-store.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import { listMilestones, type Plan } from '../domain/plan.ts';
import { remindersBetween, type StateLookup } from '../domain/reminder-policy.ts';
import { stateLookupOf } from '../domain/milestone-state.ts';
import type { Reminder } from '../domain/reminder.ts';
import { compareLocalDates, dayOfWeek } from '../domain/local-date.ts';
import type { LocalDate } from '../domain/plan.ts';
import { parseTypedDate } from '../domain/typed-time.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';
import { CliFailure, type CliIo } from './io.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.ts';
import { createReportEntryStore, createReportRoundStore } from '../adapters/db/report-store.ts';
import type { ReportEntry, ReportRound } from '../domain/report-round.ts';
import { roundItemsOf } from '../app/report/report-scope.ts';
import { roundNoticesBetween, type RoundNotice } from '../app/report/round-notices.ts';

export interface PreviewOptions {
  plan?: string;
  from: string;
  to: string;
  json?: boolean;
}

/** The plan and statuses to preview: a file (no statuses) or the database. */
async function loadSubject(options: PreviewOptions, config: Config, io: CliIo, t: Translate): Promise<{ plan: Plan; state: StateLookup; round: RoundSubject | null }> {
  const fail = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  if (options.plan) {
    const parsed = await readPlanSource(options.plan, config.SHINCHOKU_LANG);
    if (!parsed.ok) return fail(parsed.error.message);
    return { plan: parsed.value, state: () => undefined, round: null };
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    // The plan of the fiscal year the preview starts in (validated before this is called).
    const plans = createPlanStore(db, { today: () => options.from });
    const plan = await plans.load();
    if (!plan) return fail(t('cli.noStoredPlan', { database: config.DATABASE_URL }));
    const state = stateLookupOf(await createStatusStore(db, () => plans.scopeOf()).latest(), config.SHINCHOKU_TIMEZONE);
    return { plan, state, round: await loadRound(db, plan, await plans.scopeOf()) };
  } finally {
    await closeDatabase(db);
  }
}

/** The plan's open report round, its answers so far and the keys of its messages already sent. */
interface RoundSubject {
  round: ReportRound;
  latest: Map<string, ReportEntry>;
  recorded: Set<string>;
  prefix: string;
}

async function loadRound(db: Kysely<Database>, plan: Plan, scope: { key: string; prefix: string } | null): Promise<RoundSubject | null> {
  if (!scope) return null;
  const round = await createReportRoundStore(db).current(scope.key);
  if (!round) return null;
  const latest = await createReportEntryStore(db).latestByItem(round.id);
  const rows = await db.selectFrom('reminder_sent').select('key').where('key', 'like', `${scope.prefix}round|${round.id}|%`).execute();
  return { round, latest, recorded: new Set(rows.map((row) => row.key)), prefix: scope.prefix };
}

/** One object per milestone × checkpoint × division × day (the documented JSON shape). */
function toJson(r: Reminder, time: string) {
  return { date: r.date, time, kind: r.kind, milestoneId: r.milestoneId, checkpoint: r.checkpoint, due: r.due, division: r.division };
}

/** A report round's message as a row of its own: `kind` is `round.request`, `round.reminder`, … so a reminder's reader can tell them apart. */
function roundToJson({ day, notice }: { day: LocalDate; notice: RoundNotice }, time: string) {
  return { date: day, time, kind: `round.${notice.kind}`, division: notice.division, items: notice.items.map((item) => item.id), divisions: notice.divisions };
}

const WEEKDAYS = { ja: ['日', '月', '火', '水', '木', '金', '土'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };

export async function previewCommand(options: PreviewOptions, config: Config, io: CliIo): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const from = parseTypedDate(options.from);
  const to = parseTypedDate(options.to);
  if (from === null || to === null || from > to) {
    const message = t('preview.badRange', { from: quotePrefix(options.from), to: quotePrefix(options.to) });
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  }
  const { plan, state, round } = await loadSubject({ ...options, from, to }, config, io, t);
  const calendar = createJapaneseCalendar();
  const reminders = remindersBetween(from, to, {
    plan,
    calendar,
    policy: reminderPolicyOf(config),
    state,
  });
  // The open report round's messages, as the tick would send them if no answer came in meanwhile.
  const roundNotices = round
    ? roundNoticesBetween(
        from,
        to,
        { round: round.round, items: roundItemsOf(plan, new Map()), latest: round.latest, calendar, coordinatorDivision: plan.coordinator ?? '', prefix: round.prefix },
        round.recorded,
      )
    : [];
  const time = config.REMINDER_TIME;
  if (options.json) {
    // Day by day as the text lists them: each day's reminders, then the round's messages.
    const rows = [...reminders.map((r) => toJson(r, time)), ...roundNotices.map((n) => roundToJson(n, time))];
    rows.sort((a, b) => compareLocalDates(a.date, b.date));
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (reminders.length === 0 && roundNotices.length === 0) {
    io.out(t('preview.none'));
    return;
  }
  const titles = new Map(listMilestones(plan).map((m) => [m.milestone.id, m.milestone.title]));
  const lines: string[] = [];
  const days = [...new Set([...reminders.map((r) => r.date), ...roundNotices.map((n) => n.day)])].sort();
  for (const day of days) {
    lines.push('', t('preview.day', { date: day, weekday: WEEKDAYS[config.SHINCHOKU_LANG][dayOfWeek(day)]!, time }));
    for (const r of reminders.filter((reminder) => reminder.date === day)) {
      const due = r.due ? t('preview.dueOn', { date: r.due }) : '-';
      const title = (titles.get(r.milestoneId) ?? '') + (r.owner ? ` ${t('preview.escalationOf', { owner: r.owner })}` : '');
      const id = r.checkpoint ? `${r.milestoneId}@${r.checkpoint}` : r.milestoneId;
      lines.push(t('preview.line', { kind: t(`kind.${r.kind}`), id, division: r.division, due, title }));
    }
    for (const { notice } of roundNotices.filter((n) => n.day === day)) {
      const items = notice.kind === 'escalation' ? notice.divisions.map((d) => d.division).join('、') : notice.items.map((item) => item.id).join(' ');
      lines.push(t('reports.preview.line', { kind: t(`reports.kind.${notice.kind}`), division: notice.division, items }));
    }
  }
  if (reminders.length > 0) lines.push('', t('preview.total', { count: reminders.length, days: new Set(reminders.map((r) => r.date)).size }));
  if (round) lines.push(t('reports.preview.total', { asOf: round.round.asOf, deadline: round.round.deadline, count: roundNotices.length }));
  io.out(lines.join('\n').trimStart());
}
