import type { ConfigIssue } from './config-issue.js'
import type { RevsyncConfig } from './config-schema.js'
import type { ExportTab, ExportTargetConfig } from '../export/export-config.js'
import { isExportKind, recordSyncOptions, tabObjects } from '../export/record-sync.js'
import type { ExportKind } from '../export/record-sync.js'

/**
 * Checks export targets for what the JSON schema cannot: that the system exists and is a
 * Salesforce or HubSpot system, that the record sync option and lead routing suit it, and
 * that tabs name each field once. Field names themselves are checked against the discovered
 * schema when an export runs (`checkExportFields`).
 */
export function checkExports(config: RevsyncConfig): ConfigIssue[] {
  return Object.entries(config.exports).flatMap(([name, target]) => checkTarget(config, name, target))
}

function checkTarget(config: RevsyncConfig, name: string, target: ExportTargetConfig): ConfigIssue[] {
  const at = ['exports', name]
  const system = config.systems[target.system]
  if (!system) {
    return [{ path: [...at, 'system'], message: `unknown system "${target.system}"`, fix: `define it under systems, or use one of: ${Object.keys(config.systems).join(', ') || '(none)'}` }]
  }
  if (!isExportKind(system.kind)) {
    return [{ path: [...at, 'system'], message: `"${target.system}" is a ${system.kind} system; exports go to Salesforce or HubSpot`, fix: 'point system at a salesforce or hubspot system' }]
  }
  const kind = system.kind
  const issues: ConfigIssue[] = []
  const options = recordSyncOptions[kind]
  if (target.recordSync !== undefined && !options.includes(target.recordSync)) {
    issues.push({ path: [...at, 'recordSync'], message: `"${target.recordSync}" is not a ${kind} record sync option`, fix: `use one of: ${options.join(', ')}` })
  }
  if (target.leadRouting.kind === 'assignment-rules' && kind !== 'salesforce') {
    issues.push({ path: [...at, 'leadRouting', 'kind'], message: 'assignment rules are a Salesforce feature', fix: 'use default-owner or round-robin on HubSpot' })
  }
  if (target.leadRouting.kind === 'round-robin') {
    const seen = new Set<string>()
    target.leadRouting.pool.forEach((member, i) => {
      const key = member.trim().toLowerCase()
      if (seen.has(key)) issues.push({ path: [...at, 'leadRouting', 'pool', i], message: `"${member}" is in the pool twice`, fix: 'list each user once; a round robin gives every member one turn' })
      seen.add(key)
    })
  }
  for (const tab of ['contact', 'lead', 'account'] as const) issues.push(...checkTab(kind, at, tab, target))
  return issues
}

function checkTab(kind: ExportKind, at: (string | number)[], tab: ExportTab, target: ExportTargetConfig): ConfigIssue[] {
  const rows = target.fields[tab]
  if (rows.length > 0 && tabObjects[kind][tab] === undefined) {
    return [{ path: [...at, 'fields', tab], message: `${kind} has no ${tab} records`, fix: tab === 'lead' ? 'HubSpot people are contacts: move these rows under fields.contact' : `remove fields.${tab}` }]
  }
  const issues: ConfigIssue[] = []
  const seen = new Map<string, number>()
  rows.forEach((row, i) => {
    const key = row.field.toLowerCase()
    const first = seen.get(key)
    if (first !== undefined) issues.push({ path: [...at, 'fields', tab, i, 'field'], message: `"${row.field}" is mapped twice in ${tab} (also row ${first})`, fix: 'keep one row per field; list every "on" case in it' })
    else seen.set(key, i)
  })
  return issues
}
