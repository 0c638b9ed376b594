import type { FieldRow, RelationshipRule } from '../domain/mapping.js'
import type { Reason } from '../domain/reason.js'
import { decideRow } from './decide-row.js'
import type { RowSide } from './decide-row.js'
import type { EntitySnapshot } from './entity-plan.js'
import type { UserDirectory } from './user-directory.js'
import { describeUser } from './user-directory.js'

/** The owner a system's record must be given, and why. */
export interface RelationshipSet {
  readonly system: string
  readonly id: string
  readonly reason: Reason
}

/** The outcome of one relationship for one entity. */
export interface RelationshipOutcome {
  /** The winning user's cross-system key, remembered as the last-synced value. */
  readonly winnerKey?: string
  readonly sets: readonly RelationshipSet[]
  readonly warnings: readonly Reason[]
}

/**
 * Settles the owner of one entity across systems (SPEC 2.3–2.4): owners compare as the
 * same person (users matched by email), the relationship's own System of Record order picks
 * the winner, and each other system gets that person's user id there. A person who is not
 * a user of a system, or is inactive there, leaves the owner unchanged with a warning.
 */
export function planRelationship(rule: RelationshipRule, snapshot: EntitySnapshot, creatables: ReadonlySet<string>, users: UserDirectory): RelationshipOutcome {
  const sides: RowSide[] = rule.order.flatMap((system): RowSide[] => {
    const record = snapshot.records.get(system)
    if (!record && !creatables.has(system)) return []
    const id = record?.refs?.[rule.name]
    // An owner revsync cannot identify still counts as a value, so it is never overwritten by accident.
    const value = record ? (id ? (users.identity(system, id)?.key ?? `${system}:${id}`) : null) : undefined
    return [{
      system,
      value,
      changedAt: record ? Date.parse(record.modifiedAt) : 0,
      source: record !== undefined && (!rule.oneWay || rule.oneWay.from === system),
      target: !rule.oneWay || rule.oneWay.to === system,
    }]
  })
  const row: FieldRow = { key: `@${rule.name}`, index: -1, policy: 'system-of-record', compare: 'exact', toleranceMs: 0, paths: new Map() }
  const decision = decideRow(row, sides, snapshot.synced[row.key])
  if (decision.kind !== 'set' || decision.winner === null) return { sets: [], warnings: [] }
  const winnerKey = String(decision.winner)
  const source = sides.find((s) => s.value === winnerKey)
  const sourceId = source ? snapshot.records.get(source.system)?.refs?.[rule.name] : undefined
  const identity = source ? users.identity(source.system, sourceId) : undefined
  const sourceUser = source ? users.user(source.system, sourceId) : undefined
  const who = sourceUser ? describeUser(sourceUser) : `owner ${winnerKey}`
  const sets: RelationshipSet[] = []
  const warnings: Reason[] = []
  for (const system of decision.writes) {
    const target = identity ? users.counterpart(identity, system) : undefined
    if (!target) {
      warnings.push({ rule: 'owner.missing-user', detail: `${who} is not a user in ${system}; the ${system} owner is left unchanged` })
    } else if (!target.active) {
      warnings.push({ rule: 'owner.inactive-user', detail: `${who} is inactive in ${system}; the ${system} owner is left unchanged` })
    } else {
      sets.push({ system, id: target.id, reason: { rule: 'owner.system-of-record', detail: `owner: ${who}, because ${decision.reason.detail}` } })
    }
  }
  return { winnerKey, sets, warnings }
}
