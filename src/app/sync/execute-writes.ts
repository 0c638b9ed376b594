import type { Connector } from '../../domain/connector.js'
import type { WriteOp, WriteResult } from '../../domain/records.js'
import type { PlannedWrite } from '../../engine/entity-plan.js'

/** A planned write and what the system answered. */
export interface WriteOutcome {
  readonly entityId: string
  readonly write: PlannedWrite
  readonly result: WriteResult
}

/**
 * Sends planned writes to their systems, one `write` call per system and object so each
 * connector can fill its largest batches; every write gets its own result back.
 */
export async function executeWrites(
  planned: readonly { readonly entityId: string; readonly write: PlannedWrite }[],
  connectors: ReadonlyMap<string, Connector>,
): Promise<WriteOutcome[]> {
  const groups = new Map<string, { system: string; object: string; items: { entityId: string; write: PlannedWrite; op: WriteOp }[] }>()
  planned.forEach(({ entityId, write }, i) => {
    const key = `${write.system}\u0000${write.object}`
    const group = groups.get(key) ?? { system: write.system, object: write.object, items: [] }
    groups.set(key, group)
    const ref = String(i)
    const op: WriteOp = write.kind === 'create'
      ? { kind: 'create', ref, fields: write.fields, refs: write.refs }
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
      outcomes.push({ entityId: item.entityId, write: item.write, result })
    }
  }
  return outcomes
}
