import type { Mapping } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import { carriesChange } from '../../engine/carries-change.js'
import type { UserDirectory } from '../../engine/user-directory.js'
import type { ChangedBatch } from './changed-batches.js'
import type { EntityGroup } from './entity-group.js'
import { newGroup } from './entity-group.js'
import { mappedFields } from './mapped-fields.js'
import type { OwnKeyCache } from './own-key-cache.js'
import { fetchById, want } from './fetch-by-id.js'
import { claimConverted } from './claim-converted.js'
import { loadRelated } from './load-related.js'
import type { RelatedMappings } from './load-related.js'
import { matchUnlinked } from './match-unlinked.js'
import type { SyncDeps } from './sync-deps.js'
import type { CompanyIndexes } from './match-companies.js'

/** What assembling needs from the run around it. */
export interface AssembleScope {
  readonly mapping: Mapping
  readonly related: RelatedMappings
  readonly deps: SyncDeps
  readonly users: UserDirectory | undefined
  /**
   * Records of other systems already claimed by an entity this run. A real run finds them
   * through the links it committed; a plan commits nothing, so it remembers them here.
   */
  readonly claimed?: Set<string>
  /**
   * Entities this run has planned and will not plan again when another of their records is
   * read: in a plan every one; in a real run those left held or with a failed write (the
   * others are recognised by their last-synced values). A failed write is tried once a run.
   */
  readonly deferred: Set<string>
  /** Other systems' companies, read and indexed once per run for matching. */
  readonly companyIndexes: CompanyIndexes
  /** Creates into one-way targets go by upsert, so matching does not look there first. */
  readonly upserts?: boolean
  /** The duplicate check's answer for the page being processed. */
  readonly ownKeys?: OwnKeyCache
}

/** A batch's entities, and how many of its linked records carried no change. */
export interface AssembledBatch {
  readonly groups: EntityGroup[]
  readonly unchanged: number
}

/**
 * Turns one batch of changed records into entities: a linked record that carries a change
 * joins its entity (whose other records are fetched fresh by id, so planning never works from
 * stale copies); one that agrees with its entity's last-synced values is left out (it is most
 * often revsync's own write read back); a converted lead hands its link to its contact;
 * unlinked records are matched before anything is created.
 */
export async function assembleChanged(scope: AssembleScope, batch: ChangedBatch): Promise<AssembledBatch> {
  const { mapping, deps } = scope
  const { system, records } = batch
  const linked = await deps.store.findEntities(mapping.name, system, records.map((r) => r.id))
  const synced = await deps.store.getSynced(mapping.name, [...new Set(linked.values())])
  const lookups = await loadRelated(scope.related, records.flatMap((r) => (linked.has(r.id) ? [singleGroup(linked.get(r.id) as string, system, r)] : [])), deps.store)
  const groups = new Map<string, EntityGroup>()
  const unlinked: RemoteRecord[] = []
  let unchanged = 0
  for (const record of records) {
    const entityId = linked.get(record.id)
    if (!entityId) {
      if (!record.deleted && !record.convertedTo && !scope.claimed?.has(`${system}/${record.id}`)) unlinked.push(record)
      continue
    }
    if (scope.deferred.has(entityId)) continue
    if (!carriesChange(mapping, system, record, synced.get(entityId), scope.users, lookups)) {
      unchanged++
      continue
    }
    const group = groups.get(entityId) ?? newGroup(entityId, false)
    groups.set(entityId, group)
    if (!record.deleted) group.records.set(system, record)
    else {
      group.deleted = { ...record, system }
      group.gone.add(system)
    }
  }
  await completeLinked(mapping, [...groups.values()], deps)
  // A lead's new contact arrives as an unlinked change too; it already belongs to the lead's entity.
  const claimed = new Set([...groups.values()].flatMap((g) => g.links.map((l) => `${l.system}/${l.recordId}`)))
  const fresh = await matchUnlinked(mapping, new Map([[system, unlinked.filter((r) => !claimed.has(`${system}/${r.id}`))]]), deps, { companyIndexes: scope.companyIndexes, upserts: scope.upserts === true, ...(batch.ahead ? { ahead: batch.ahead } : {}), ...(scope.ownKeys ? { ownKeys: scope.ownKeys } : {}), ...(scope.claimed ? { claimed: scope.claimed } : {}) })
  const converted = await claimConverted(mapping, fresh, deps)
  await completeLinked(mapping, converted, deps)
  return { groups: [...groups.values(), ...fresh], unchanged }
}

/**
 * Entities planned again whether or not they changed: those whose writes failed last time,
 * and those whose held rows a person has since settled.
 */
export async function assemblePending(scope: AssembleScope, entityIds: readonly string[]): Promise<EntityGroup[]> {
  const groups = entityIds.map((id) => newGroup(id, false))
  await completeLinked(scope.mapping, groups, scope.deps)
  return groups
}

function singleGroup(entityId: string, system: string, record: RemoteRecord): EntityGroup {
  const group = newGroup(entityId, false)
  group.records.set(system, record)
  return group
}

/** Fetches the linked records that did not change, and follows lead conversions. */
async function completeLinked(mapping: Mapping, groups: readonly EntityGroup[], deps: SyncDeps): Promise<void> {
  if (groups.length === 0) return
  const links = await deps.store.getLinks(mapping.name, groups.map((g) => g.entityId))
  const wanted = new Map<string, Map<string, string[]>>()
  for (const group of groups) {
    for (const link of links.get(group.entityId) ?? []) {
      const current = group.records.get(link.system)
      if (current?.id === link.recordId && current.convertedTo) {
        convert(mapping, group, link.system, current)
        want(perSystem(wanted, link.system), current.convertedTo.object, current.convertedTo.id)
      } else if (!current && !group.unlinks.some((u) => u.system === link.system && u.recordId === link.recordId)) {
        want(perSystem(wanted, link.system), link.object, link.recordId)
      }
    }
  }
  for (const [system, perObject] of wanted) {
    const connector = deps.connectors.get(system)
    if (!connector) continue
    const found = await fetchById(connector, perObject, (object) => mappedFields(mapping, system, object))
    for (const group of groups) {
      for (const link of [...(links.get(group.entityId) ?? []), ...group.links]) {
        if (link.system !== system || group.records.has(system)) continue
        if (group.unlinks.some((u) => u.system === system && u.recordId === link.recordId)) continue
        const record = found.get(`${link.object}/${link.recordId}`)
        // A linked record the system no longer returns was deleted there (HubSpot's reads do not show archived records).
        if (record && !record.deleted) group.records.set(system, record)
        else group.gone.add(system)
      }
    }
  }
}

function perSystem(wanted: Map<string, Map<string, string[]>>, system: string): Map<string, string[]> {
  const existing = wanted.get(system)
  if (existing) return existing
  const created = new Map<string, string[]>()
  wanted.set(system, created)
  return created
}

/** A converted lead: the entity now lives on the contact; the lead's link moves there (SPEC 2.7). */
export function convert(mapping: Mapping, group: EntityGroup, system: string, lead: RemoteRecord): void {
  const to = lead.convertedTo as NonNullable<RemoteRecord['convertedTo']>
  group.records.delete(system)
  group.unlinks.push({ mapping: mapping.name, system, recordId: lead.id })
  group.links.push({ mapping: mapping.name, entityId: group.entityId, system, object: to.object, recordId: to.id })
  group.notes.push({ rule: 'lead.converted', detail: `${system} ${lead.object} ${lead.id} was converted into ${to.object} ${to.id}; the link moved to it` })
}
