import type { RevsyncConfig } from '../../domain/config/config-schema.js'
import { relatedMappingName } from '../../domain/config/check-references.js'
import type { Mapping } from '../../domain/mapping.js'
import { companyDirectory } from '../../engine/related-directory.js'
import type { LinkedRecords } from '../../engine/related-directory.js'
import type { RelatedDirectories } from '../../engine/plan-entity.js'
import type { Store } from '../../store/store.js'
import type { EntityGroup } from './entity-group.js'

/** The mapping each company or parent relationship of a mapping points to, resolved once per run. */
export type RelatedMappings = ReadonlyMap<'company' | 'parent', string>

/** Resolves the related mappings of one mapping from the config. */
export function relatedMappings(config: RevsyncConfig, mapping: Mapping): RelatedMappings {
  const out = new Map<'company' | 'parent', string>()
  for (const rule of mapping.relationships) {
    if (rule.name === 'owner') continue
    const target = relatedMappingName(config, mapping.name, rule.name, mapping.config.relationships[rule.name]?.mapping)
    if (target) out.set(rule.name, target)
  }
  return out
}

/**
 * Loads, for one batch, the links that translate its company and parent lookups: the company
 * entity of every referenced company record, and that entity's record in each system.
 */
export async function loadRelated(targets: RelatedMappings, groups: readonly EntityGroup[], store: Store): Promise<RelatedDirectories> {
  const related: { company?: ReturnType<typeof companyDirectory>; parent?: ReturnType<typeof companyDirectory> } = {}
  for (const [name, target] of targets) related[name] = companyDirectory(name, await linkedRecords(store, target, name, groups))
  return related
}

async function linkedRecords(store: Store, target: string, relationship: 'company' | 'parent', groups: readonly EntityGroup[]): Promise<LinkedRecords> {
  const idsBySystem = new Map<string, Set<string>>()
  for (const group of groups) {
    for (const [system, record] of group.records) {
      const id = record.refs?.[relationship]
      if (id) idsBySystem.set(system, (idsBySystem.get(system) ?? new Set()).add(id))
    }
  }
  const entityOf = new Map<string, string>()
  for (const [system, ids] of idsBySystem) {
    for (const [recordId, entityId] of await store.findEntities(target, system, [...ids])) entityOf.set(`${system}\u0000${recordId}`, entityId)
  }
  // Links this batch is about to record count too: a child can sit under a parent matched a moment ago.
  const pending = groups.flatMap((g) => g.links).filter((l) => l.mapping === target)
  for (const link of pending) if (idsBySystem.get(link.system)?.has(link.recordId)) entityOf.set(`${link.system}\u0000${link.recordId}`, link.entityId)
  const recordOf = new Map<string, string>()
  const links = await store.getLinks(target, [...new Set(entityOf.values())])
  for (const link of [...[...links.values()].flat(), ...pending]) recordOf.set(`${link.entityId}\u0000${link.system}`, link.recordId)
  return { entityOf, recordOf }
}
