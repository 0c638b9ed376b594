import type { ConfigIssue } from './config-issue.js'
import type { RevsyncConfig } from './config-schema.js'
import type { FieldSchema, FieldType, ObjectSchema } from '../object-schema.js'
import { parseDirection, resolveMapping, rowSystems } from '../mapping.js'
import type { Mapping } from '../mapping.js'

/** Discovered schemas: system name → object name → schema. */
export type SchemaCatalog = ReadonlyMap<string, ReadonlyMap<string, ObjectSchema>>

/** Types whose values are text; any value can be written into them. */
const textTypes: readonly FieldType[] = ['string', 'text', 'email', 'phone', 'url', 'enum', 'id']

function family(type: FieldType): string {
  if (textTypes.includes(type)) return 'text'
  if (type === 'date' || type === 'datetime') return 'date'
  return type
}

/** The closest field name, for "did you mean" (edit distance on lower case). */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i)
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] as number
      row[0] = i
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
        prev = row[j] as number
        row[j] = next
      }
    }
    return row[b.length] as number
  }
  let best: { name: string; d: number } | undefined
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase())
    if (!best || d < best.d) best = { name: c, d }
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined
}

/**
 * Checks every field row against the discovered schemas (SPEC 2.1): unknown fields, writes
 * into read-only fields, type mismatches, and required fields of an object revsync creates
 * that no row fills. Reported before any write, each with its path and fix.
 */
export function checkFields(config: RevsyncConfig, catalog: SchemaCatalog): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  for (const [name, mapping] of Object.entries(config.mappings)) {
    const filled = new Map<string, Set<string>>()
    mapping.fields.forEach((row, i) => {
      const oneWay = parseDirection(row.direction)
      const fieldsBySystem = new Map<string, FieldSchema>()
      for (const system of rowSystems(row)) {
        const objects = mapping.systems.find((s) => s.system === system)?.objects ?? []
        const value = (row as Record<string, unknown>)[system]
        const pairs = typeof value === 'string' ? objects.map((o) => [o, value] as const) : Object.entries(value as Record<string, string>)
        for (const [object, path] of pairs) {
          const at = typeof value === 'string' ? ['mappings', name, 'fields', i, system] : ['mappings', name, 'fields', i, system, object]
          const schema = catalog.get(system)?.get(object)
          if (!schema || path.includes('.')) continue
          const field = schema.fields.find((f) => f.name === path)
          if (!field) {
            const hint = closest(path, schema.fields.map((f) => f.name))
            issues.push({ path: at, message: `${system} ${object} has no field "${path}"`, fix: hint ? `did you mean "${hint}"? (run revsync refresh-fields if it was just created)` : 'check the name in the system, then run revsync refresh-fields' })
            continue
          }
          fieldsBySystem.set(system, field)
          const written = !oneWay || oneWay.to === system
          if (written && !field.updateable && !field.createable) {
            issues.push({ path: at, message: `${system} ${object}.${path} is read-only`, fix: `make the row one way from ${system}, e.g. direction: "${system} -> <other system>"` })
          }
          if (written) (filled.get(`${system}/${object}`) ?? filled.set(`${system}/${object}`, new Set()).get(`${system}/${object}`))?.add(path)
        }
      }
      issues.push(...typeMismatch(['mappings', name, 'fields', i], fieldsBySystem, oneWay?.to))
    })
    const resolved = resolveMapping(name, mapping)
    for (const s of mapping.systems) {
      if (!s.create || !mayCreateIn(resolved, s.system)) continue
      const object = s.createAs ?? s.objects[0] ?? ''
      const schema = catalog.get(s.system)?.get(object)
      const missing = schema?.fields.filter((f) => f.required && f.createable && f.type !== 'reference' && !filled.get(`${s.system}/${object}`)?.has(f.name)) ?? []
      for (const f of missing) {
        issues.push({ path: ['mappings', name, 'fields'], message: `${s.system} ${object} requires "${f.name}" (${f.label}) on create and no row fills it`, fix: `add a row with ${s.system}: ${f.name}, or set create: false for ${s.system} in this mapping` })
      }
    }
  }
  return issues
}

/** A system is a source when some row or relationship reads from it (as the sync decides what to read). */
function isSource(mapping: Mapping, system: string): boolean {
  return (
    mapping.rows.some((r) => r.paths.has(system) && (!r.oneWay || r.oneWay.from === system)) ||
    mapping.relationships.some((r) => r.order.includes(system) && (!r.oneWay || r.oneWay.from === system))
  )
}

/**
 * Records are created in a system only for entities found in another system, and only
 * source systems are read: a system that only feeds one-way rows never gets a create, so
 * its required fields need no row.
 */
function mayCreateIn(mapping: Mapping, system: string): boolean {
  return mapping.order.some((other) => other !== system && isSource(mapping, other))
}

/** Values flow between the row's systems; a number cannot go into a boolean, but anything goes into text. */
function typeMismatch(at: (string | number)[], fields: ReadonlyMap<string, FieldSchema>, onlyTarget: string | undefined): ConfigIssue[] {
  const entries = [...fields.entries()]
  for (const [targetSystem, target] of entries) {
    if (onlyTarget && targetSystem !== onlyTarget) continue
    if (family(target.type) === 'text') continue
    for (const [sourceSystem, source] of entries) {
      if (sourceSystem === targetSystem || family(source.type) === family(target.type)) continue
      return [{ path: [...at, targetSystem], message: `${sourceSystem} ${source.name} is ${source.type} but ${targetSystem} ${target.name} is ${target.type}`, fix: 'map fields of the same kind, or map into a text field' }]
    }
  }
  return []
}
