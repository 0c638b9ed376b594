import type { Explanation } from '../app/explain/explain-record.js'
import { showValue } from '../domain/normalize-value.js'
import { formatRunItem } from './format-run-item.js'

/** An explanation as a person reads it: the records, each field now, who wrote it and why, then the history; `run` gives run ids as people see them. */
export function formatExplanation(e: Explanation, run: (id: string) => string = (id) => id): string[] {
  const lines = [`entity ${e.entityId} (mapping ${e.mapping})`, ...e.links.map((l) => `  ${l.system}:${l.object}/${l.recordId}`), '', 'fields:']
  for (const row of e.rows) {
    lines.push(`  ${row.row}`)
    for (const v of row.values) lines.push(`    ${v.system}.${v.field} = ${v.value === undefined ? '(read through a relationship)' : showValue(v.value)}`)
    if (row.lastWrite) lines.push(`    last written by run ${run(row.lastWrite.runId)} at ${row.lastWrite.at} into ${row.lastWrite.system}.${row.lastWrite.field}: [${row.lastWrite.reason.rule}] ${row.lastWrite.reason.detail}`)
  }
  lines.push('', 'history:')
  for (const item of e.history) lines.push(`  run ${run(item.runId)} at ${item.at}`, ...formatRunItem(item).map((l) => `  ${l}`))
  return lines
}
