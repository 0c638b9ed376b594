import { sql } from 'kysely'
import type { Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * The export's account index kept between runs: per export target, the accounts and contacts
 * of its CRM in the compact form matching needs (one JSON row per record), and the state of
 * the index (its shape and the cursor of each object read). Frozen once released.
 */
export function exportIndexMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let rows = db.schema
        .createTable('export_index_rows')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('export_index_rows_pk', ['target', 'kind', 'record_id'])
      // Same reason as in 0001: a table keyed by text lives once, in its key's B-tree, on SQLite.
      if (dialect === 'sqlite') rows = rows.modifyEnd(sql`without rowid`)
      await rows.execute()
      let state = db.schema
        .createTable('export_index_state')
        .addColumn('target', 'text', (c) => c.primaryKey())
        .addColumn('shape', 'text', (c) => c.notNull())
        .addColumn('cursors', 'text', (c) => c.notNull())
        .addColumn('refreshed_at', 'text', (c) => c.notNull())
      if (dialect === 'sqlite') state = state.modifyEnd(sql`without rowid`)
      await state.execute()
    },
  }
}
