// A database made by the release before several plans (main at 9b7ce3a,
// its schema built by the real migrations up to that release's last one) is brought
// forward with its one plan as the default, nothing lost.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/adapters/db/connect.ts';
import { createDigestStore } from '../../../src/adapters/db/digest-store.ts';
import { migrateUpTo } from '../../../src/adapters/db/migrate.ts';
import { createOutboxStore } from '../../../src/adapters/db/outbox-store.ts';
import { createPlanStore } from '../../../src/adapters/db/plan-store.ts';
import { createStatusStore } from '../../../src/adapters/db/status-store.ts';
import { listMilestones, type Plan } from '../../../src/domain/plan.ts';
import { planR5 } from '../../fixtures/plan-r5.ts';
import { createTestSchema, TEST_DATABASE_URL } from './dialects.ts';

/** The last migration of the release before plan keys (commit 9b7ce3a): its database is what an office has. */
const OLD_RELEASE = '20260401000003_status_revision';
const T0 = '2023-06-01T00:30:00.000Z';

interface OldDatabase {
  url: string;
  db: Kysely<any>;
  dispose(): Promise<void>;
}

/** An empty database at the old release's schema. */
async function openOld(dialect: 'sqlite' | 'postgres'): Promise<OldDatabase> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'shinchoku-old-'));
    const url = join(folder, `old-${randomBytes(3).toString('hex')}.db`);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(url) }) });
    await migrateUpTo(db, OLD_RELEASE);
    return { url, db, dispose: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const schema = await createTestSchema(TEST_DATABASE_URL!);
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: schema.url, max: 2 }) }) });
  await migrateUpTo(db, OLD_RELEASE);
  return { url: schema.url, db, dispose: () => schema.drop() };
}

/** Writes `plan` as the old plan store did: one plan row 'current', bare ids. */
async function saveAsOldRelease(db: Kysely<any>, plan: Plan): Promise<void> {
  await db
    .insertInto('plan')
    .values({ id: 'current', title: plan.title, fiscal_year: plan.fiscalYear, published_on: plan.publishedOn ?? null, coordinator: plan.coordinator ?? null, source_name: 'plan-r5.yaml', imported_at: T0, warnings_json: JSON.stringify(plan.warnings) })
    .execute();
  for (const [p, pillar] of plan.pillars.entries()) {
    await db.insertInto('pillar').values({ id: pillar.id, position: p, title: pillar.title }).execute();
    for (const [i, initiative] of pillar.initiatives.entries()) {
      await db.insertInto('initiative').values({ id: initiative.id, pillar_id: pillar.id, position: i, title: initiative.title }).execute();
      for (const [j, item] of initiative.items.entries()) {
        await db.insertInto('item').values({ id: item.id, initiative_id: initiative.id, position: j, title: item.title }).execute();
        for (const [o, division] of item.owners.entries()) await db.insertInto('item_owner').values({ item_id: item.id, division, position: o }).execute();
        for (const [m, milestone] of item.milestones.entries()) {
          await db
            .insertInto('milestone')
            .values({
              id: milestone.id,
              item_id: item.id,
              position: m,
              title: milestone.title,
              schedule_text: milestone.scheduleText ?? null,
              schedule_json: JSON.stringify(milestone.schedule),
              group_label: milestone.group ?? null,
              owners_json: milestone.owners ? JSON.stringify(milestone.owners) : null,
              active: 1,
              created_at: T0,
              updated_at: T0,
            })
            .execute();
        }
      }
    }
  }
}

const dialects = TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

for (const dialect of dialects) {
  describe(`a database of the release before several plans (${dialect})`, () => {
    let old: OldDatabase | undefined;
    afterEach(async () => {
      await old?.dispose();
    });

    it('migrates with its one plan as the default and every status, digest and outbox row kept', async () => {
      old = await openOld(dialect);
      const plan = planR5();
      await saveAsOldRelease(old.db, plan);
      // The status, outbox and digest tables are unchanged by the migration: today's stores write them as the old release did.
      const oldStatuses = createStatusStore(old.db);
      await oldStatuses.append({ milestoneId: '1-1-1', status: 'done', comment: '完了しました', actor: 'U10', via: 'slash', createdAt: '2023-07-03T01:00:00.000Z' });
      await oldStatuses.append({ milestoneId: '1-1-2', checkpoint: '2023-08', status: 'delayed', actor: 'U11', via: 'button', createdAt: '2023-08-01T01:00:00.000Z' });
      await createDigestStore(old.db).digestTransaction(new Date('2023-09-04T00:00:00.000Z'), async (tx) => {
        await tx.claimWeek({ week: '2023-W36', day: '2023-09-04', previousDay: '2023-08-28', late: false, manual: false }, false);
        await tx.enqueue({ baseKey: 'digest|2023-W36', day: '2023-09-04', division: '総務部行財政改革推進課', channel: 'C0REFORM', body: { type: 'digest' } as never }, '2023-W36');
      });
      const latestBefore = await oldStatuses.latest();
      await old.db.destroy();

      const db = await openDatabase(old.url);
      try {
        const plans = createPlanStore(db);
        expect(await plans.list()).toMatchObject([{ key: 'fy2023', prefix: '', title: plan.title, fiscalYear: 2023, sourceName: 'plan-r5.yaml' }]);
        expect(await plans.load()).toStrictEqual(plan);
        expect(await plans.loadKey('fy2023')).toStrictEqual(plan);

        const statuses = createStatusStore(db, async () => ({ key: 'fy2023', prefix: '' }));
        expect(await statuses.latest()).toEqual(latestBefore);
        expect((await statuses.history('1-1-1')).map((u) => [u.status, u.comment])).toEqual([['done', '完了しました']]);
        expect(await createDigestStore(db).list()).toMatchObject([{ week: '2023-W36', day: '2023-09-04', outboxKey: 'digest|2023-W36' }]);
        expect((await createOutboxStore(db).list()).map((m) => m.key)).toEqual(['digest|2023-W36']);

        // The migrated plan is re-imported as before: same key, same ids, history kept.
        await plans.save(plan, 'plan-r5.yaml', '2023-10-01T00:00:00.000Z');
        expect((await plans.list()).map((p) => p.key)).toEqual(['fy2023']);
        expect(listMilestones((await plans.load())!).length).toBe(listMilestones(plan).length);
        expect((await statuses.history('1-1-1')).length).toBe(1);
      } finally {
        await closeDatabase(db);
      }
    });
  });
}
