import { sql } from 'kysely'
import type { Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * Bearer tokens of the HTTP API. Only a SHA-256 of each token is kept (a token is 32 random
 * bytes, so a plain hash cannot be guessed back); a revoked token keeps its row, so `token
 * list` still tells who had access. Frozen once released.
 */
export function apiTokensMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
      if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`)
      await table.execute()
    },
  }
}
