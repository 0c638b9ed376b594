import type { Mapping } from '../domain/mapping.js'
import type { RemoteRecord } from '../domain/records.js'
import type { Reason } from '../domain/reason.js'

/** A linked record to delete because its counterpart was deleted, and why. */
export interface PlannedRemoval {
  readonly system: string
  readonly object: string
  readonly id: string
  readonly reason: Reason
}

/** What to do about an entity whose record a person deleted in one system. */
export interface DeletePlan {
  /** Recorded on the entity either way. */
  readonly recorded: Reason
  /** The linked records to delete too; empty unless the mapping says `deletes: propagate`. */
  readonly removals: readonly PlannedRemoval[]
}

/**
 * Decides what a delete in one system does to the entity's other records (SPEC 2.11): by
 * default it is recorded and nothing else is touched, because a delete in a marketing system
 * rarely means the CRM should lose the person; `deletes: propagate` deletes them too.
 */
export function planDeletes(mapping: Mapping, deleted: { readonly system: string; readonly object: string; readonly id: string }, others: ReadonlyMap<string, RemoteRecord>): DeletePlan {
  const what = `${deleted.system} ${deleted.object} ${deleted.id} was deleted`
  if (mapping.config.deletes !== 'propagate') {
    return { recorded: { rule: 'delete.recorded', detail: `${what}; recorded, not propagated (deletes: ${mapping.config.deletes})` }, removals: [] }
  }
  const removals = [...others]
    .filter(([system]) => system !== deleted.system)
    .map(([system, record]): PlannedRemoval => ({ system, object: record.object, id: record.id, reason: { rule: 'delete.propagate', detail: `${what}; deleted here too (deletes: propagate)` } }))
  return { recorded: { rule: 'delete.propagate', detail: `${what}; its records in ${removals.map((r) => r.system).join(', ') || 'no other system'} are deleted too` }, removals }
}
