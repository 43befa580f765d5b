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
import { dayOfWeek } from '../domain/local-date.ts';
import { parseTypedDate } from '../domain/typed-time.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface PreviewOptions {
  plan?: string;
  from: string;
  to: string;
  json?: boolean;
}

/** The plan and statuses to preview: a file (no statuses) or the database. */
async function loadSubject(options: PreviewOptions, config: Config, io: CliIo, t: Translate): Promise<{ plan: Plan; state: StateLookup }> {
  const fail = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  if (options.plan) {
    const parsed = await readPlanSource(options.plan, config.SHINCHOKU_LANG);
    if (!parsed.ok) return fail(parsed.error.message);
    return { plan: parsed.value, state: () => undefined };
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    // The plan of the fiscal year the preview starts in (validated before this is called).
    const plans = createPlanStore(db, { today: () => options.from });
    const plan = await plans.load();
    if (!plan) return fail(t('cli.noStoredPlan', { database: config.DATABASE_URL }));
    return { plan, state: stateLookupOf(await createStatusStore(db, () => plans.scopeOf()).latest(), config.SHINCHOKU_TIMEZONE) };
  } finally {
    await closeDatabase(db);
  }
}

/** One object per milestone × checkpoint × division × day (the documented JSON shape). */
function toJson(r: Reminder, time: string) {
  return { date: r.date, time, kind: r.kind, milestoneId: r.milestoneId, checkpoint: r.checkpoint, due: r.due, division: r.division };
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
  const { plan, state } = await loadSubject({ ...options, from, to }, config, io, t);
  const reminders = remindersBetween(from, to, {
    plan,
    calendar: createJapaneseCalendar(),
    policy: reminderPolicyOf(config),
    state,
  });
  const time = config.REMINDER_TIME;
  if (options.json) {
    io.out(`${JSON.stringify(reminders.map((r) => toJson(r, time)), null, 2)}\n`);
    return;
  }
  if (reminders.length === 0) {
    io.out(t('preview.none'));
    return;
  }
  const titles = new Map(listMilestones(plan).map((m) => [m.milestone.id, m.milestone.title]));
  const lines: string[] = [];
  let day = '';
  for (const r of reminders) {
    if (r.date !== day) {
      day = r.date;
      lines.push('', t('preview.day', { date: day, weekday: WEEKDAYS[config.SHINCHOKU_LANG][dayOfWeek(day)]!, time }));
    }
    const due = r.due ? t('preview.dueOn', { date: r.due }) : '-';
    const title = (titles.get(r.milestoneId) ?? '') + (r.owner ? ` ${t('preview.escalationOf', { owner: r.owner })}` : '');
    const id = r.checkpoint ? `${r.milestoneId}@${r.checkpoint}` : r.milestoneId;
    lines.push(t('preview.line', { kind: t(`kind.${r.kind}`), id, division: r.division, due, title }));
  }
  lines.push('', t('preview.total', { count: reminders.length, days: new Set(reminders.map((r) => r.date)).size }));
  io.out(lines.join('\n').trimStart());
}
