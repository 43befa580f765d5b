/**
 * Serialises this process's writes to the outbox tables.
 *
 * better-sqlite3 is synchronous: when one connection holds the write lock
 * across an `await` (a multi-statement transaction) and another connection in
 * the same process tries to write, SQLite's busy handler blocks the only
 * thread, the first connection can never commit, and the second fails with
 * "database is locked" after busy_timeout. Taking turns in memory first
 * avoids that; between processes, SQLite's own lock and busy_timeout do the
 * job. Harmless for PostgreSQL.
 */
let tail: Promise<unknown> = Promise.resolve();

/** Runs `write` after every write queued before it has settled. Must not be nested. */
export function queueWrite<T>(write: () => Promise<T>): Promise<T> {
  const result = tail.then(write, write);
  tail = result.catch(() => undefined);
  return result;
}
