/**
 * Kysely's SQLite driver prepares every query anew. Preparing is a good part
 * of a short query's cost (a third of the outbox's per-message database time
 * in scripts/bench/teams-fan-out.ts), and the bot runs the same few queries
 * all day: this keeps the prepared statements by their SQL text. Reusing one
 * is safe because better-sqlite3 runs it to completion (all/run) and resets
 * it before returning; a statement still iterating (a streamed query) is not
 * handed out again, a fresh one is prepared instead.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements kept at most; the oldest go first. SQL with `in (?, ?, …)` lists varies in length. */
const KEPT = 200;

/** The database for Kysely's SqliteDialect, preparing each distinct SQL text once. */
export function withStatementCache(sqlite: SQLite.Database, kept = KEPT): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined || statement.busy) {
        statement = sqlite.prepare(sql);
        if (!statements.has(sql) && statements.size >= kept) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      if (sqlite.open) sqlite.close();
    },
  };
}
