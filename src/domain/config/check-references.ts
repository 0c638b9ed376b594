import type { ConfigIssue } from './config-issue.js'
import type { RevsyncConfig } from './config-schema.js'
import type { MappingConfig } from './mapping-config.js'
import { parseDirection, rowSystems } from '../mapping.js'
import { relationshipFieldsByKind } from '../relationship-fields.js'

/** Attributes of a related user that a row may read through `owner.` */
export const ownerAttributes = ['fullName', 'email', 'firstName', 'lastName', 'id'] as const

/**
 * Checks what the JSON schema cannot: that every name a mapping uses exists, that owner
 * lookups are mapped as relationships, and that paths through relationships are only read.
 */
export function checkReferences(config: RevsyncConfig): ConfigIssue[] {
  return Object.entries(config.mappings).flatMap(([name, mapping]) => checkMapping(config, name, mapping))
}

function checkMapping(config: RevsyncConfig, name: string, mapping: MappingConfig): ConfigIssue[] {
  const at = ['mappings', name]
  const issues: ConfigIssue[] = []
  const known = Object.keys(config.systems)
  const objectsOf = new Map(mapping.systems.map((s) => [s.system, s.objects]))
  mapping.systems.forEach((s, i) => {
    if (!config.systems[s.system]) {
      issues.push({ path: [...at, 'systems', i, 'system'], message: `unknown system "${s.system}"`, fix: `define it under systems, or use one of: ${known.join(', ')}` })
    }
    if (mapping.systems.findIndex((o) => o.system === s.system) !== i) {
      issues.push({ path: [...at, 'systems', i, 'system'], message: `system "${s.system}" is listed twice`, fix: 'list it once with all its objects' })
    }
    if (s.createAs && !s.objects.includes(s.createAs)) {
      issues.push({ path: [...at, 'systems', i, 'createAs'], message: `"${s.createAs}" is not one of this system's objects (${s.objects.join(', ')})` })
    }
  })
  mapping.fields.forEach((row, i) => issues.push(...checkRow(config, mapping, objectsOf, [...at, 'fields', i], row)))
  mapping.match.forEach((m, i) => {
    if (!mapping.fields.some((r) => r.name === m)) {
      issues.push({ path: [...at, 'match', i], message: `no field row is named "${m}"`, fix: `add name: ${m} to the row that holds it` })
    }
  })
  for (const [rel, rule] of Object.entries(mapping.relationships)) {
    if (rule && rel !== 'owner') issues.push(...checkRelatedMapping(config, name, mapping, rel, rule.mapping))
    rule?.order?.forEach((s, i) => {
      if (!objectsOf.has(s)) issues.push({ path: [...at, 'relationships', rel, 'order', i], message: `"${s}" is not a system of this mapping` })
    })
  }
  if (mapping.deletes === 'archive') {
    issues.push({ path: [...at, 'deletes'], message: 'deletes: archive is not supported yet', fix: 'use record (the default) or propagate, which deletes the linked records (HubSpot archives them, Salesforce moves them to its recycle bin)' })
  }
  mapping.filters.forEach((f, i) => {
    if (!objectsOf.has(f.system)) issues.push({ path: [...at, 'filters', i, 'system'], message: `"${f.system}" is not a system of this mapping` })
  })
  return issues
}

/** The company mapping a `company` or `parent` relationship translates through, by name. */
export function relatedMappingName(config: RevsyncConfig, self: string, relationship: string, named: string | undefined): string | undefined {
  if (named) return named
  if (relationship === 'parent') return self
  const companies = Object.entries(config.mappings).filter(([, m]) => m.entity === 'company')
  return companies.length === 1 ? companies[0]?.[0] : undefined
}

function checkRelatedMapping(config: RevsyncConfig, name: string, mapping: MappingConfig, rel: string, named: string | undefined): ConfigIssue[] {
  const at = ['mappings', name, 'relationships', rel]
  if (rel === 'parent' && mapping.entity !== 'company') return [{ path: at, message: 'parent relates companies to companies; this mapping holds people', fix: 'move it to the company mapping' }]
  const target = relatedMappingName(config, name, rel, named)
  if (!target) return [{ path: at, message: `${rel} needs a company mapping to translate through`, fix: 'add a mapping with entity: company, or name it with mapping: NAME' }]
  if (config.mappings[target]?.entity !== 'company') return [{ path: [...at, 'mapping'], message: `"${target}" is not a company mapping` }]
  return []
}

function checkRow(
  config: RevsyncConfig,
  mapping: MappingConfig,
  objectsOf: Map<string, string[]>,
  at: (string | number)[],
  row: MappingConfig['fields'][number],
): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const systems = rowSystems(row)
  if (systems.length < 2) issues.push({ path: at, message: 'a field row needs a path in at least two systems', fix: 'add the other system\'s field, e.g. hubspot: email' })
  const oneWay = parseDirection(row.direction)
  if (oneWay) {
    for (const end of [oneWay.from, oneWay.to]) {
      if (!systems.includes(end)) issues.push({ path: [...at, 'direction'], message: `"${end}" has no path in this row` })
    }
  }
  for (const system of systems) {
    const objects = objectsOf.get(system)
    if (!objects) {
      issues.push({ path: [...at, system], message: `"${system}" is not a system of this mapping`, fix: `add it under systems of this mapping, or remove it from the row (systems: ${[...objectsOf.keys()].join(', ')})` })
      continue
    }
    const value = (row as Record<string, unknown>)[system]
    const perObject = typeof value === 'string' ? objects.map((o) => [o, value] as const) : Object.entries(value as Record<string, string>)
    const writable = !oneWay || oneWay.to === system
    for (const [object, path] of perObject) {
      const pathAt = typeof value === 'string' ? [...at, system] : [...at, system, object]
      if (!objects.includes(object)) issues.push({ path: pathAt, message: `"${object}" is not an object of ${system} in this mapping (${objects.join(', ')})` })
      issues.push(...checkPath(config, system, path, writable, pathAt, mapping))
    }
  }
  return issues
}

function checkPath(config: RevsyncConfig, system: string, path: string, writable: boolean, at: (string | number)[], mapping: MappingConfig): ConfigIssue[] {
  const kind = config.systems[system]?.kind
  const relationship = kind ? relationshipFieldsByKind[kind][path] : undefined
  if (relationship) {
    return [{
      path: at,
      message: `${system} field "${path}" is the ${relationship} lookup; do not map it as a field row`,
      fix: `map it under mappings.<name>.relationships.${relationship} (and read owner.fullName or owner.email into a text field if the other system lacks the user)`,
    }]
  }
  if (!path.includes('.')) return []
  const [via, attribute] = path.split('.', 2)
  if (via !== 'owner') return [{ path: at, message: `"${path}" reads through "${via}", which revsync does not follow yet`, fix: 'use owner.fullName, owner.email, owner.firstName or owner.lastName' }]
  if (!(ownerAttributes as readonly string[]).includes(attribute ?? '')) {
    return [{ path: at, message: `owner has no attribute "${attribute}"`, fix: `use one of owner.${ownerAttributes.join(', owner.')}` }]
  }
  if (writable && mapping.systems.length > 1) {
    return [{ path: at, message: `"${path}" is read through a relationship and cannot be written`, fix: `make the row one way from ${system}, e.g. direction: "${system} -> <other system>"` }]
  }
  return []
}
