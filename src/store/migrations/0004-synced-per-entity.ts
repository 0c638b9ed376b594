import { sql } from 'kysely'
import type { Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * Last-synced values move from one row per field row to one JSON row per entity. A sync
 * batch then writes one row per entity instead of one per field (eight times fewer for a
 * typical person mapping), which was the largest cost of a commit. Existing values are
 * carried over.
 */
export function syncedPerEntityMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      let table = db.schema
        .createTable('synced_entities')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('synced_values', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('synced_entities_pk', ['mapping', 'entity_id'])
      if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`)
      await table.execute()
      const rows = await sql<{ mapping: string; entity_id: string; row_key: string; value: string }>`select mapping, entity_id, row_key, value from synced_values`.execute(db)
      const grouped = new Map<string, { mapping: string; entity_id: string; values: Record<string, unknown> }>()
      for (const r of rows.rows) {
        const k = `${r.mapping}\u0000${r.entity_id}`
        const entry = grouped.get(k) ?? { mapping: r.mapping, entity_id: r.entity_id, values: {} }
        entry.values[r.row_key] = JSON.parse(r.value)
        grouped.set(k, entry)
      }
      for (const e of grouped.values()) {
        await sql`insert into synced_entities (mapping, entity_id, synced_values) values (${e.mapping}, ${e.entity_id}, ${JSON.stringify(e.values)})`.execute(db)
      }
      await db.schema.dropTable('synced_values').execute()
    },
  }
}
