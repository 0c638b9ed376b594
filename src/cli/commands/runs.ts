import type { Command } from 'commander'
import { formatReason } from '../format-reason.js'
import { openApp } from '../../app/open-app.js'
import type { RunItem } from '../../domain/run.js'
import { shownStatus } from '../../domain/run.js'
import { showValue } from '../../app/sync/show-value.js'

/** One run item as a line or two: what happened to which record, and why. */
export function formatRunItem(item: RunItem): string[] {
  const record = item.recordId ? `${item.system}:${item.object}/${item.recordId}` : item.system ? `${item.system}:${item.object}` : `entity ${item.entityId?.slice(0, 8) ?? ''}`
  const changes = Object.entries(item.after).map(([k, v]) => `${k} ${showValue(item.before[k])} -> ${showValue(v)}`)
  return [`  ${item.action.padEnd(6)} ${record}${changes.length ? `  ${changes.join(', ')}` : ''}`, ...item.reasons.map((r) => `           ${formatReason(r)}`)]
}

/** `revsync runs`: the latest runs, or one run's per-record outcomes. */
export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('list recent runs; `runs show ID` for one run\'s records and reasons')
  runs
    .option('-n, --limit <n>', 'how many runs', '20')
    .action(async (options: { limit: string }) => {
      const app = await openApp(program.opts<{ config: string }>().config)
      try {
        const list = await app.store.listRuns(Number(options.limit))
        const leases = await app.store.listLeases()
        const now = new Date()
        if (list.length === 0) console.log('no runs yet: try revsync sync')
        for (const run of list) {
          const s = run.summary as { writes?: number; held?: number; failed?: Record<string, number> }
          const failed = Object.values(s.failed ?? {}).reduce((a, b) => a + b, 0)
          console.log(`${run.id}  ${run.startedAt}  ${run.kind} ${run.name}  ${shownStatus(run, leases, now)}  writes ${s.writes ?? 0} · failed ${failed} · held ${s.held ?? 0}`)
        }
      } finally {
        await app.close()
      }
    })
  runs
    .command('show <id>')
    .description('every record a run touched, with before/after values and reasons')
    .action(async (id: string) => {
      const app = await openApp(program.opts<{ config: string }>().config)
      try {
        const run = (await app.store.getRun(id)) ?? (await app.store.listRuns(1000)).find((r) => r.id.startsWith(id))
        if (!run) throw new Error(`no run ${id}; see revsync runs`)
        console.log(`${run.kind} ${run.name}  ${shownStatus(run, await app.store.listLeases(), new Date())}  ${run.startedAt} -> ${run.finishedAt ?? '…'}`)
        for (const item of await app.store.getRunItems(run.id)) console.log(formatRunItem(item).join('\n'))
      } finally {
        await app.close()
      }
    })
}
