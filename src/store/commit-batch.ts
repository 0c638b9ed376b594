import type { Insertable, Kysely } from 'kysely'
import type { LinkRow } from '../domain/link.js'
import { bulkInsert } from './bulk-insert.js'
import { chunk, compositeKey as key, IDS_PER_QUERY, lastByKey } from './chunk.js'
import type { CursorsTable, Database, LinksTable, RunItemsTable, SyncedEntitiesTable } from './database.js'
import { createQueueWriter, hasQueueWork } from './commit-queues.js'
import { linkToRow, runItemToRow } from './rows.js'
import type { BatchCommit } from './store.js'

/** Writes batches; holds the compiled statements of one store, so make one per store. */
export interface BatchWriter {
  /** Writes `batch` with `db`, which the caller has put in a transaction. */
  write(db: Kysely<Database>, batch: BatchCommit, now: string): Promise<void>
}

/** True when the batch has nothing to write, so no transaction needs to be opened. */
export function isEmptyBatch(batch: BatchCommit): boolean {
  return !(
    batch.links?.length ||
    batch.unlinks?.length ||
    batch.synced?.length ||
    batch.items?.length ||
    batch.cursors?.length ||
    hasQueueWork(batch)
  )
}

/**
 * A batch writer: a few multi-row statements per table, never one statement per row.
 * Unlinks run after links, so a record named in both ends up unlinked. The queue parts
 * (retries, reviews, signals) come last, in the same transaction.
 */
export function createBatchWriter(): BatchWriter {
  const links = bulkInsert<Insertable<LinksTable>>(['mapping', 'entity_id', 'system', 'object', 'record_id'], (db, rows) =>
    db
      .insertInto('links')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['mapping', 'system', 'record_id']).doUpdateSet((eb) => ({
          entity_id: eb.ref('excluded.entity_id'),
          object: eb.ref('excluded.object'),
        })),
      ),
  )
  const synced = bulkInsert<SyncedEntitiesTable>(['mapping', 'entity_id', 'synced_values'], (db, rows) =>
    db
      .insertInto('synced_entities')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['mapping', 'entity_id']).doUpdateSet((eb) => ({ synced_values: eb.ref('excluded.synced_values') })),
      ),
  )
  const items = bulkInsert<Insertable<RunItemsTable>>(
    ['run_id', 'mapping', 'entity_id', 'system', 'object', 'record_id', 'action', 'before', 'after', 'reasons', 'at'],
    (db, rows) => db.insertInto('run_items').values(rows),
  )
  const cursors = bulkInsert<CursorsTable>(['mapping', 'system', 'object', 'value', 'updated_at'], (db, rows) =>
    db
      .insertInto('cursors')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['mapping', 'system', 'object']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      ),
  )

  const queues = createQueueWriter()

  return {
    async write(db, batch, now) {
      if (batch.links?.length) {
        await links.run(db, lastByKey(batch.links, (l) => key(l.mapping, l.system, l.recordId)).map(linkToRow))
      }
      if (batch.unlinks?.length) await deleteLinks(db, batch.unlinks)
      if (batch.synced?.length) await synced.run(db, syncedRows(batch.synced))
      if (batch.items?.length) await items.run(db, batch.items.map(runItemToRow))
      if (batch.cursors?.length) await cursors.run(db, cursorRows(batch.cursors, now))
      await queues.write(db, batch, now)
    },
  }
}

function syncedRows(synced: NonNullable<BatchCommit['synced']>): SyncedEntitiesTable[] {
  const rows = synced.map(({ mapping, entityId, values }) => ({ mapping, entity_id: entityId, synced_values: JSON.stringify(values) }))
  return lastByKey(rows, (r) => key(r.mapping, r.entity_id))
}

function cursorRows(cursors: NonNullable<BatchCommit['cursors']>, now: string): CursorsTable[] {
  return lastByKey(cursors, (c) => key(c.mapping, c.system, c.object)).map((c) => ({
    mapping: c.mapping,
    system: c.system,
    object: c.object,
    value: c.cursor.value,
    updated_at: now,
  }))
}

async function deleteLinks(
  db: Kysely<Database>,
  unlinks: readonly Pick<LinkRow, 'mapping' | 'system' | 'recordId'>[],
): Promise<void> {
  // Grouped by (mapping, system) so each group is one `IN` list instead of OR-ed tuples.
  const groups = new Map<string, { mapping: string; system: string; ids: string[] }>()
  for (const u of unlinks) {
    const k = key(u.mapping, u.system)
    const group = groups.get(k) ?? { mapping: u.mapping, system: u.system, ids: [] }
    group.ids.push(u.recordId)
    groups.set(k, group)
  }
  for (const { mapping, system, ids } of groups.values()) {
    for (const slice of chunk(ids, IDS_PER_QUERY)) {
      await db
        .deleteFrom('links')
        .where('mapping', '=', mapping)
        .where('system', '=', system)
        .where('record_id', 'in', slice)
        .execute()
    }
  }
}
