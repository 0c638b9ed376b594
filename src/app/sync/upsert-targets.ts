import type { Connector } from '../../domain/connector.js'
import type { Mapping } from '../../domain/mapping.js'
import { pathFor } from '../../domain/mapping.js'
import { sourceSystems } from './changed-batches.js'

/**
 * Whether creates into one object of one system go by upsert on the match key, with no lookup
 * before: one call instead of a lookup and a create. Safe only where nothing there needs
 * deciding: people (companies match loosely), a system the mapping never reads (only the
 * target of one-way rows, so no value of it is weighed by a policy and no candidate of it
 * competes), no row there under `always` (whose blank would have to clear a found record's
 * value), and a key the system keeps unique (`Connector.upserts`, e.g. HubSpot contact email),
 * so a found record is the one person. Duplicates within the source are still held first.
 */
export function upsertsInto(mapping: Mapping, connectors: ReadonlyMap<string, Connector>, system: string, object: string): boolean {
  if (mapping.config.entity !== 'person') return false
  const row = mapping.matchRows[0]
  const field = row ? pathFor(row, system, object) : undefined
  if (!field || field.includes('.')) return false
  if (connectors.get(system)?.upserts?.(object, field) !== true) return false
  if (sourceSystems(mapping).includes(system)) return false
  return !mapping.rows.some((r) => r.policy === 'always' && r.paths.has(system))
}
