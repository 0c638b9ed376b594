import type { Mapping } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { ChangeSet } from './read-changes.js'
import type { EntityGroup } from './entity-group.js'
import { fetchById, want } from './fetch-by-id.js'
import { matchUnlinked } from './match-unlinked.js'
import { decidedMatches } from './decided-matches.js'
import { matchRowKey } from '../../domain/review.js'
import type { SyncDeps } from './sync-deps.js'

/**
 * Turns changed records into entities: linked records join their entity (whose other records
 * are fetched fresh by id, so planning never works from stale copies); a converted lead hands
 * its link to its contact; unlinked records are matched before anything is created.
 */
export async function assembleEntities(mapping: Mapping, changes: ChangeSet, deps: SyncDeps): Promise<EntityGroup[]> {
  const groups = new Map<string, EntityGroup>()
  const unlinked = new Map<string, RemoteRecord[]>()
  for (const [system, records] of changes.bySystem) {
    const linked = await deps.store.findEntities(mapping.name, system, records.map((r) => r.id))
    for (const record of records) {
      const entityId = linked.get(record.id)
      if (!entityId) {
        if (!record.deleted && !record.convertedTo) unlinked.set(system, [...(unlinked.get(system) ?? []), record])
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
  }
  // Entities whose writes failed last time, and entities whose held rows a person has since
  // settled, are planned again whether or not they changed.
  const settled = (await deps.store.listReviews({ status: 'resolved', mapping: mapping.name })).filter((r) => r.appliedAt === null)
  const pending = [
    ...(await deps.store.getRetries(mapping.name, 10_000)).map((r) => r.entityId),
    ...settled.filter((r) => r.rowKey !== matchRowKey).map((r) => r.entityId),
  ]
  for (const entityId of pending) if (!groups.has(entityId)) groups.set(entityId, newGroup(entityId, false))
  await completeLinked(mapping, [...groups.values()], deps)
  // A lead's new contact arrives as an unlinked change too; it already belongs to the lead's entity.
  const claimed = new Set([...groups.values()].flatMap((g) => g.links.map((l) => `${l.system}/${l.recordId}`)))
  // Matches a person settled in review link before anything else is matched.
  const decided = await decidedMatches(mapping, settled.filter((r) => r.rowKey === matchRowKey), deps)
  for (const group of decided) for (const [system, record] of group.records) claimed.add(`${system}/${record.id}`)
  for (const [system, records] of unlinked) unlinked.set(system, records.filter((r) => !claimed.has(`${system}/${r.id}`)))
  const fresh = await matchUnlinked(mapping, unlinked, deps)
  return [...groups.values(), ...decided, ...fresh]
}

function newGroup(entityId: string, isNew: boolean): EntityGroup {
  return { entityId, isNew, records: new Map(), notes: [], links: [], unlinks: [], gone: new Set() }
}

/** Fetches the linked records that did not change, and follows lead conversions. */
async function completeLinked(mapping: Mapping, groups: EntityGroup[], deps: SyncDeps): Promise<void> {
  if (groups.length === 0) return
  const links = await deps.store.getLinks(mapping.name, groups.map((g) => g.entityId))
  const wanted = new Map<string, Map<string, string[]>>()
  for (const group of groups) {
    for (const link of links.get(group.entityId) ?? []) {
      const current = group.records.get(link.system)
      if (current?.id === link.recordId && current.convertedTo) {
        convert(mapping, group, link.system, current)
        want(perSystem(wanted, link.system), current.convertedTo.object, current.convertedTo.id)
      } else if (!current) {
        want(perSystem(wanted, link.system), link.object, link.recordId)
      }
    }
  }
  for (const [system, perObject] of wanted) {
    const connector = deps.connectors.get(system)
    if (!connector) continue
    const found = await fetchById(connector, perObject)
    for (const group of groups) {
      for (const link of [...(links.get(group.entityId) ?? []), ...group.links]) {
        if (link.system !== system || group.records.has(system)) continue
        const record = found.get(`${link.object}/${link.recordId}`)
        // A linked record the system no longer returns was deleted there (HubSpot's reads do not show archived records).
        if (record && !record.deleted) group.records.set(system, record)
        else if (!group.unlinks.some((u) => u.system === system && u.recordId === link.recordId)) group.gone.add(system)
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
function convert(mapping: Mapping, group: EntityGroup, system: string, lead: RemoteRecord): void {
  const to = lead.convertedTo as NonNullable<RemoteRecord['convertedTo']>
  group.records.delete(system)
  group.unlinks.push({ mapping: mapping.name, system, recordId: lead.id })
  group.links.push({ mapping: mapping.name, entityId: group.entityId, system, object: to.object, recordId: to.id })
  group.notes.push({ rule: 'lead.converted', detail: `${system} ${lead.object} ${lead.id} was converted into ${to.object} ${to.id}; the link moved to it` })
}
