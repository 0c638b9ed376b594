import { sql } from 'kysely'
import type { Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * People name runs, review items and entities by an id prefix, a range query on the id.
 * PostgreSQL runs it in the "C" collation (see id-prefix-queries.ts), which the default
 * indexes do not serve, so it gets expression indexes; SQLite only lacks one on entity ids
 * alone (links are indexed by mapping first).
 */
export function idPrefixIndexesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'sqlite') {
        await db.schema.createIndex('links_entity_id_idx').on('links').column('entity_id').execute()
        return
      }
      await sql`create index runs_id_c_idx on runs (id collate "C")`.execute(db)
      await sql`create index review_items_id_c_idx on review_items (id collate "C")`.execute(db)
      await sql`create index links_entity_id_c_idx on links (entity_id collate "C")`.execute(db)
    },
  }
}
