import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, SqliteAdapter, SqliteDialect } from 'kysely'
import type { DatabaseConnection, DialectAdapter, Driver } from 'kysely'
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
  // The busy timeout is set at open, before the first statement: switching a new file to WAL
  // needs a lock that another process opening the same file may hold for a moment.
  const db = new BetterSqlite3(path, { timeout: busyTimeoutMs })
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
  return new ImmediateSqliteDialect({ database: withStatementCache(db) })
}

/**
 * How long a connection waits for another process's lock before it fails: serve and a CLI
 * sync, or two syncs started together, take turns on the write lock instead of failing with
 * "database is locked".
 */
const busyTimeoutMs = 30_000

/**
 * SQLite whose transactions take the write lock when they begin (`BEGIN IMMEDIATE`). Every
 * transaction revsync opens writes; a deferred one that read first and then found another
 * process had committed could not upgrade its lock, and would fail instead of waiting.
 * Migrations run in such a transaction too (SQLite's DDL is transactional, though Kysely's
 * adapter does not say so and would run them bare), so two processes opening a new store
 * run them once: the second waits, then finds them applied.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    driver.beginTransaction = async (connection: DatabaseConnection): Promise<void> => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'))
    }
    return driver
  }
}

/** Kysely's SQLite adapter, with migrations run in one transaction. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}
