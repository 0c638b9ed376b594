import type { FieldRow, Mapping, RelationshipRule } from '../domain/mapping.js'
import { pathFor } from '../domain/mapping.js'
import type { FieldValue, RecordRefs, RemoteRecord } from '../domain/records.js'
import type { Reason } from '../domain/reason.js'
import { decideRow } from './decide-row.js'
import type { RowDecision, RowSide } from './decide-row.js'
import { normalizeValue, sameValue } from '../domain/normalize-value.js'
import type { EntityPlan, EntitySnapshot, HeldRow, PlannedWrite } from './entity-plan.js'
import { failedFilter } from './passes-filters.js'
import { isRelatedPath, readRowValue } from './read-row-value.js'
import { planRelationship } from './plan-relationship.js'
import type { UserDirectory } from './user-directory.js'
import { ownerDirectory } from './related-directory.js'
import type { RelatedDirectory } from './related-directory.js'

/** Directories for the company and parent relationships (owners come from the users). */
export type RelatedDirectories = Readonly<Partial<Record<'company' | 'parent', RelatedDirectory>>>

/**
 * A row waiting for a person stays held until a side changes its value again. Without this,
 * revsync's own write to another field of the record would make that side look like the
 * latest change and settle the conflict on the person's behalf.
 */
function stillHeld(row: FieldRow, sides: readonly RowSide[], open: NonNullable<EntitySnapshot['openReviews']>[string] | undefined): RowDecision | undefined {
  if (!open) return undefined
  const sources = sides.filter((s) => s.source && s.value !== undefined)
  // A side that was not there when the row was held counts as unchanged only while it is blank.
  const unchanged =
    open.candidates.every((c) => sources.some((s) => s.system === c.system)) &&
    sources.every((side) => {
      const held = open.candidates.find((c) => c.system === side.system)
      return held ? sameValue(side.value, held.value, row.compare) : normalizeValue(side.value) === null
    })
  return unchanged ? { kind: 'hold', reason: open.reason, candidates: sources.map((s) => ({ system: s.system, value: normalizeValue(s.value) })) } : undefined
}

/** A person's review decision: the chosen value wins outright, written wherever it differs. */
function applyDecided(row: FieldRow, sides: readonly RowSide[], decided: { value: FieldValue; reason: Reason }): RowDecision {
  const winner = normalizeValue(decided.value)
  const writes = sides.filter((s) => s.target && (s.value === undefined ? winner !== null : !sameValue(s.value, winner, row.compare))).map((s) => s.system)
  return { kind: 'set', winner, writes, reason: decided.reason }
}

/** The last-synced key under which an entity's standing warnings are remembered. */
export const warningsKey = '@warnings'

/** Collects the fields, refs and reasons to write into one system's record. */
interface Draft {
  readonly system: string
  readonly object: string
  readonly record: RemoteRecord | undefined
  readonly fields: Record<string, FieldValue>
  readonly refs: { -readonly [K in keyof RecordRefs]: RecordRefs[K] }
  readonly before: Record<string, FieldValue>
  readonly reasons: Reason[]
}

/** The object a system's record is (or would be created as). */
function objectOf(mapping: Mapping, system: string, record: RemoteRecord | undefined): string {
  const config = mapping.config.systems.find((s) => s.system === system)
  return record?.object ?? config?.createAs ?? config?.objects[0] ?? ''
}

/** Systems where revsync would create the entity's record: configured to, and holding none. */
function creatable(mapping: Mapping, snapshot: EntitySnapshot): Set<string> {
  // A record a person deleted stays deleted: re-creating it would undo their decision.
  return new Set(mapping.config.systems.filter((s) => s.create && !snapshot.records.has(s.system) && !snapshot.gone?.has(s.system)).map((s) => s.system))
}

/** Can this row read a system it never writes (a one-way row's source, a related path)? */
function readsOnly(mapping: Mapping, row: FieldRow, system: string, record: RemoteRecord | undefined): boolean {
  const path = pathFor(row, system, objectOf(mapping, system, record))
  if (path === undefined) return false
  const readable = !row.oneWay || row.oneWay.from === system
  const writable = !isRelatedPath(path) && (!row.oneWay || row.oneWay.to === system)
  return readable && !writable
}

/**
 * `created`: systems whose record this plan creates. A created record holds nothing for a row
 * that never writes it, so there it is read as blank, which wins only under `always`.
 */
function rowSides(mapping: Mapping, row: FieldRow, snapshot: EntitySnapshot, creatables: Set<string>, created: ReadonlySet<string>, users?: UserDirectory): RowSide[] {
  return mapping.order.flatMap((system): RowSide[] => {
    const record = snapshot.records.get(system)
    const path = pathFor(row, system, objectOf(mapping, system, record))
    if (path === undefined || (!record && !creatables.has(system))) return []
    const writableHere = !isRelatedPath(path) && (!row.oneWay || row.oneWay.to === system)
    const readable = !row.oneWay || row.oneWay.from === system
    const createdBlank = !record && created.has(system) && readable && !writableHere
    return [{
      system,
      value: record ? readRowValue(row, system, record, users) : createdBlank ? null : undefined,
      changedAt: record ? Date.parse(record.modifiedAt) : 0,
      source: (record !== undefined || createdBlank) && readable,
      target: writableHere,
    }]
  })
}

/**
 * Plans one entity of one mapping: settles every field row and relationship, and lists the
 * writes (updates of differing records, creates where the entity has no record yet), each
 * with its reason. Pure: the app supplies records, last-synced values and users.
 */
export function planEntity(mapping: Mapping, snapshot: EntitySnapshot, users?: UserDirectory, related: RelatedDirectories = {}): EntityPlan {
  const skipped = failedFilter(mapping.config.filters, snapshot.records)
  if (skipped) return { entityId: snapshot.entityId, writes: [], synced: {}, holds: [], warnings: [], skipped }
  const creatables = creatable(mapping, snapshot)
  const drafts = new Map<string, Draft>()
  const draft = (system: string): Draft => {
    let d = drafts.get(system)
    if (!d) {
      const record = snapshot.records.get(system)
      d = { system, object: objectOf(mapping, system, record), record, fields: {}, refs: {}, before: {}, reasons: [] }
      drafts.set(system, d)
    }
    return d
  }
  const synced: Record<string, FieldValue> = {}
  const holds: HeldRow[] = []
  const warnings: Reason[] = []
  // Rows that read a system the plan may create are decided last, once the creates are known.
  const readsCreatable = (row: FieldRow): boolean => [...creatables].some((system) => readsOnly(mapping, row, system, undefined))
  const rows = [...mapping.rows.filter((row) => !readsCreatable(row)), ...mapping.rows.filter(readsCreatable)]
  let created: ReadonlySet<string> | undefined
  for (const row of rows) {
    if (readsCreatable(row)) created ??= new Set([...drafts.values()].filter((d) => !d.record && Object.keys(d.fields).length > 0).map((d) => d.system))
    const sides = rowSides(mapping, row, snapshot, creatables, created ?? new Set(), users)
    const decided = snapshot.decided?.[row.key]
    const decision = decided ? applyDecided(row, sides, decided) : (stillHeld(row, sides, snapshot.openReviews?.[row.key]) ?? decideRow(row, sides, snapshot.synced[row.key]))
    if (decision.kind === 'hold') {
      holds.push({ rowKey: row.key, reason: decision.reason, candidates: decision.candidates })
      continue
    }
    synced[row.key] = decision.winner
    for (const system of decision.writes) {
      const d = draft(system)
      const field = pathFor(row, system, d.object) as string
      d.fields[field] = decision.winner
      d.before[field] = d.record?.fields[field] ?? null
      addFieldReason(d.reasons, field, decision.reason)
    }
  }
  for (const rule of mapping.relationships) {
    const directory = rule.name === 'owner' ? (users ? ownerDirectory(users) : undefined) : related[rule.name]
    if (directory) applyRelationship(rule, snapshot, creatables, directory, draft, synced, warnings)
  }
  // Remembered like a value, so a standing warning is reported when it appears, not every run.
  synced[warningsKey] = warnings.length > 0 ? warnings.map((w) => w.detail).sort().join('\n') : null
  const writes = [...drafts.values()].flatMap((d) => toWrite(d, snapshot))
  return { entityId: snapshot.entityId, writes, synced, holds, warnings }
}

function applyRelationship(
  rule: RelationshipRule,
  snapshot: EntitySnapshot,
  creatables: Set<string>,
  directory: RelatedDirectory,
  draft: (system: string) => Draft,
  synced: Record<string, FieldValue>,
  warnings: Reason[],
): void {
  const outcome = planRelationship(rule, snapshot, creatables, directory)
  warnings.push(...outcome.warnings)
  if (outcome.winnerKey !== undefined) synced[`@${rule.name}`] = outcome.winnerKey
  for (const set of outcome.sets) {
    const d = draft(set.system)
    d.refs[rule.name] = set.id
    d.reasons.push(set.reason)
  }
}

/**
 * Adds a field to the reason that decided it. Fields decided by the same rule for the same
 * cause share one reason, so a created record carries a handful of reasons, not one per field.
 */
function addFieldReason(reasons: Reason[], field: string, reason: Reason): void {
  const index = reasons.findIndex((r) => r.rule === reason.rule && r.detail === reason.detail && r.fields)
  const existing = reasons[index]
  if (existing) reasons[index] = { ...existing, fields: [...(existing.fields ?? []), field] }
  else reasons.push({ rule: reason.rule, detail: reason.detail, fields: [field] })
}

function toWrite(d: Draft, snapshot: EntitySnapshot): PlannedWrite[] {
  const hasFields = Object.keys(d.fields).length > 0
  if (d.record) {
    if (!hasFields && Object.keys(d.refs).length === 0) return []
    return [{ system: d.system, object: d.object, kind: 'update', recordId: d.record.id, fields: d.fields, refs: d.refs, before: d.before, reasons: d.reasons }]
  }
  // A record is only created to carry values; owner alone does not make a person.
  if (!hasFields) return []
  const why: Reason = { rule: 'create', detail: `no ${d.system} record is linked or matched; created as ${d.object}` }
  return [{ system: d.system, object: d.object, kind: 'create', fields: d.fields, refs: d.refs, before: {}, reasons: [why, ...(snapshot.notes ?? []), ...d.reasons] }]
}
