import type { FieldRowConfig, MappingConfig } from './config/mapping-config.js'
import { rowSettingKeys } from './config/mapping-config.js'
import type { RelationshipName } from './records.js'

/** Where one field row reads and writes in one system. */
export interface RowPaths {
  /** The path for every object of the system, when one path serves all. */
  readonly all?: string
  /** A path per object, when they differ (Sugar `Leads: owner.fullName`). */
  readonly byObject: Readonly<Record<string, string>>
}

/** One field row, resolved from config: the engine's input. */
export interface FieldRow {
  /** A stable key: the row's name, or one built from its paths; keys last-synced values. */
  readonly key: string
  readonly index: number
  readonly policy: FieldRowConfig['policy']
  /** `undefined` for both ways; else the one source and the one target. */
  readonly oneWay?: { readonly from: string; readonly to: string }
  readonly compare: 'exact' | 'ignore-case'
  readonly toleranceMs: number
  readonly paths: ReadonlyMap<string, RowPaths>
}

/** A relationship kept in sync, resolved. */
export interface RelationshipRule {
  readonly name: RelationshipName
  /** Systems in this relationship's own System of Record order. */
  readonly order: readonly string[]
  readonly oneWay?: { readonly from: string; readonly to: string }
}

/** A mapping resolved from config, ready for the engine. */
export interface Mapping {
  readonly name: string
  readonly config: MappingConfig
  /** System names in System of Record order. */
  readonly order: readonly string[]
  readonly rows: readonly FieldRow[]
  readonly relationships: readonly RelationshipRule[]
  /** Rows used to match records that have no link yet. */
  readonly matchRows: readonly FieldRow[]
}

/** Reads `sugar -> hubspot` into its two ends; `both` gives undefined. */
export function parseDirection(direction: string): { from: string; to: string } | undefined {
  if (direction === 'both') return undefined
  const [from, to] = direction.split('->').map((s) => s.trim())
  return from && to ? { from, to } : undefined
}

/** The system names a row gives paths for, in the row's own key order. */
export function rowSystems(row: FieldRowConfig): string[] {
  return Object.keys(row).filter((k) => !(rowSettingKeys as readonly string[]).includes(k))
}

function resolvePaths(row: FieldRowConfig): Map<string, RowPaths> {
  const paths = new Map<string, RowPaths>()
  for (const system of rowSystems(row)) {
    const value = (row as Record<string, unknown>)[system]
    if (typeof value === 'string') paths.set(system, { all: value, byObject: {} })
    else paths.set(system, { byObject: value as Record<string, string> })
  }
  return paths
}

function rowKey(row: FieldRowConfig, paths: Map<string, RowPaths>): string {
  if (row.name) return row.name
  // Sorted so that reordering systems in the YAML keeps the same key (and its history).
  return [...paths.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([system, p]) => `${system}:${p.all ?? Object.entries(p.byObject).sort(([a], [b]) => a.localeCompare(b)).map(([o, f]) => `${o}.${f}`).join('+')}`)
    .join('|')
}

/** Resolves one mapping's config into engine rules. Assumes the config passed its checks. */
export function resolveMapping(name: string, config: MappingConfig): Mapping {
  const order = config.systems.map((s) => s.system)
  const rows = config.fields.map((row, index): FieldRow => {
    const paths = resolvePaths(row)
    const isMatchKey = row.name !== undefined && config.match.includes(row.name)
    const oneWay = parseDirection(row.direction)
    return {
      key: rowKey(row, paths),
      index,
      policy: row.policy,
      ...(oneWay ? { oneWay } : {}),
      // Match keys are compared as they are matched: case does not make a different person.
      compare: row.compare ?? (isMatchKey ? 'ignore-case' : 'exact'),
      toleranceMs: row.tolerance * 1000,
      paths,
    }
  })
  const relationships = (['owner', 'company', 'parent'] as const).flatMap((rel): RelationshipRule[] => {
    const rule = config.relationships[rel]
    if (!rule) return []
    const oneWay = parseDirection(rule.direction)
    return [{ name: rel, order: rule.order ?? order, ...(oneWay ? { oneWay } : {}) }]
  })
  const matchRows = config.match.map((m) => rows.find((r) => r.key === m)).filter((r): r is FieldRow => r !== undefined)
  return { name, config, order, rows, relationships, matchRows }
}

/** The path a row uses for one object of one system, if any. */
export function pathFor(row: FieldRow, system: string, object: string): string | undefined {
  const p = row.paths.get(system)
  return p ? (p.byObject[object] ?? p.all) : undefined
}
