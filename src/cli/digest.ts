// `shinchoku digest [--date YYYY-MM-DD] [--json]`: the weekly digest of a day
// (today by default) in the terminal, without posting it (a dry run of the
// Monday post); --json prints the whole model, every list uncut.
import type { Config } from '../config.ts';
import { reminderPolicyOf } from '../config.ts';
import { buildDigestFor } from '../app/build-digest.ts';
import { digestMessage } from '../app/digest-message.ts';
import { createJapaneseCalendar } from '../adapters/calendar/japan-holidays.ts';
import { closeDatabase, openDatabase } from '../adapters/db/connect.ts';
import { createDigestStore } from '../adapters/db/digest-store.ts';
import { createPlanStore } from '../adapters/db/plan-store.ts';
import { createStatusStore } from '../adapters/db/status-store.ts';
import { loadDirectory } from '../adapters/directory/load-directory.ts';
import { renderDigestText } from '../adapters/shell/render-digest-text.ts';
import { isoWeekKey } from '../domain/iso-week.ts';
import { parseTypedDate } from '../domain/typed-time.ts';
import { quotePrefix } from '../domain/quote-prefix.ts';
import { wallClock } from '../domain/zoned-time.ts';
import { translator } from '../i18n/catalog.ts';
import { CliFailure, type CliIo } from './io.ts';

export interface DigestOptions {
  date?: string;
  json?: boolean;
}

export async function digestCommand(options: DigestOptions, config: Config, io: CliIo, now: Date): Promise<void> {
  const t = translator(config.SHINCHOKU_LANG);
  const failWith = (message: string): never => {
    io.err(`${t('cli.errorPrefix')}${message}`);
    throw new CliFailure(message);
  };
  const typed = options.date === undefined ? wallClock(now, config.SHINCHOKU_TIMEZONE).date : parseTypedDate(options.date);
  if (typed === null) return failWith(t('digest.badDate', { date: quotePrefix(options.date ?? '') }));
  const date = typed;
  const directory = await loadDirectory(config.SHINCHOKU_DIRECTORY, config.SHINCHOKU_LANG);
  if (!directory.ok) return failWith(directory.error.message);

  const db = await openDatabase(config.DATABASE_URL);
  try {
    // The plan of the digest's date (the current fiscal year's then), with its own statuses and digests.
    const plans = createPlanStore(db, { today: () => date });
    const scope = await plans.scopeOf();
    const calendar = createJapaneseCalendar();
    const built = await buildDigestFor(date, {
      plans,
      statuses: createStatusStore(db, async () => scope),
      digests: createDigestStore(db, scope?.prefix ?? ''),
      directory: directory.value,
      calendar,
      policy: reminderPolicyOf(config),
      timeZone: config.SHINCHOKU_TIMEZONE,
      // As the bot's digest: last year's leftovers in the plan's first digests.
      ...(scope && { carryOver: { key: scope.key, plans, latestOf: (key: string) => createStatusStore(db, () => plans.scopeOf(key)).latest(), calendar, timeZone: config.SHINCHOKU_TIMEZONE } }),
    });
    if (!built.ok) return failWith(t('cli.noStoredPlan', { database: config.DATABASE_URL }));
    if (options.json) {
      io.out(`${JSON.stringify(built.value, null, 2)}\n`);
      return;
    }
    io.out(renderDigestText(digestMessage(built.value, { lang: config.SHINCHOKU_LANG, week: isoWeekKey(date) }), { preview: true }));
  } finally {
    await closeDatabase(db);
  }
}
