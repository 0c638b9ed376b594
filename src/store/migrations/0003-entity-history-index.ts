import type { Kysely, Migration } from 'kysely'

/** `explain` reads an entity's whole history across its systems; index it. */
export const entityHistoryIndexMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('run_items_entity_idx').on('run_items').columns(['mapping', 'entity_id']).execute()
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('run_items_entity_idx').execute()
  },
}
