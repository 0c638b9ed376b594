import { PostgresDialect, sql } from 'kysely'
import type { Kysely } from 'kysely'
import pg from 'pg'

/** Schema names we accept: plain lower-case identifiers, so they need no quoting anywhere. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

/**
 * A pooled PostgreSQL dialect. With `schema`, every connection starts with that schema as
 * its only `search_path`, so unqualified table names resolve there and nothing leaks into
 * `public`.
 */
export function openPostgresDialect(url: string, schema?: string): PostgresDialect {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(
      `store: schema "${schema}" is not a plain PostgreSQL identifier; use lower-case letters, digits and _`,
    )
  }
  const pool = new pg.Pool({
    connectionString: url,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  })
  // A pooled client that dies while idle is dropped by the pool and the next query reports
  // the failure; without a listener, the `error` event would crash the process instead.
  pool.on('error', () => {})
  return new PostgresDialect({ pool })
}

/**
 * Creates `schema` if it is missing and returns it, or, without one, the connection's
 * current schema: the migrator needs to know where its bookkeeping tables live.
 */
export async function preparePostgresSchema(db: Kysely<unknown>, schema?: string): Promise<string> {
  if (schema === undefined) {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
    const current = rows[0]?.schema
    if (current == null) throw new Error('store: the PostgreSQL search_path names no existing schema')
    return current
  }
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
  } catch (error) {
    // Two processes creating the schema at once can both pass the "if not exists" check;
    // the loser's error is harmless when the schema is there now.
    const { rows } = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db)
    if (rows.length === 0) throw error
  }
  return schema
}
