import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { SqliteDialect } from 'kysely'
import { withStatementCache } from './sqlite-statement-cache.js'

/**
 * Opens (creating it and its folder if needed) the SQLite file at `path`; `:memory:` works too.
 * A new file is readable by its owner only: it holds people's data and encrypted secrets.
 */
export function openSqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:' && path !== '') {
    mkdirSync(dirname(resolve(path)), { recursive: true, mode: 0o700 })
    // Created here with 0600 before SQLite opens it (SQLite would create it 0644); SQLite
    // gives the -wal and -shm files the database file's permissions. 'a' leaves an existing file as it is.
    closeSync(openSync(path, 'a', 0o600))
  }
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
