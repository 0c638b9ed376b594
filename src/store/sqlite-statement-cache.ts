import type { SqliteDatabase, SqliteStatement } from 'kysely'

/** The part of a better-sqlite3 database the cache wraps. */
interface PreparingDatabase {
  close(): void
  prepare(sql: string): SqliteStatement
}

/**
 * Wraps a SQLite database so `prepare` reuses statements by SQL text, least recently used
 * first out. Kysely prepares every query anew, and parsing a multi-row insert of a few
 * thousand parameters takes about as long as running it. Safe because Kysely runs one
 * query at a time per connection and reads results with `all`, not by iterating.
 */
export function withStatementCache(db: PreparingDatabase, capacity = 64): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => {
      statements.clear()
      db.close()
    },
    prepare(sql) {
      const cached = statements.get(sql)
      if (cached !== undefined) {
        // Re-insert so the Map's order is least recently used first.
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = db.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > capacity) {
        const oldest = statements.keys().next()
        if (oldest.done !== true) statements.delete(oldest.value)
      }
      return statement
    },
  }
}
