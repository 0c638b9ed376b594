import type { Mapping } from '../domain/mapping.js'
import type { FieldValue, RemoteRecord } from '../domain/records.js'
import type { Reason } from '../domain/reason.js'
import { sameValue } from '../domain/normalize-value.js'
import { readRowValue } from './read-row-value.js'
import type { RelatedDirectories } from './plan-entity.js'
import { ownerDirectory } from './related-directory.js'
import type { UserDirectory } from './user-directory.js'

/**
 * Whether a linked record read as changed holds anything its entity has not agreed on: a row
 * or a relationship whose value differs from the last-synced value `L`, or a delete or a
 * conversion. A record that agrees with `L` everywhere carries no change of its own (it is
 * usually revsync's own write read back): a change made elsewhere reaches the run through the
 * system that holds it, so the entity need not be assembled and planned for this record. The
 * answer is conservative: a row with no `L` yet, or a lookup revsync cannot identify, counts as
 * a change. Returns the first difference found, as the reason to plan.
 */
export function carriesChange(
  mapping: Mapping,
  system: string,
  record: RemoteRecord,
  synced: Readonly<Record<string, FieldValue>> | undefined,
  users: UserDirectory | undefined,
  related: RelatedDirectories,
): Reason | undefined {
  if (record.deleted) return { rule: 'change.deleted', detail: `${system} ${record.object} ${record.id} was deleted` }
  if (record.convertedTo) return { rule: 'change.converted', detail: `${system} ${record.object} ${record.id} was converted` }
  if (!synced) return { rule: 'change.never-synced', detail: 'the entity has no last-synced values yet' }
  for (const row of mapping.rows) {
    const value = readRowValue(row, system, record, users)
    if (value === undefined) continue
    if (!(row.key in synced) || !sameValue(value, synced[row.key], row.compare)) return { rule: 'change.row', detail: `${system} ${row.key} differs from the last-synced value` }
  }
  for (const rule of mapping.relationships) {
    if (!rule.order.includes(system)) continue
    const directory = rule.name === 'owner' ? (users ? ownerDirectory(users) : undefined) : related[rule.name]
    const id = record.refs?.[rule.name]
    const key = id ? directory?.key(system, id) : null
    // An id the directory cannot place (no users loaded, a company not linked) is treated as a change.
    if (key === undefined) return { rule: 'change.relationship', detail: `${system} ${rule.name} ${id ?? ''} cannot be compared` }
    const last = synced[`@${rule.name}`] ?? null
    // No lookup here and none agreed (the winner was blank, so no key was kept) is agreement.
    if ((key ?? null) !== last) return { rule: 'change.relationship', detail: `${system} ${rule.name} differs from the last-synced value` }
  }
  return undefined
}
