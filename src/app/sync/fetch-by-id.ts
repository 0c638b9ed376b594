import type { Connector } from '../../domain/connector.js'
import type { RemoteRecord } from '../../domain/records.js'

/**
 * Reads records by id, one lookup per object (connectors batch it), keyed `object/id`. With
 * `fieldsOf`, only the fields it names for an object are asked for (all without it).
 */
export async function fetchById(connector: Connector, wanted: ReadonlyMap<string, readonly string[]>, fieldsOf?: (object: string) => readonly string[]): Promise<Map<string, RemoteRecord>> {
  const found = new Map<string, RemoteRecord>()
  for (const [object, ids] of wanted) {
    if (ids.length === 0) continue
    const result = await connector.lookup(object, { field: 'id', values: ids }, fieldsOf ? { fields: fieldsOf(object) } : undefined)
    for (const records of result.values()) for (const r of records) found.set(`${r.object}/${r.id}`, r)
  }
  return found
}

/** Adds an id to a per-object list. */
export function want(map: Map<string, string[]>, object: string, id: string): void {
  const list = map.get(object)
  if (list) list.push(id)
  else map.set(object, [id])
}
