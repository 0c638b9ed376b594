import type { Mapping } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { ChangedBatch, ReadCounts } from './changed-batches.js'
import { sourceSystems } from './changed-batches.js'
import type { SyncDeps } from './sync-deps.js'

/** Records a trigger names (a webhook, a logic hook): read by id instead of from a cursor. */
export interface RecordSet {
  readonly system: string
  /** The native object, as the mapping names it (`contacts`, `Contacts`, `Lead`). */
  readonly object: string
  readonly ids: readonly string[]
}

/**
 * Why a record set cannot be run against a mapping, or undefined when it can: the system must
 * be a source of the mapping (a system only ever written is not read), and the object one the
 * mapping reads there.
 */
export function recordSetProblem(mapping: Mapping, set: RecordSet): string | undefined {
  if (!sourceSystems(mapping).includes(set.system)) return `mapping "${mapping.name}" does not read from system "${set.system}"`
  const objects = mapping.config.systems.find((s) => s.system === set.system)?.objects ?? []
  if (!objects.includes(set.object)) return `mapping "${mapping.name}" reads ${objects.join(', ')} from "${set.system}", not "${set.object}"`
  return undefined
}

/**
 * The batches of a run of just the named records: each batch of ids is fetched fresh by id (so
 * deliveries that arrive twice or out of order plan from what the system holds now, never
 * from the event's copy) and handed on as a changed batch without a cursor, since a triggered
 * run reads no range and must not move the scheduled run's place. `runSync` checks the set
 * with `recordSetProblem` first.
 *
 * An id the system no longer returns (deleted, archived) is left out, not planned as a
 * delete: a lookup that misses is weaker evidence than the flagged record a cursor read
 * returns, and a delete may propagate. The scheduled run handles deletes as it always has.
 */
export async function* recordBatches(mapping: Mapping, set: RecordSet, options: { batchSize: number }, deps: SyncDeps, reads: ReadCounts): AsyncGenerator<ChangedBatch> {
  const connector = deps.connectors.get(set.system)
  if (!connector) return
  const ids = [...new Set(set.ids)]
  for (let start = 0; start < ids.length; start += options.batchSize) {
    const wanted = ids.slice(start, start + options.batchSize)
    const found = new Map<string, RemoteRecord>()
    for (const records of (await connector.lookup(set.object, { field: 'id', values: wanted })).values()) for (const r of records) found.set(r.id, r)
    const records = wanted.flatMap((id) => found.get(id) ?? [])
    reads[set.system] = (reads[set.system] ?? 0) + records.length
    deps.onProgress?.({ phase: 'read', system: set.system, done: reads[set.system] ?? 0 })
    yield { system: set.system, object: set.object, records }
  }
}
