import { CompiledQuery } from 'kysely'
import type { Compilable, Kysely } from 'kysely'
import { chunk, rowsPerStatement } from './chunk.js'
import type { Database } from './database.js'

/** Distinct row counts whose SQL one bulk insert remembers; batches mostly repeat a few sizes. */
const MAX_CACHED_SHAPES = 32

/** A multi-row insert (or upsert) of rows with a fixed list of columns. */
export interface BulkInsert<Row> {
  run(db: Kysely<Database>, rows: readonly Row[]): Promise<void>
}

/**
 * A multi-row insert that Kysely compiles once per row count and then reuses as SQL text
 * with fresh parameters: building and compiling a query of thousands of values costs more
 * than SQLite takes to run it, and commits happen on every batch. `build` must list the
 * row's keys in the order of `columns`; the first run of each shape checks that it does.
 */
export function bulkInsert<Row extends object>(
  columns: readonly (keyof Row & string)[],
  build: (db: Kysely<Database>, rows: Row[]) => Compilable,
): BulkInsert<Row> {
  const sqlByRowCount = new Map<number, string>()

  async function runSlice(db: Kysely<Database>, rows: Row[]): Promise<void> {
    const parameters: unknown[] = []
    for (const row of rows) for (const column of columns) parameters.push(row[column])
    const known = sqlByRowCount.get(rows.length)
    if (known !== undefined) {
      await db.executeQuery(CompiledQuery.raw(known, parameters))
      return
    }
    const compiled = build(db, rows).compile()
    if (!sameValues(compiled.parameters, parameters)) {
      throw new Error(`store: bulk insert columns [${columns.join(', ')}] do not match the compiled query`)
    }
    if (sqlByRowCount.size >= MAX_CACHED_SHAPES) sqlByRowCount.clear()
    sqlByRowCount.set(rows.length, compiled.sql)
    await db.executeQuery(compiled)
  }

  return {
    async run(db, rows) {
      for (const slice of chunk(rows, rowsPerStatement(columns.length))) await runSlice(db, slice)
    },
  }
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]))
}
