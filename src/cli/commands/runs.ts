import type { Command } from 'commander'
import { formatReason } from '../format-reason.js'
import { openAppFrom } from '../../app/open-app.js'
import { loadConfig } from '../../app/config/load-config.js'
import type { RunItem } from '../../domain/run.js'
import { shownStatus } from '../../domain/run.js'
import { showValue } from '../../app/sync/show-value.js'
import { resolveId, shortIds } from '../../app/short-ids.js'

/** One run item as a line or two: what happened to which record, and why; `short` gives entity ids as people see them. */
export function formatRunItem(item: RunItem, short: (id: string) => string = (id) => id): string[] {
  const record = item.recordId ? `${item.system}:${item.object}/${item.recordId}` : item.system ? `${item.system}:${item.object}` : `entity ${item.entityId ? short(item.entityId) : ''}`
  const changes = Object.entries(item.after).map(([k, v]) => `${k} ${showValue(item.before[k])} -> ${showValue(v)}`)
  return [`  ${item.action.padEnd(6)} ${record}${changes.length ? `  ${changes.join(', ')}` : ''}`, ...item.reasons.map((r) => `           ${formatReason(r)}`)]
}

/** Runs only read the store, so the systems' secrets need not be set. */
async function openStoreOnly(configPath: string): ReturnType<typeof openAppFrom> {
  return openAppFrom(await loadConfig(configPath, process.env, { secrets: 'deferred' }))
}

/** `revsync runs`: the latest runs, or one run's per-record outcomes. */
export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('list recent runs; `runs show ID` for one run\'s records and reasons')
  runs
    .option('-n, --limit <n>', 'how many runs', '20')
    .action(async (options: { limit: string }) => {
      const app = await openStoreOnly(program.opts<{ config: string }>().config)
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
      const app = await openStoreOnly(program.opts<{ config: string }>().config)
      try {
        const run = await app.store.getRun(await resolveId(app.store, 'run', id))
        if (!run) throw new Error(`no run ${id}; see revsync runs`)
        console.log(`run ${run.id}`)
        console.log(`${run.kind} ${run.name}  ${shownStatus(run, await app.store.listLeases(), new Date())}  ${run.startedAt} -> ${run.finishedAt ?? '…'}`)
        const items = await app.store.getRunItems(run.id)
        const entity = await shortIds(app.store, 'entity', items.flatMap((i) => (i.entityId && !i.recordId ? [i.entityId] : [])))
        for (const item of items) console.log(formatRunItem(item, entity).join('\n'))
      } finally {
        await app.close()
      }
    })
}
