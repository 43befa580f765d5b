/**
 * Reminder keys now start with their date (src/domain/reminder.ts says
 * why): `1-1-2||lead|2020-07-22|総務部人事課` becomes
 * `2020-07-22|1-1-2||lead|総務部人事課`. Keys already recorded are
 * rewritten, so a tick on the day of the upgrade still knows what it sent.
 * The old key ends in `|DATE|division`, and a division name holds no `|`, so
 * that tail is found whatever the milestone id; a key of another shape is
 * kept as it is.
 */
import type { Kysely } from 'kysely';

// Migrations are frozen in time and must not see today's schema type.
type AnyDb = Kysely<any>;

const CHUNK = 500;

interface ReminderSentRow {
  key: string;
  outbox_id: number | null;
  created_at: string;
}

async function rewriteKeys(db: AnyDb, rewrite: (key: string) => string): Promise<void> {
  const rows = (await db.selectFrom('reminder_sent').selectAll().execute()) as ReminderSentRow[];
  await db.deleteFrom('reminder_sent').execute();
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('reminder_sent')
      .values(rows.slice(i, i + CHUNK).map((row) => ({ ...row, key: rewrite(row.key) })))
      .execute();
  }
}

/** `…|kind|DATE|division` → `DATE|…|kind|division`; any other shape is left alone. */
function dateFirst(key: string): string {
  const match = /^(.*)\|(\d{4}-\d{2}-\d{2})\|([^|]*)$/u.exec(key);
  return match ? `${match[2]}|${match[1]}|${match[3]}` : key;
}

/** Rewrites every recorded reminder key. */
export async function up(db: AnyDb): Promise<void> {
  await rewriteKeys(db, dateFirst);
}

/** Puts the date back in the fourth place. */
export async function down(db: AnyDb): Promise<void> {
  await rewriteKeys(db, (key) => {
    const match = /^(\d{4}-\d{2}-\d{2})\|(.*)\|([^|]*)$/u.exec(key);
    return match ? `${match[2]}|${match[1]}|${match[3]}` : key;
  });
}
