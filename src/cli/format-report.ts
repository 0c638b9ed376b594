import type { SyncReport } from '../app/sync/sync-report.js'

const number = (n: number) => n.toLocaleString('en-US')

/** A sync report as a small table a person reads at a glance; `short` gives the run id as people see it. */
export function formatSyncReport(report: SyncReport, short: (id: string) => string = (id) => id): string {
  const systems = [...new Set([...Object.keys(report.read), ...Object.keys(report.created), ...Object.keys(report.updated), ...Object.keys(report.failed)])]
  const verb = report.dryRun ? 'would be' : ''
  const head = `${report.dryRun ? 'plan' : 'sync'} ${report.mapping}${report.dryRun ? '' : ` (run ${short(report.runId)})`}`
  const rows = [['', 'read', `${verb ? 'to create' : 'created'}`, `${verb ? 'to update' : 'updated'}`, 'failed'], ...systems.map((s) => [s, ...[report.read[s], report.created[s], report.updated[s], report.failed[s]].map((n) => number(n ?? 0))])]
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? []
  const table = rows.map((r) => `  ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('   ')}`)
  const deleted = Object.entries(report.deleted).map(([s, n]) => `${n} deleted in ${s}`)
  const tail = `  ${number(report.writes)} ${report.dryRun ? 'writes planned' : 'writes'}${deleted.length ? ` (${deleted.join(', ')})` : ''} · ${report.linked} linked by match · ${report.held} held · ${report.skipped} filtered out · ${report.warnings} warnings`
  const problems = report.problems.slice(0, 10).map((p) => `  ! ${p.system ? `${p.system}: ` : ''}${p.reason.detail}`)
  const more = report.problemCount > 10 ? [`  … and ${report.problemCount - 10} more (revsync runs show ${short(report.runId)})`] : []
  return [head, ...table, tail, ...problems, ...more].join('\n')
}
