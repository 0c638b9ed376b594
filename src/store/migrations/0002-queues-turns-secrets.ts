import { sql } from 'kysely'
import type { CreateTableBuilder, Kysely, Migration } from 'kysely'
import type { StoreDialect } from '../store-dialect.js'

/**
 * Work that outlives a run: failed writes to retry, the review queue, round-robin turns,
 * processed export signals, and encrypted credentials. Frozen once released, like 0001.
 */
export function queuesTurnsSecretsMigration(dialect: StoreDialect): Migration {
  // Same reason as in 0001 (repeated, not imported, so each migration stands alone): a
  // table keyed by text lives once, in its key's B-tree, on SQLite.
  const keyed = <T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, never> =>
    dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table

  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('retries')
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('first_failed_at', 'text', (c) => c.notNull())
        .addColumn('last_failed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('retries_pk', ['mapping', 'entity_id', 'system'])
        .$call(keyed)
        .execute()
      await db.schema.createIndex('retries_due_idx').on('retries').columns(['mapping', 'last_failed_at']).execute()

      await db.schema
        .createTable('review_items')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('mapping', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('row_key', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('candidates', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('resolution', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('applied_at', 'text')
        .addCheckConstraint('review_items_status_check', sql`status in ('open', 'resolved', 'dismissed')`)
        // Not `keyed`: candidates can hold long text, and SQLite advises rowid tables for
        // large rows; items are few, so the extra key index costs nothing that matters.
        .execute()
      // The rule "one open item per row" lives in the database, so two workers holding the
      // same row at once still end up with one item; commits upsert against this index.
      await db.schema
        .createIndex('review_items_open_row_idx')
        .on('review_items')
        .columns(['mapping', 'entity_id', 'row_key'])
        .unique()
        .where(sql.ref('status'), '=', 'open')
        .execute()
      await db.schema.createIndex('review_items_entity_idx').on('review_items').columns(['mapping', 'entity_id']).execute()
      await db.schema.createIndex('review_items_list_idx').on('review_items').columns(['status', 'created_at']).execute()

      await db.schema
        .createTable('round_robin')
        .addColumn('pool', 'text', (c) => c.primaryKey())
        .addColumn('next_index', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .$call(keyed)
        .execute()

      // No foreign key to runs: pruning old runs must not forget that a signal was
      // processed, or it would be processed again.
      await db.schema
        .createTable('signals')
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('signals_pk', ['target', 'key'])
        .addCheckConstraint('signals_status_check', sql`status in ('done', 'failed')`)
        .$call(keyed)
        .execute()

      await db.schema
        .createTable('secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('ciphertext', 'text', (c) => c.notNull())
        .addColumn('iv', 'text', (c) => c.notNull())
        .addColumn('tag', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .$call(keyed)
        .execute()
    },
  }
}
