import { sql } from 'kysely'
import type { CreateTableBuilder, Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * The first schema: systems, cached object schemas, links, cursors, last-synced values,
 * runs and their per-record items. Frozen once released: later changes are new files.
 * It types `db` loosely on purpose, so it never depends on today's `Database` shape.
 */
export function initialMigration(dialect: StoreDialect): Migration {
  // SQLite keeps a table keyed by text columns once, in the key's B-tree, instead of in a
  // rowid table plus a key index: smaller, and upserts touch one tree fewer.
  const keyed = <T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> =>
    dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('systems')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('first_seen', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('object_schemas')
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('schema', 'text', (c) => c.notNull())
        .addColumn('fetched_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('object_schemas_pk', ['system', 'object'])
        .$call(keyed)
        .execute()

      // The primary key is the uniqueness rule: a record belongs to one entity per mapping.
      await db.schema
        .createTable('links')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('links_pk', ['mapping', 'system', 'record_id'])
        .$call(keyed)
        .execute()
      await db.schema.createIndex('links_entity_idx').on('links').columns(['mapping', 'entity_id']).execute()

      await db.schema
        .createTable('cursors')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cursors_pk', ['mapping', 'system', 'object'])
        .$call(keyed)
        .execute()

      await db.schema
        .createTable('synced_values')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('row_key', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('synced_values_pk', ['mapping', 'entity_id', 'row_key'])
        .$call(keyed)
        .execute()

      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute()
      await db.schema.createIndex('runs_started_idx').on('runs').columns(['started_at', 'id']).execute()

      // Items reference their run, so an item of a run never started is refused, and
      // pruning old runs takes their items with them.
      await db.schema
        .createTable('run_items')
        .$call((t) =>
          dialect === 'postgres'
            ? t.addColumn('id', 'bigserial', (c) => c.primaryKey())
            : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
        )
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('before', 'text', (c) => c.notNull())
        .addColumn('after', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute()
      await db.schema.createIndex('run_items_run_idx').on('run_items').column('run_id').execute()
      await db.schema
        .createIndex('run_items_record_idx')
        .on('run_items')
        .columns(['system', 'record_id'])
        .execute()
    },
  }
}
