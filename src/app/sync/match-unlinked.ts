import type { FieldRow, Mapping } from '../../domain/mapping.js'
import { pathFor } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import { normalizeValue } from '../../engine/normalize-value.js'
import { readRowValue } from '../../engine/read-row-value.js'
import type { EntityGroup } from './entity-group.js'
import type { SyncDeps } from './sync-deps.js'
import { matchCompaniesIn } from './match-companies.js'
import type { CompanyIndexes } from './match-companies.js'
import type { Reason } from '../../domain/reason.js'

/** The normalized match value of a record: lower-cased and trimmed, as connectors key lookups. */
function matchValue(row: FieldRow, system: string, record: RemoteRecord): string | undefined {
  const value = normalizeValue(readRowValue(row, system, record, undefined))
  return value === null ? undefined : String(value).trim().toLowerCase()
}

/** What matching keeps between the batches of one run. */
export interface MatchOptions {
  /** Records already claimed by an entity (a plan, which commits no links, keeps them here). */
  readonly claimed?: Set<string>
  /** Other systems' companies, read and indexed once per run. */
  readonly companyIndexes?: CompanyIndexes
}

/**
 * Matches records that have no link yet (SPEC 2.8): by the mapping's match rows, against
 * every other system, before anything is created. One candidate links; two candidates, or
 * two records of one system with one key, are held and reported, never guessed.
 */
export async function matchUnlinked(mapping: Mapping, unlinked: ReadonlyMap<string, readonly RemoteRecord[]>, deps: SyncDeps, options: MatchOptions = {}): Promise<EntityGroup[]> {
  const row = mapping.matchRows[0]
  const claimed = options.claimed ?? new Set<string>()
  const groups = new Map<RemoteRecord, EntityGroup>()
  for (const system of mapping.order) {
    const records = (unlinked.get(system) ?? []).filter((r) => !claimed.has(`${system}/${r.id}`))
    if (records.length === 0) continue
    const keyed = new Map<string, RemoteRecord[]>()
    for (const record of records) {
      const group: EntityGroup = { entityId: deps.newId(), isNew: true, records: new Map([[system, record]]), notes: [], links: [], unlinks: [], gone: new Set() }
      groups.set(record, group)
      group.links.push({ mapping: mapping.name, entityId: group.entityId, system, object: record.object, recordId: record.id })
      claimed.add(`${system}/${record.id}`)
      const key = row ? matchValue(row, system, record) : undefined
      if (key) keyed.set(key, [...(keyed.get(key) ?? []), record])
    }
    if (!row) continue
    const others = mapping.order.filter((s) => s !== system)
    if (mapping.config.entity === 'company') {
      // A parent and its child often share a domain: two companies on one key are not duplicates.
      for (const other of others) await matchCompanyGroups(mapping, system, records, other, groups, claimed, deps, options.companyIndexes)
      continue
    }
    holdDuplicates(row, system, await withOwnRecords(mapping, row, system, keyed, deps), keyed, groups)
    for (const other of others) await matchAgainst(mapping, row, system, other, keyed, groups, claimed, deps)
    deps.onProgress?.({ phase: 'match', system, done: records.length, total: records.length })
  }
  return [...groups.values()]
}

/** Two records of one system with one key would both claim the same counterpart: hold them. */
async function matchCompanyGroups(
  mapping: Mapping,
  system: string,
  records: readonly RemoteRecord[],
  other: string,
  groups: Map<RemoteRecord, EntityGroup>,
  claimed: Set<string>,
  deps: SyncDeps,
  indexes?: CompanyIndexes,
): Promise<void> {
  const matches = await matchCompaniesIn(mapping, system, records, other, deps, indexes)
  const linkedAlready = await deps.store.findEntities(mapping.name, other, [...matches.values()].flatMap((m) => (m.kind === 'matched' ? [m.record.id] : [])))
  for (const [record, match] of matches) {
    const group = groups.get(record)
    if (!group || match.kind === 'none') continue
    if (match.kind === 'ambiguous') group.held = match.reason
    else if (linkedAlready.has(match.record.id) || claimed.has(`${other}/${match.record.id}`)) continue
    else link(mapping, group, other, match.record, match.reason, claimed)
  }
}

/** Joins a matched record of another system to a new entity. */
function link(mapping: Mapping, group: EntityGroup, other: string, match: RemoteRecord, reason: Reason, claimed: Set<string>): void {
  group.records.set(other, match)
  group.links.push({ mapping: mapping.name, entityId: group.entityId, system: other, object: match.object, recordId: match.id })
  group.notes.push(reason)
  claimed.add(`${other}/${match.id}`)
}

/**
 * Every live record of `system` that carries each key, the batch's own records included: a run
 * reads a batch at a time, so another record of the same person may sit in another object
 * (a lead and a contact) or on another page, and only the system can say so.
 */
async function withOwnRecords(mapping: Mapping, row: FieldRow, system: string, keyed: ReadonlyMap<string, RemoteRecord[]>, deps: SyncDeps): Promise<Map<string, RemoteRecord[]>> {
  const all = new Map([...keyed].map(([key, records]) => [key, [...records]]))
  const connector = deps.connectors.get(system)
  if (!connector || keyed.size === 0) return all
  for (const object of mapping.config.systems.find((s) => s.system === system)?.objects ?? []) {
    const field = pathFor(row, system, object)
    if (!field || field.includes('.')) continue
    for (const [key, records] of await connector.lookup(object, { field, values: [...keyed.keys()] })) {
      const list = all.get(key)
      // A converted lead is history: its contact is the live record of that person.
      for (const record of records) if (list && !record.deleted && !record.convertedTo && !list.some((r) => r.object === record.object && r.id === record.id)) list.push(record)
    }
  }
  return all
}

/** Two records of one system with one key would both claim the same counterpart: hold the batch's ones. */
function holdDuplicates(row: FieldRow, system: string, competing: ReadonlyMap<string, readonly RemoteRecord[]>, keyed: Map<string, RemoteRecord[]>, groups: Map<RemoteRecord, EntityGroup>): void {
  for (const [key, records] of keyed) {
    const all = competing.get(key) ?? records
    if (all.length < 2) continue
    for (const record of records) {
      const group = groups.get(record)
      if (group) group.held = { rule: 'match.ambiguous', detail: `${all.length} ${system} records share ${row.key} ${key} (${all.map((r) => `${r.object} ${r.id}`).join(', ')}); not guessed` }
    }
    keyed.delete(key)
  }
}

async function matchAgainst(
  mapping: Mapping,
  row: FieldRow,
  system: string,
  other: string,
  keyed: Map<string, RemoteRecord[]>,
  groups: Map<RemoteRecord, EntityGroup>,
  claimed: Set<string>,
  deps: SyncDeps,
): Promise<void> {
  const connector = deps.connectors.get(other)
  const objects = mapping.config.systems.find((s) => s.system === other)?.objects ?? []
  if (!connector || keyed.size === 0) return
  const candidates = new Map<string, RemoteRecord[]>()
  for (const object of objects) {
    const field = pathFor(row, other, object)
    if (!field || field.includes('.')) continue
    const found = await connector.lookup(object, { field, values: [...keyed.keys()] })
    for (const [key, records] of found) {
      // A converted lead is history: its contact is the live record of that person.
      const live = records.filter((r) => !r.deleted && !r.convertedTo)
      candidates.set(key, [...(candidates.get(key) ?? []), ...live])
    }
  }
  const linkedAlready = await deps.store.findEntities(mapping.name, other, [...candidates.values()].flat().map((r) => r.id))
  for (const [key, records] of keyed) {
    const group = groups.get(records[0] as RemoteRecord)
    const found = (candidates.get(key) ?? []).filter((r) => !claimed.has(`${other}/${r.id}`) || linkedAlready.has(r.id))
    if (!group || found.length === 0) continue
    const describe = found.map((r) => `${r.object} ${r.id}`).join(', ')
    if (found.length > 1) {
      group.held = { rule: 'match.ambiguous', detail: `${row.key} ${key} matches ${found.length} ${other} records (${describe}); not guessed` }
    } else if (linkedAlready.has((found[0] as RemoteRecord).id)) {
      group.held = { rule: 'match.already-linked', detail: `${row.key} ${key} matches ${other} ${describe}, which is already linked to another entity; not merged` }
      group.linkedElsewhere = linkedAlready.get((found[0] as RemoteRecord).id)
    } else {
      const match = found[0] as RemoteRecord
      link(mapping, group, other, match, { rule: 'match.key', detail: `matched ${other} ${match.object} ${match.id} by ${row.key} ${key}` }, claimed)
    }
  }
}
