import type { ExportFieldRow, ExportTab, ExportTargetConfig, RecordSync } from './export-config.js'
import { defaultRows } from './default-rows.js'
import { defaultRecordSync, tabObjects } from './record-sync.js'
import type { ExportKind } from './record-sync.js'

/** A field row with where it came from, so a check can tell a pre-mapped default from config. */
export interface TargetRow extends ExportFieldRow {
  /** Index in the config tab, or `default` for a pre-mapped row. */
  readonly origin: number | 'default'
}

/** An export target with its defaults applied: what the engine decides with. */
export interface ExportTarget {
  readonly name: string
  readonly system: string
  readonly kind: ExportKind
  readonly recordSync: RecordSync
  readonly config: ExportTargetConfig
  /** Effective rows per tab: defaults overridden by config rows of the same field, then config rows. */
  readonly rows: Readonly<Record<ExportTab, readonly TargetRow[]>>
}

/** Pre-mapped rows, each replaced by a config row of the same field (case-insensitive); `on: []` rows drop out. */
export function effectiveRows(kind: ExportKind, tab: ExportTab, config: ExportTargetConfig): TargetRow[] {
  const own = config.fields[tab].map((row, i): TargetRow => ({ ...row, origin: i }))
  const overridden = new Set(own.map((r) => r.field.toLowerCase()))
  const defaults = config.defaults ? defaultRows(kind, tab).filter((r) => !overridden.has(r.field.toLowerCase())).map((r): TargetRow => ({ ...r, origin: 'default' })) : []
  return [...defaults, ...own].filter((r) => r.on.length > 0)
}

/** Resolves a target's defaults for its system kind. */
export function resolveExportTarget(name: string, config: ExportTargetConfig, kind: ExportKind): ExportTarget {
  const tabs = Object.keys(tabObjects[kind]) as ExportTab[]
  const rows = { contact: [], lead: [], account: [] } as Record<ExportTab, TargetRow[]>
  for (const tab of tabs) rows[tab] = effectiveRows(kind, tab, config)
  return { name, system: config.system, kind, recordSync: config.recordSync ?? defaultRecordSync[kind], config, rows }
}
