import type { ConfigIssue } from './config-issue.js'
import type { MappingConfig } from './mapping-config.js'
import type { RevsyncConfig } from './config-schema.js'
import { parseDirection, rowSystems } from '../mapping.js'

/**
 * Refuses rows that write a field another row of the same mapping already writes. Two
 * writers of one field fight over it, and a file with thousands of repeated rows would
 * plan every record thousands of times. Reading one field into several targets (one-way
 * rows) is fine: only the written side counts.
 */
export function checkRepeatedRows(config: RevsyncConfig): ConfigIssue[] {
  return Object.entries(config.mappings).flatMap(([name, mapping]) => capped(name, repeatedIn(name, mapping)))
}

/** Issues listed one by one per mapping; past that, a file of repeated rows gets one line more, not thousands. */
const listed = 20

function capped(name: string, issues: ConfigIssue[]): ConfigIssue[] {
  if (issues.length <= listed) return issues
  return [...issues.slice(0, listed), { path: ['mappings', name, 'fields'], message: `${issues.length - listed} more rows write a field another row already writes`, fix: 'keep one row per field' }]
}

function repeatedIn(name: string, mapping: MappingConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = []
  const writers = new Map<string, number>()
  mapping.fields.forEach((row, i) => {
    const oneWay = parseDirection(row.direction)
    for (const system of rowSystems(row)) {
      if (oneWay && oneWay.to !== system) continue
      const value = (row as Record<string, unknown>)[system]
      const objects = mapping.systems.find((s) => s.system === system)?.objects ?? []
      const pairs = typeof value === 'string' ? objects.map((o) => [o, value] as const) : Object.entries(value as Record<string, string>)
      for (const [object, path] of pairs) {
        // Paths through a relationship cannot be written; check-references reports a written one.
        if (path.includes('.')) continue
        // Case-insensitive: Salesforce field names are, and no CRM has two fields differing only in case.
        const key = `${system}/${object}/${path.toLowerCase()}`
        const first = writers.get(key)
        if (first === undefined) {
          writers.set(key, i)
          continue
        }
        const at = typeof value === 'string' ? ['mappings', name, 'fields', i, system] : ['mappings', name, 'fields', i, system, object]
        issues.push({ path: at, message: `${system} ${object}.${path} is already written by fields[${first}]`, fix: 'keep one row per field, or make this one one way into another system' })
        break
      }
    }
  })
  return issues
}
