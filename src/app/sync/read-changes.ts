import type { Mapping } from '../../domain/mapping.js'
import type { Cursor, RemoteRecord } from '../../domain/records.js'
import type { CursorKey } from '../../store/store.js'
import type { SyncDeps } from './sync-deps.js'

/** Records changed since the cursors, by system, and the cursors to commit after the run. */
export interface ChangeSet {
  readonly bySystem: ReadonlyMap<string, readonly RemoteRecord[]>
  readonly cursors: readonly (CursorKey & { readonly cursor: Cursor })[]
  readonly reads: Readonly<Record<string, number>>
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

/**
 * Reads every object of every source system from its cursor (minus the overlap), keeping
 * the newest copy of each record. Cursors are returned, not saved: they advance only after
 * the run's writes are recorded.
 */
export async function readChanges(mapping: Mapping, overlapSeconds: number, deps: SyncDeps): Promise<ChangeSet> {
  const bySystem = new Map<string, RemoteRecord[]>()
  const cursors: (CursorKey & { cursor: Cursor })[] = []
  const reads: Record<string, number> = {}
  for (const system of sourceSystems(mapping)) {
    const connector = deps.connectors.get(system)
    const objects = mapping.config.systems.find((s) => s.system === system)?.objects ?? []
    if (!connector) continue
    const latest = new Map<string, RemoteRecord>()
    for (const object of objects) {
      const key = { mapping: mapping.name, system, object }
      const since = withOverlap(await deps.store.getCursor(key), overlapSeconds)
      let last: Cursor | undefined
      for await (const page of connector.read(object, since)) {
        for (const record of page.records) {
          const seen = latest.get(record.id)
          if (!seen || seen.modifiedAt <= record.modifiedAt) latest.set(record.id, record)
        }
        last = page.cursor
        reads[system] = (reads[system] ?? 0) + page.records.length
        deps.onProgress?.({ phase: 'read', system, done: reads[system] ?? 0 })
      }
      if (last) cursors.push({ ...key, cursor: last })
    }
    bySystem.set(system, [...latest.values()])
  }
  return { bySystem, cursors, reads }
}
