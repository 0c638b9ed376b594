import { Migrator } from 'kysely'
import type { Kysely, MigrationProvider } from 'kysely'
import { storeMigrations } from './migrations/index.js'
import type { StoreDialect } from './store-dialect.js'

/** Where the migrator keeps its bookkeeping tables. */
export interface MigrateOptions {
  readonly dialect: StoreDialect
  /**
   * PostgreSQL schema of the store. Kysely looks for its migration table in every schema
   * unless told which one, so a store in one schema would see another's bookkeeping.
   */
  readonly schema?: string
}

/** Applies every pending migration in order; a no-op when the store is up to date. */
export async function migrateToLatest(db: Kysely<unknown>, options: MigrateOptions): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => storeMigrations(options.dialect) }
  const migrator = new Migrator({
    db,
    provider,
    ...(options.dialect === 'postgres' && options.schema !== undefined ? { migrationTableSchema: options.schema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    const where = failed === undefined ? 'store migrations failed' : `store migration ${failed} failed`
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}
