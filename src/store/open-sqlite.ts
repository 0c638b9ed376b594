import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { SqliteDialect } from 'kysely'
import { withStatementCache } from './sqlite-statement-cache.js'

/** Opens (creating it and its folder if needed) the SQLite file at `path`; `:memory:` works too. */
export function openSqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(resolve(path)), { recursive: true })
  const db = new BetterSqlite3(path)
  try {
    // WAL lets readers (the console, `explain`) run while a sync writes; NORMAL is durable
    // across application crashes in WAL mode and avoids an fsync per commit.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    // SQLite leaves foreign keys off unless asked, per connection.
    db.pragma('foreign_keys = ON')
  } catch (error) {
    db.close()
    throw error
  }
  return new SqliteDialect({ database: withStatementCache(db) })
}
