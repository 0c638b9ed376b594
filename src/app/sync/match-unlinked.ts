import type { FieldRow, Mapping } from '../../domain/mapping.js'
import { pathFor } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import { normalizeValue } from '../../domain/normalize-value.js'
import { readRowValue } from '../../engine/read-row-value.js'
import type { EntityGroup } from './entity-group.js'
import type { SyncDeps } from './sync-deps.js'
import { mappedFields } from './mapped-fields.js'
import { upsertsInto } from './upsert-targets.js'
import type { OwnKeyCache } from './own-key-cache.js'
import { matchCompaniesIn } from './match-companies.js'
import type { CompanyIndexes } from './match-companies.js'
import type { Reason } from '../../domain/reason.js'
import { recordRef } from '../../domain/review.js'

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
  /** Leave systems that creates reach by upsert un-looked-up (`upsertsInto`); a plan, which writes nothing, still looks. */
  readonly upserts?: boolean
  /** The rest of the batch's page: its keys are looked up with the batch's, once a page. */
  readonly ahead?: readonly RemoteRecord[]
  readonly ownKeys?: OwnKeyCache
}

/**
 * Matches records that have no link yet (SPEC 2.8): by the mapping's match rows, against
 * every other system, before anything is created. One free candidate links; two candidates,
 * two records of one system with one key, or a candidate another record already holds, are
 * held and reported, never guessed. A held record is neither linked nor created anywhere, so
 * each later run that reads it matches it again, and holds it for as long as candidates compete.
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
    // A record that did not change this run can share the key too: look in the system itself.
    await addUnchangedDuplicates(mapping, row, system, keyed, deps, options)
    holdDuplicates(row, system, keyed, groups)
    for (const other of others) {
      // The upsert that creates there matches by the key itself: looking first would cost a call a batch.
      const objects = mapping.config.systems.find((s) => s.system === other)?.objects ?? []
      if (options.upserts && objects.length > 0 && objects.every((o) => upsertsInto(mapping, deps.connectors, other, o))) continue
      await matchAgainst(mapping, row, system, other, keyed, groups, claimed, deps)
    }
    deps.onProgress?.({ phase: 'match', system, done: records.length, total: records.length })
  }
  return [...groups.values()].map(unlinkHeld)
}

/**
 * A held entity keeps no links: linked, it would be planned as soon as one of its records
 * changed, and the plan would create the record the hold is there to prevent.
 */
function unlinkHeld(group: EntityGroup): EntityGroup {
  if (!group.held) return group
  return { ...group, links: [], notes: group.notes.filter((n) => !n.rule.startsWith('match.')) }
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

/** The live records of one system holding each key, across the mapping's objects there. */
async function lookupLive(mapping: Mapping, row: FieldRow, system: string, keys: readonly string[], deps: SyncDeps, planned: boolean): Promise<Map<string, RemoteRecord[]>> {
  const connector = deps.connectors.get(system)
  const objects = mapping.config.systems.find((s) => s.system === system)?.objects ?? []
  const live = new Map<string, RemoteRecord[]>()
  if (!connector || keys.length === 0) return live
  for (const object of objects) {
    const field = pathFor(row, system, object)
    if (!field || field.includes('.')) continue
    // A candidate that links is planned, so it needs the mapped fields; a duplicate only its key.
    const found = await connector.lookup(object, { field, values: keys }, { fields: planned ? mappedFields(mapping, system, object) : [field] })
    for (const [key, records] of found) {
      // A converted lead is history: its contact is the live record of that person.
      live.set(key, [...(live.get(key) ?? []), ...records.filter((r) => !r.deleted && !r.convertedTo)])
    }
  }
  return live
}

/** Adds to each key the records of the same system that hold it but were not read this run. */
async function addUnchangedDuplicates(mapping: Mapping, row: FieldRow, system: string, keyed: Map<string, RemoteRecord[]>, deps: SyncDeps, options: MatchOptions): Promise<void> {
  const keys = [...keyed.keys()]
  let found = options.ownKeys?.get(system, keys)
  if (!found) {
    // The page's later batches are asked about now too, so a page costs one lookup, not one a batch.
    const ahead = (options.ahead ?? []).flatMap((r) => matchValue(row, system, r) ?? [])
    const all = [...new Set([...keys, ...ahead])]
    found = await lookupLive(mapping, row, system, all, deps, false)
    options.ownKeys?.set(system, all, found)
  }
  for (const [key, records] of keyed) {
    const others = (found.get(key) ?? []).filter((r) => !records.some((x) => x.id === r.id))
    if (others.length > 0) keyed.set(key, [...records, ...others])
  }
}

function holdDuplicates(row: FieldRow, system: string, keyed: Map<string, RemoteRecord[]>, groups: Map<RemoteRecord, EntityGroup>): void {
  for (const [key, records] of keyed) {
    if (records.length < 2) continue
    for (const record of records) {
      const group = groups.get(record)
      if (group) group.held = { rule: 'match.ambiguous', detail: `${records.length} ${system} records share ${row.key} ${key} (${records.map((r) => `${r.object} ${r.id}`).join(', ')}); not guessed` }
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
  if (keyed.size === 0) return
  const candidates = await lookupLive(mapping, row, other, [...keyed.keys()], deps, true)
  const linkedAlready = await deps.store.findEntities(mapping.name, other, [...candidates.values()].flat().map((r) => r.id))
  for (const [key, records] of keyed) {
    const group = groups.get(records[0] as RemoteRecord)
    // Every live candidate counts, including one this run already gave to another record (or
    // held): leaving it out would make this record look new, and create a duplicate of it.
    const found = candidates.get(key) ?? []
    if (!group || found.length === 0) continue
    const describe = found.map((r) => `${r.object} ${r.id}`).join(', ')
    if (found.length > 1) {
      group.held = { rule: 'match.ambiguous', detail: `${row.key} ${key} matches ${found.length} ${other} records (${describe}); not guessed, and nothing is created until a person picks one in review or one remains` }
      group.heldCandidates = found.map((r) => ({ system: other, value: recordRef(other, r.object, r.id) }))
    } else if (linkedAlready.has((found[0] as RemoteRecord).id)) {
      group.held = { rule: 'match.already-linked', detail: `${row.key} ${key} matches ${other} ${describe}, which is already linked to another entity; not merged` }
      group.linkedElsewhere = linkedAlready.get((found[0] as RemoteRecord).id)
    } else if (claimed.has(`${other}/${(found[0] as RemoteRecord).id}`)) {
      group.held = { rule: 'match.contested', detail: `${row.key} ${key} matches ${other} ${describe}, which this run already matched to another record or holds; not guessed` }
    } else {
      const match = found[0] as RemoteRecord
      link(mapping, group, other, match, { rule: 'match.key', detail: `matched ${other} ${match.object} ${match.id} by ${row.key} ${key}` }, claimed)
    }
  }
}
