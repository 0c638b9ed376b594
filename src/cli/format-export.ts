import { showValue } from '../domain/normalize-value.js'
import type { ExportReport, InvalidLine, SignalOutcome } from '../app/export/export-report.js'
import { writesOf } from '../app/export/export-report.js'

const verbs = { created: 'create', updated: 'update', skipped: 'skip', failed: 'fail' } as const

/** One signal's outcome as a person reads it: the record, then every decision with its rule, then the fields. */
export function formatOutcome(o: SignalOutcome, planned: boolean): string[] {
  const verb = planned ? verbs[o.outcome] : o.outcome
  const record = `${o.object}${o.recordId ? ` ${o.recordId}` : ''}`
  const lines = [`line ${o.line}  ${verb} ${record}`]
  for (const r of o.reasons.filter((r) => !r.rule.startsWith('field.'))) lines.push(`    [${r.rule}] ${r.detail}`)
  const created = o.account.createdWith
  if (o.account.created && created) {
    lines.push(`    ${planned ? 'creates' : 'created'} account ${o.account.id ?? ''} first:`)
    for (const [field, value] of Object.entries(created.fields)) lines.push(`      ${field}: ${showValue(value)}`)
  }
  for (const [field, value] of Object.entries(o.fields)) lines.push(`    ${field}: ${showValue(o.before[field])} -> ${showValue(value)}`)
  for (const r of o.reasons.filter((r) => r.rule === 'field.kept' || r.rule === 'field.required-missing')) lines.push(`    [${r.rule}] ${r.detail}`)
  if (o.error) lines.push(`    error ${o.error.code}: ${o.error.message}`)
  return lines
}

/** An invalid line with each problem and its fix. */
export function formatInvalid(l: InvalidLine): string[] {
  return l.errors.map((e) => `line ${l.line}  invalid  ${e.field}: ${e.message}; ${e.fix}`)
}

/** The closing summary of an export or its plan. */
export function formatExportSummary(r: ExportReport): string[] {
  const c = r.counts
  const head = r.dryRun ? `plan export ${r.target} (${r.system}, ${r.recordSync}): ${writesOf(r)} write${writesOf(r) === 1 ? '' : 's'}` : `export ${r.target} (${r.system}, ${r.recordSync}) run ${r.runId}`
  return [
    head,
    `  ${r.lines} lines: ${c.created} ${r.dryRun ? 'to create' : 'created'}, ${c.updated} ${r.dryRun ? 'to update' : 'updated'}, ${c.skipped} skipped, ${c.failed} failed, ${r.invalidCount} invalid, ${r.duplicates} repeated in the file, ${r.alreadyProcessed} processed before`,
    ...(r.accountsCreated > 0 ? [`  accounts ${r.dryRun ? 'to create' : 'created'}: ${r.accountsCreated}`] : []),
    `  API calls: ${r.apiCalls}`,
    ...r.notes.map((n) => `  note: ${n}`),
  ]
}
