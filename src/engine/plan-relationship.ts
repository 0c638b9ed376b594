import type { FieldRow, RelationshipRule } from '../domain/mapping.js'
import type { Reason } from '../domain/reason.js'
import { decideRow } from './decide-row.js'
import type { RowSide } from './decide-row.js'
import type { EntitySnapshot } from './entity-plan.js'
import type { RelatedDirectory } from './related-directory.js'

/** The related id a system's record must be given, and why. */
export interface RelationshipSet {
  readonly system: string
  readonly id: string
  readonly reason: Reason
}

/** The outcome of one relationship for one entity. */
export interface RelationshipOutcome {
  /** The winner's cross-system key (a user's email, a company's entity id), remembered as last synced. */
  readonly winnerKey?: string
  readonly sets: readonly RelationshipSet[]
  readonly warnings: readonly Reason[]
}

/**
 * Settles one relationship of one entity across systems (SPEC 2.3): lookups compare as the
 * same user or company (through the directory), the relationship's own System of Record
 * order picks the winner, and each other system gets that user's or company's id there.
 * Where the winner has no usable counterpart, the lookup is left unchanged with a warning.
 */
export function planRelationship(rule: RelationshipRule, snapshot: EntitySnapshot, creatables: ReadonlySet<string>, directory: RelatedDirectory): RelationshipOutcome {
  const sides: RowSide[] = rule.order.flatMap((system): RowSide[] => {
    const record = snapshot.records.get(system)
    if (!record && !creatables.has(system)) return []
    const id = record?.refs?.[rule.name]
    // A lookup revsync cannot identify still counts as a value, so it is never overwritten by accident.
    const value = record ? (id ? (directory.key(system, id) ?? `${system}:${id}`) : null) : undefined
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
  const who = source && sourceId ? directory.describe(source.system, sourceId) : `${rule.name} ${winnerKey}`
  const sets: RelationshipSet[] = []
  const warnings: Reason[] = []
  for (const system of decision.writes) {
    const target = directory.target(winnerKey, system, who)
    if ('problem' in target) warnings.push(target.problem)
    else sets.push({ system, id: target.id, reason: { rule: `${rule.name}.system-of-record`, detail: `${rule.name}: ${who}, because ${decision.reason.detail}` } })
  }
  return { winnerKey, sets, warnings }
}
