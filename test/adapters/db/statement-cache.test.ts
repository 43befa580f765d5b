import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src/adapters/db/statement-cache.ts';

interface Db {
  item: { id: number; name: string; note?: string | null };
}

describe('SQLite statements prepared once', () => {
  let db: Kysely<Db> | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  function open(kept?: number) {
    const sqlite = new SQLite(':memory:');
    db = new Kysely<Db>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite, kept) }) });
    return { db, sqlite };
  }

  it('a repeated query sees each write in between, with its own parameters', async () => {
    const { db } = open();
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    for (let i = 1; i <= 3; i++) {
      await db.insertInto('item').values({ id: i, name: `n${i}` }).execute();
      const rows = await db.selectFrom('item').select(['id', 'name']).where('id', '<=', i).orderBy('id').execute();
      expect(rows.map((r) => r.name)).toEqual(Array.from({ length: i }, (_, k) => `n${k + 1}`));
    }
    await db.updateTable('item').set({ name: 'changed' }).where('id', '=', 2).execute();
    expect(await db.selectFrom('item').select('name').where('id', '=', 2).executeTakeFirst()).toEqual({ name: 'changed' });
  });

  it('a query prepared before a migration added a column returns the column afterwards', async () => {
    const { db } = open();
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    await db.insertInto('item').values({ id: 1, name: 'a' }).execute();
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([{ id: 1, name: 'a' }]);
    await sql`alter table item add column note text`.execute(db);
    expect(await db.selectFrom('item').selectAll().execute()).toEqual([{ id: 1, name: 'a', note: null }]);
  });

  it('keeps at most the given number of statements and still answers every query', async () => {
    const { db } = open(2);
    await sql`create table item (id integer primary key, name text not null)`.execute(db);
    await db.insertInto('item').values([1, 2, 3, 4].map((id) => ({ id, name: `n${id}` }))).execute();
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= 4; n++) {
        const ids = Array.from({ length: n }, (_, k) => k + 1);
        expect((await db.selectFrom('item').select('id').where('id', 'in', ids).orderBy('id').execute()).map((r) => r.id)).toEqual(ids);
      }
    }
  });

  it('closing the database closes the file', async () => {
    const { db, sqlite } = open();
    await sql`select 1`.execute(db);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
