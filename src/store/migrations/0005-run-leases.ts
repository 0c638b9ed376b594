import { sql } from 'kysely'
import type { Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * One run at a time per mapping and per export target: a lease row with its holder and an
 * expiry, taken by a conditional upsert. A row rather than a PostgreSQL advisory lock, so one
 * code path serves both dialects and `runs` can tell whose the lease is. Frozen once released.
 */
export function runLeasesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable('run_leases')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('pid', 'integer', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_leases_pk', ['kind', 'name'])
      // Same reason as in 0001: a table keyed by text lives once, in its key's B-tree, on SQLite.
      if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`)
      await table.execute()
    },
  }
}
