import { sql } from 'kysely'
import type { Kysely, RawBuilder } from 'kysely'
import type { Database } from './database.js'
import type { StoreDialect } from './store-dialect.js'
import type { IdKind } from './store.js'

/*
 * Ids by prefix, for the short ids people see and type. Ids are lowercase hex with dashes,
 * so a prefix is a range in byte order: [prefix, prefix + '~'), '~' sorting after every id
 * character. PostgreSQL compares text by the database's collation, which may ignore dashes
 * (en_US does), so there every comparison is made in the "C" collation, which an index of
 * the same expression serves (migration 0006); SQLite compares bytes already.
 */

const where: Readonly<Record<IdKind, { readonly table: 'runs' | 'review_items' | 'links'; readonly column: string }>> = {
  run: { table: 'runs', column: 'id' },
  review: { table: 'review_items', column: 'id' },
  entity: { table: 'links', column: 'entity_id' },
}

/** Only id characters: a prefix is spliced into a range bound, never into a pattern. */
const ID_TEXT = /^[0-9a-f-]*$/

function idColumn(kind: IdKind, dialect: StoreDialect): RawBuilder<string> {
  const ref = sql.ref(where[kind].column)
  return dialect === 'postgres' ? sql<string>`${ref} collate "C"` : sql<string>`${ref}`
}

/** Ids of one kind starting with `prefix`, in id order, at most `limit`. */
export async function findIdsByPrefix(db: Kysely<Database>, dialect: StoreDialect, kind: IdKind, prefix: string, limit: number): Promise<string[]> {
  if (!ID_TEXT.test(prefix)) throw new Error(`store: "${prefix}" is not an id prefix (lowercase hex digits and dashes)`)
  const id = idColumn(kind, dialect)
  const { rows } = await sql<{ id: string }>`select distinct ${id} as id from ${sql.table(where[kind].table)}
    where ${id} >= ${prefix} and ${id} < ${`${prefix}~`} order by 1 limit ${limit}`.execute(db)
  return rows.map((r) => r.id)
}

/** The ids of one kind just before and just after `id` in id order, leaving `id` itself out. */
export async function adjacentIds(db: Kysely<Database>, dialect: StoreDialect, kind: IdKind, id: string): Promise<string[]> {
  const column = idColumn(kind, dialect)
  const table = sql.table(where[kind].table)
  // One indexed probe each way (max below, min above), whatever the table's size.
  const { rows } = await sql<{ below: string | null; above: string | null }>`select
    (select max(${column}) from ${table} where ${column} < ${id}) as below,
    (select min(${column}) from ${table} where ${column} > ${id}) as above`.execute(db)
  const row = rows[0]
  return [row?.below, row?.above].filter((v): v is string => typeof v === 'string')
}
