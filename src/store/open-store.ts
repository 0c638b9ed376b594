import { Kysely } from 'kysely'
import type { Dialect } from 'kysely'
import type { Database } from './database.js'
import { KyselyStore } from './kysely-store.js'
import { openPostgresDialect, preparePostgresSchema } from './open-postgres.js'
import { openSqliteDialect } from './open-sqlite.js'
import type { Store } from './store.js'
import { StoreError, isDatabaseError, nameStoreErrors, storeName } from './name-store-errors.js'

/** Where the store lives. */
export interface OpenStoreOptions {
  /** `postgres://…` or `postgresql://…` for PostgreSQL; anything else is a SQLite file path. */
  readonly url: string
  /** PostgreSQL only: the schema holding every table, created if missing. */
  readonly schema?: string
  /**
   * Master key of the secrets at rest (the caller reads it from `REVSYNC_SECRET_KEY`).
   * Without it the store works, but `putSecret` and reading a stored secret throw.
   */
  readonly secretKey?: string
  /** The store's clock (retries, applied reviews, turns, cursors); tests pass a fake one. */
  readonly now?: () => Date
}

/** True when `url` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url)
}

/**
 * Opens the store at `url` and applies pending migrations before handing it out. Database
 * errors, when opening and later, name the store (a PostgreSQL URL without its password)
 * and what to do.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const postgres = isPostgresUrl(options.url)
  const where = storeName(options.url, postgres)
  let db: Kysely<Database> | undefined
  try {
    const dialect: Dialect = postgres ? openPostgresDialect(options.url, options.schema) : openSqliteDialect(options.url)
    db = new Kysely<Database>({ dialect })
    const schema = postgres ? await preparePostgresSchema(db as Kysely<unknown>, options.schema) : undefined
    const store = new KyselyStore({
      db,
      dialect: postgres ? 'postgres' : 'sqlite',
      schema,
      secretKey: options.secretKey,
      now: options.now,
    })
    await store.migrate()
    return nameStoreErrors(store, where)
  } catch (error) {
    await db?.destroy().catch(() => {})
    throw isDatabaseError(error) ? new StoreError(where, error) : error
  }
}
