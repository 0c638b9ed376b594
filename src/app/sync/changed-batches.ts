import type { Mapping } from '../../domain/mapping.js'
import type { Cursor, RemoteRecord } from '../../domain/records.js'
import type { SyncDeps } from './sync-deps.js'
import { BatchBuffer } from './batch-buffer.js'
import { mappedFields } from './mapped-fields.js'
import type { CursorCommit } from './batch-buffer.js'

export type { CursorCommit } from './batch-buffer.js'

/** Changed records of one object of one system, at most a batch of them. */
export interface ChangedBatch {
  readonly system: string
  readonly object: string
  readonly records: readonly RemoteRecord[]
  /**
   * The cursor that may advance once this batch is recorded: that of the last page whose
   * records all sit in this batch or an earlier one. Absent while a page is still split.
   */
  readonly cursor?: CursorCommit
  /** Records of the same page read but not in this batch or an earlier one (look-ahead for batched lookups). */
  readonly ahead?: readonly RemoteRecord[]
}

/**
 * Systems whose changes matter to a mapping: a source of some row or relationship. A system
 * that is only ever written (the target of one-way rows) need not be read at all.
 */
export function sourceSystems(mapping: Mapping): string[] {
  return mapping.order.filter(
    (system) =>
      mapping.rows.some((r) => r.paths.has(system) && (!r.oneWay || r.oneWay.from === system)) ||
      mapping.relationships.some((r) => r.order.includes(system) && (!r.oneWay || r.oneWay.from === system)),
  )
}

/** Moves a cursor back by the overlap window, so a change stamped late by a skewed clock is not missed. */
export function withOverlap(cursor: Cursor | undefined, overlapSeconds: number): Cursor | undefined {
  if (!cursor) return undefined
  const at = Date.parse(cursor.value)
  if (Number.isNaN(at)) return cursor
  return { value: new Date(at - overlapSeconds * 1000).toISOString() }
}

/** What the reader counts as it goes: records read per system. */
export type ReadCounts = Record<string, number>

/**
 * Reads every object of every source system from its cursor (minus the overlap) and hands the
 * changes on in batches of `batchSize`, holding no more than a batch and the page being read.
 * Pages are filled up to a batch (so writes fill the vendors' batches) and split when larger.
 * A record seen twice within a batch keeps its newest copy; one seen again in a later batch
 * is planned again, which writes nothing when nothing changed (echo suppression).
 */
export async function* changedBatches(mapping: Mapping, options: { overlapSeconds: number; batchSize: number }, deps: SyncDeps, reads: ReadCounts): AsyncGenerator<ChangedBatch> {
  for (const system of sourceSystems(mapping)) {
    const connector = deps.connectors.get(system)
    if (!connector) continue
    for (const object of mapping.config.systems.find((s) => s.system === system)?.objects ?? []) {
      const key = { mapping: mapping.name, system, object }
      const since = withOverlap(await deps.store.getCursor(key), options.overlapSeconds)
      const buffer = new BatchBuffer(options.batchSize)
      for await (const page of connector.read(object, since, { fields: mappedFields(mapping, system, object) })) {
        buffer.add(page.records, page.cursor ? { ...key, cursor: page.cursor } : undefined)
        reads[system] = (reads[system] ?? 0) + page.records.length
        deps.onProgress?.({ phase: 'read', system, done: reads[system] ?? 0 })
        for (let batch = buffer.take(false); batch; batch = buffer.take(false)) yield { system, object, records: newestCopies(batch.records), ahead: buffer.pending(), ...(batch.cursor ? { cursor: batch.cursor } : {}) }
      }
      for (let batch = buffer.take(true); batch; batch = buffer.take(true)) yield { system, object, records: newestCopies(batch.records), ahead: buffer.pending(), ...(batch.cursor ? { cursor: batch.cursor } : {}) }
    }
  }
}

/** One copy per record id, the newest (a page re-read after the search window repeats some). */
function newestCopies(records: readonly RemoteRecord[]): RemoteRecord[] {
  const latest = new Map<string, RemoteRecord>()
  for (const record of records) {
    const seen = latest.get(record.id)
    if (!seen || seen.modifiedAt <= record.modifiedAt) latest.set(record.id, record)
  }
  return [...latest.values()]
}
