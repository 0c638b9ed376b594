import type { Connector } from '../../domain/connector.js'
import type { Mapping } from '../../domain/mapping.js'
import { pathFor } from '../../domain/mapping.js'
import type { CreateKey, WriteOp, WriteResult } from '../../domain/records.js'
import type { PlannedWrite } from '../../engine/entity-plan.js'
import { upsertsInto } from './upsert-targets.js'

/** A planned write and what the system answered. */
export interface WriteOutcome {
  readonly entityId: string
  readonly write: PlannedWrite
  readonly result: WriteResult
}

/**
 * The key a create was matched on: the mapping's first match row, in the object written, with
 * the value the new record gets. The sync looked this key up in the system and found no one,
 * so after a lost answer the connector takes a record holding it for the one it just made.
 * A create that writes no value for the key (a one-way row the other way) has none, and so
 * does a company.
 */
export function createKeyOf(mapping: Mapping | undefined, write: PlannedWrite): CreateKey | undefined {
  // Companies are matched loosely (a parent and its child may share a domain), so a company
  // holding the key may be one the sync chose not to match: only people get a key.
  if (mapping?.config.entity !== 'person') return undefined
  const row = mapping.matchRows[0]
  const field = row ? pathFor(row, write.system, write.object) : undefined
  if (!field || field.includes('.')) return undefined
  const value = write.fields[field]
  return value === null || value === undefined || String(value).trim() === '' ? undefined : { field, value: String(value) }
}

/** The reason recorded on a create whose answer was lost and whose record was found by its key. */
function recoveredReason(write: PlannedWrite, key: CreateKey | undefined) {
  const by = key ? `by ${key.field} ${key.value}` : 'as the record the vendor named'
  return { rule: 'create.recovered', detail: `${write.system} applied this create but its answer was lost; the record it made was found ${by} and linked, not created again` }
}

/**
 * A create that its upsert found already made: the record holding the key was updated, so the
 * run records an update of it, linked, with the match as its reason in place of the create's.
 */
function matchedWrite(write: PlannedWrite, id: string, key: CreateKey | undefined): PlannedWrite {
  const match = { rule: 'match.key', detail: `${write.system} ${write.object} ${id} already held ${key ? `${key.field} ${key.value}` : 'the key'}; matched by it and updated, not created` }
  return { ...write, kind: 'update', recordId: id, reasons: [match, ...write.reasons.filter((r) => r.rule !== 'create')] }
}

/**
 * Sends planned writes to their systems, one `write` call per system and object so each
 * connector can fill its largest batches; every write gets its own result back. Creates carry
 * the mapping's match key, so a connector never makes one twice after a lost answer.
 */
export async function executeWrites(
  planned: readonly { readonly entityId: string; readonly write: PlannedWrite }[],
  connectors: ReadonlyMap<string, Connector>,
  mapping?: Mapping,
): Promise<WriteOutcome[]> {
  const groups = new Map<string, { system: string; object: string; items: { entityId: string; write: PlannedWrite; op: WriteOp }[] }>()
  planned.forEach(({ entityId, write }, i) => {
    const key = `${write.system}\u0000${write.object}`
    const group = groups.get(key) ?? { system: write.system, object: write.object, items: [] }
    groups.set(key, group)
    const ref = String(i)
    const createKey = write.kind === 'create' ? createKeyOf(mapping, write) : undefined
    const upsert = createKey !== undefined && mapping !== undefined && upsertsInto(mapping, connectors, write.system, write.object)
    const op: WriteOp = write.kind === 'create'
      ? { kind: 'create', ref, fields: write.fields, refs: write.refs, ...(createKey ? { key: createKey } : {}), ...(upsert ? { upsert: true as const } : {}) }
      : { kind: 'update', ref, id: write.recordId as string, fields: write.fields, refs: write.refs }
    group.items.push({ entityId, write, op })
  })
  const outcomes: WriteOutcome[] = []
  for (const group of groups.values()) {
    const connector = connectors.get(group.system)
    if (!connector) throw new Error(`no connector for system "${group.system}"`)
    const results = await connector.write(group.object, group.items.map((i) => i.op))
    const byRef = new Map(results.map((r) => [r.ref, r]))
    for (const item of group.items) {
      const result = byRef.get(item.op.ref) ?? { ok: false, ref: item.op.ref, code: 'unknown', vendorCode: 'NO_RESULT', message: `${group.system} returned no result for this record` }
      const recovered = result.ok && result.recovered === true
      const key = item.op.kind === 'create' ? item.op.key : undefined
      const write = result.ok && result.matched === true
        ? matchedWrite(item.write, result.id, key)
        : recovered ? { ...item.write, reasons: [...item.write.reasons, recoveredReason(item.write, key)] } : item.write
      outcomes.push({ entityId: item.entityId, write, result })
    }
  }
  return outcomes
}
