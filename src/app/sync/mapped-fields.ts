import type { Mapping } from '../../domain/mapping.js'
import { pathFor } from '../../domain/mapping.js'

const cache = new WeakMap<Mapping, Map<string, readonly string[]>>()

/**
 * The native fields a mapping reads from one object of one system: every field row's path
 * there and every filter's field. Relationship lookups and paths through them (`owner.email`)
 * travel in `refs`, which connectors always return. Computed once per resolved mapping, so a
 * run asks for them on every read and lookup at no cost.
 */
export function mappedFields(mapping: Mapping, system: string, object: string): readonly string[] {
  let bySystemObject = cache.get(mapping)
  if (!bySystemObject) {
    bySystemObject = new Map()
    cache.set(mapping, bySystemObject)
  }
  const key = `${system}\u0000${object}`
  const known = bySystemObject.get(key)
  if (known) return known
  const fields = new Set<string>()
  for (const row of mapping.rows) {
    const path = pathFor(row, system, object)
    if (path !== undefined && !path.includes('.')) fields.add(path)
  }
  for (const filter of mapping.config.filters) if (filter.system === system) fields.add(filter.field)
  const list = [...fields]
  bySystemObject.set(key, list)
  return list
}
