import type { Mapping } from '../../domain/mapping.js'
import type { RemoteRecord } from '../../domain/records.js'
import type { Reason } from '../../domain/reason.js'
import type { ReviewItem } from '../../domain/review.js'
import { parseRecordRef } from '../../domain/review.js'
import type { EntityGroup } from './entity-group.js'
import { mappedFields } from './mapped-fields.js'
import { fetchById } from './fetch-by-id.js'
import type { SyncDeps } from './sync-deps.js'

/**
 * Turns match reviews a person settled into entities: the held record and the candidate they
 * picked, fetched fresh and linked as one new entity (SPEC 2.8: held until a person decides).
 * A pick that no longer holds (a record gone, or linked since) is reported as held instead,
 * and either way the review counts as applied once the batch commits.
 */
export async function decidedMatches(mapping: Mapping, reviews: readonly ReviewItem[], deps: SyncDeps): Promise<EntityGroup[]> {
  const groups: EntityGroup[] = []
  for (const review of reviews) {
    const held = parseRecordRef(review.entityId)
    const picked = typeof review.resolution?.value === 'string' ? parseRecordRef(review.resolution.value) : undefined
    const group: EntityGroup = { entityId: deps.newId(), isNew: true, records: new Map(), notes: [], links: [], unlinks: [], gone: new Set(), appliedReviews: [review.id] }
    groups.push(group)
    const records = held && picked ? [await fetchOne(mapping, held, deps), await fetchOne(mapping, picked, deps)] : []
    const live = records.filter((r): r is RemoteRecord & { system: string } => r !== undefined && !r.deleted && !r.convertedTo)
    const linked = await Promise.all(live.map(async (r) => (await deps.store.findEntities(mapping.name, r.system, [r.id])).size > 0))
    const who = review.resolvedBy ?? 'a reviewer'
    if (!held || !picked || live.length < 2 || linked.some(Boolean)) {
      group.held = { rule: 'review.match-not-applied', detail: `${who} picked ${String(review.resolution?.value)} for ${review.entityId} in review ${review.id}, but ${live.length < 2 ? 'one of them no longer exists' : 'one of them is linked since'}; not linked` }
      for (const r of live.slice(0, 1)) group.records.set(r.system, r)
      continue
    }
    const note: Reason = { rule: 'match.review', detail: `${who} linked ${review.entityId} to ${String(review.resolution?.value)} in review ${review.id}` }
    for (const r of live) {
      group.records.set(r.system, r)
      group.links.push({ mapping: mapping.name, entityId: group.entityId, system: r.system, object: r.object, recordId: r.id })
    }
    group.notes.push(note)
  }
  return groups
}

async function fetchOne(mapping: Mapping, ref: { system: string; object: string; id: string }, deps: SyncDeps): Promise<(RemoteRecord & { system: string }) | undefined> {
  const connector = deps.connectors.get(ref.system)
  if (!connector) return undefined
  const found = (await fetchById(connector, new Map([[ref.object, [ref.id]]]), (object) => mappedFields(mapping, ref.system, object))).get(`${ref.object}/${ref.id}`)
  return found ? { ...found, system: ref.system } : undefined
}
