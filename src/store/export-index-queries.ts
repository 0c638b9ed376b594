import type { Kysely } from 'kysely'
import { bulkInsert } from './bulk-insert.js'
import type { BulkInsert } from './bulk-insert.js'
import { chunk, IDS_PER_QUERY, lastByKey, compositeKey } from './chunk.js'
import type { Database, ExportIndexRowsTable } from './database.js'
import type { ExportIndexChange, ExportIndexKind, ExportIndexRow, StoredExportIndex } from './store.js'

/** The multi-row upsert of index rows. One per store: it caches SQL text, which differs by dialect. */
export function createIndexRowWriter(): BulkInsert<ExportIndexRowsTable> {
  return bulkInsert<ExportIndexRowsTable>(['target', 'kind', 'record_id', 'data'], (db, rows) =>
    db
      .insertInto('export_index_rows')
      .values(rows)
      .onConflict((oc) => oc.columns(['target', 'kind', 'record_id']).doUpdateSet((eb) => ({ data: eb.ref('excluded.data') }))),
  )
}

/** The stored index of one export target, or undefined when none was saved. */
export async function loadExportIndex(db: Kysely<Database>, target: string): Promise<StoredExportIndex | undefined> {
  const state = await db.selectFrom('export_index_state').selectAll().where('target', '=', target).executeTakeFirst()
  if (state === undefined) return undefined
  const rows = await db.selectFrom('export_index_rows').select(['kind', 'record_id', 'data']).where('target', '=', target).execute()
  return {
    shape: state.shape,
    cursors: JSON.parse(state.cursors) as Record<string, string>,
    refreshedAt: state.refreshed_at,
    rows: rows.map((r): ExportIndexRow => ({ kind: r.kind as ExportIndexKind, id: r.record_id, data: JSON.parse(r.data) as ExportIndexRow['data'] })),
  }
}

/**
 * Applies a refresh of one target's index in one transaction: with `replace`, every stored
 * row goes first (a full read); then rows are removed and upserted, and the state (shape,
 * cursors) replaced. A refresh that fails leaves the previous index whole.
 */
export async function saveExportIndex(db: Kysely<Database>, upsertRows: BulkInsert<ExportIndexRowsTable>, target: string, change: ExportIndexChange): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (change.replace) await trx.deleteFrom('export_index_rows').where('target', '=', target).execute()
    for (const kind of ['account', 'contact'] as const) {
      const ids = [...new Set(change.removes.filter((r) => r.kind === kind).map((r) => r.id))]
      for (const slice of chunk(ids, IDS_PER_QUERY)) {
        await trx.deleteFrom('export_index_rows').where('target', '=', target).where('kind', '=', kind).where('record_id', 'in', slice).execute()
      }
    }
    // PostgreSQL refuses an upsert touching one row twice; a record read twice (the overlap) keeps its last.
    const rows = lastByKey(change.upserts, (r) => compositeKey(r.kind, r.id)).map((r) => ({ target, kind: r.kind, record_id: r.id, data: JSON.stringify(r.data) }))
    await upsertRows.run(trx, rows)
    const state = { target, shape: change.state.shape, cursors: JSON.stringify(change.state.cursors), refreshed_at: change.state.refreshedAt }
    await trx
      .insertInto('export_index_state')
      .values(state)
      .onConflict((oc) =>
        oc.column('target').doUpdateSet((eb) => ({ shape: eb.ref('excluded.shape'), cursors: eb.ref('excluded.cursors'), refreshed_at: eb.ref('excluded.refreshed_at') })),
      )
      .execute()
  })
}

/** Forgets one target's index, so its next export reads the CRM in full. */
export async function dropExportIndex(db: Kysely<Database>, target: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('export_index_rows').where('target', '=', target).execute()
    await trx.deleteFrom('export_index_state').where('target', '=', target).execute()
  })
}
