import { formatReason } from './format-reason.js'
import type { SyncReport } from '../app/sync/sync-report.js'
import { showValue } from '../domain/normalize-value.js'

/** A plan as a person reads it: per record, each write with the rule that decided it; `short` gives entity ids as people see them. */
export function formatPlan(report: SyncReport, short: (id: string) => string = (id) => id): string {
  const lines = [`plan ${report.mapping}: ${report.writes} write${report.writes === 1 ? '' : 's'}`]
  for (const { plan, notes, held } of report.plans) {
    lines.push(`  entity ${short(plan.entityId)}`)
    for (const note of notes) lines.push(`    · ${note.detail}`)
    if (held) lines.push(`    held: ${held.detail}`)
    for (const hold of plan.holds) lines.push(`    held ${hold.rowKey}: ${hold.reason.detail}`)
    for (const warning of plan.warnings) lines.push(`    warning: ${warning.detail}`)
    for (const write of plan.writes) {
      lines.push(`    ${write.kind} ${write.system} ${write.object}${write.recordId ? ` ${write.recordId}` : ''}`)
      for (const [field, value] of Object.entries(write.fields)) {
        lines.push(`      ${field}: ${showValue(write.before[field])} -> ${showValue(value)}`)
      }
      for (const [rel, id] of Object.entries(write.refs)) lines.push(`      ${rel}: -> ${id ?? '(none)'}`)
      for (const reason of write.reasons) lines.push(`        ${formatReason(reason)}`)
    }
  }
  return lines.join('\n')
}
