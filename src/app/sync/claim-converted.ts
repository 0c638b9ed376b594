import type { Mapping } from '../../domain/mapping.js'
import type { EntityGroup } from './entity-group.js'
import { newGroup } from './entity-group.js'
import { mappedFields } from './mapped-fields.js'
import { fetchById, want } from './fetch-by-id.js'
import type { SyncDeps } from './sync-deps.js'

/**
 * Finds, among new entities held because their match led to an entity linked already, the
 * contacts of converted leads: a run reads one object at a time, so a lead's new contact can
 * be read before the lead itself. When the entity's record in the contact's system is a lead
 * converted into this very contact, the contact is that entity (SPEC 2.7), not a duplicate:
 * the held group is dropped from `fresh`, and a group of the existing entity is returned
 * holding the lead, so assembling moves the link to the contact as for any conversion.
 */
export async function claimConverted(mapping: Mapping, fresh: EntityGroup[], deps: SyncDeps): Promise<EntityGroup[]> {
  const suspects = fresh.filter((g) => g.held && g.linkedElsewhere)
  if (suspects.length === 0) return []
  const links = await deps.store.getLinks(mapping.name, suspects.map((g) => g.linkedElsewhere as string))
  // The suspect of each system's record id: a contact read before its lead.
  const bySystem = new Map<string, Map<string, EntityGroup>>()
  for (const group of suspects) {
    for (const [system, record] of group.records) bySystem.set(system, (bySystem.get(system) ?? new Map()).set(record.id, group))
  }
  const claimed: EntityGroup[] = []
  for (const [system, contacts] of bySystem) {
    const connector = deps.connectors.get(system)
    const wanted = new Map<string, string[]>()
    for (const group of contacts.values()) for (const link of links.get(group.linkedElsewhere as string) ?? []) if (link.system === system) want(wanted, link.object, link.recordId)
    if (!connector || wanted.size === 0) continue
    for (const lead of (await fetchById(connector, wanted, (object) => mappedFields(mapping, system, object))).values()) {
      const contact = lead.convertedTo ? contacts.get(lead.convertedTo.id) : undefined
      if (!contact) continue
      fresh.splice(fresh.indexOf(contact), 1)
      const group = newGroup(contact.linkedElsewhere as string, false)
      group.records.set(system, lead)
      claimed.push(group)
    }
  }
  return claimed
}
